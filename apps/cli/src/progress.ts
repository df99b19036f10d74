import type { IngestionProgressEvent } from '@mileva/contracts';
import { SingleBar } from 'cli-progress';

/** A progress bar on stderr for a terminal, or a line every few percent otherwise (logs, CI). */
export function createProgressReporter(label: string): { update(event: IngestionProgressEvent): void; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new SingleBar({
      format: `${label} [{bar}] {value}/{total} fichiers | {pages} pages | {chunks} passages | {failures} échec(s) | {file}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
      barsize: 30,
    });
    let started = false;
    return {
      update(event) {
        const payload = { pages: event.pages, chunks: event.chunks, failures: event.failures, file: (event.file ?? '').slice(-40) };
        if (!started) {
          bar.start(event.total, event.done, payload);
          started = true;
        } else {
          bar.update(event.done, payload);
        }
      },
      stop: () => bar.stop(),
    };
  }
  let lastPercent = -1;
  return {
    update(event) {
      const percent = event.total === 0 ? 100 : Math.floor((event.done / event.total) * 100);
      if (percent >= lastPercent + 10 || event.finished) {
        lastPercent = percent;
        process.stderr.write(`${label} : ${event.done}/${event.total} fichiers (${percent} %), ${event.chunks} passages, ${event.failures} échec(s)\n`);
      }
    },
    stop: () => undefined,
  };
}
