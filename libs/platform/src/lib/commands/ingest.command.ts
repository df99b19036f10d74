import type { IngestionProgressEvent, IngestionSummary } from '@mileva/contracts';
import { isCorpusCode, isThemeCode, THEME_CODES } from '@mileva/rh-taxonomy';
import { ConfigError, LocalTransport, type MilevaConfig } from '@mileva/runtime';
import { AnswersService, expandPaths, IngestionService } from '@mileva/service-ingestion';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { startPlatform } from '../platform';

export interface IngestCommandOptions {
  readonly paths: readonly string[];
  readonly corpus: string;
  readonly kind: 'documents' | 'answers';
  readonly theme?: string;
  readonly validFrom?: string;
  readonly validTo?: string;
}

/** Thrown for a bad command line: the message says what to fix. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function validateIngestOptions(options: IngestCommandOptions): void {
  if (options.paths.length === 0) throw new UsageError('Indiquez au moins un fichier ou un dossier à ingérer.');
  if (!isCorpusCode(options.corpus)) throw new UsageError(`--corpus : « ${options.corpus} » n’est ni « national » ni un code d’académie (ex. lyon, aix-marseille).`);
  if (options.theme !== undefined && !isThemeCode(options.theme)) {
    throw new UsageError(`--theme : « ${options.theme} » n’est pas un thème connu (${THEME_CODES.join(', ')}).`);
  }
  for (const [flag, value] of [
    ['--valid-from', options.validFrom],
    ['--valid-to', options.validTo],
  ] as const) {
    if (value !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))) {
      throw new UsageError(`${flag} : date attendue au format AAAA-MM-JJ (reçu : ${value}).`);
    }
  }
  if (options.validFrom && options.validTo && options.validFrom > options.validTo) {
    throw new UsageError('--valid-to précède --valid-from.');
  }
}

/**
 * Ingests files or folders into a corpus of the configured database, in this process (the
 * ingestion and anonymization services are hosted on an in-process bus for the duration).
 */
export async function runIngestCommand(
  config: MilevaConfig,
  options: IngestCommandOptions,
  onProgress?: (event: IngestionProgressEvent) => void,
): Promise<IngestionSummary> {
  validateIngestOptions(options);
  for (const path of options.paths) {
    await stat(path).catch(() => {
      throw new UsageError(`Chemin introuvable : ${path}`);
    });
  }
  const platform = await startPlatform({ config: { ...config, healthPort: 0 }, services: ['ingestion', 'anonymization'], transport: new LocalTransport() }).catch(
    (error: unknown) => {
      if (error instanceof ConfigError && error.variable === 'MILEVA_DATA_DIR') {
        throw new ConfigError('MILEVA_DATA_DIR', `${error.message} Pendant que MILEVA tourne, ajoutez les documents depuis le portail.`);
      }
      throw error;
    },
  );
  try {
    if (options.kind === 'answers') {
      return await importAnswers(platform.app.get(AnswersService), options);
    }
    const files = await expandPaths(options.paths);
    const { jobId: _jobId, aborted: _aborted, outcomes: _outcomes, ...summary } = await platform.app
      .get(IngestionService)
      .runJob(files, { corpus: options.corpus, theme: options.theme, validFrom: options.validFrom, validTo: options.validTo }, onProgress);
    return summary;
  } finally {
    await platform.close();
  }
}

async function importAnswers(answers: AnswersService, options: IngestCommandOptions): Promise<IngestionSummary> {
  const started = performance.now();
  const total: { -readonly [K in keyof IngestionSummary]: IngestionSummary[K] } = { ingested: 0, updated: 0, unchanged: 0, failed: [], documents: 0, chunks: 0, pages: 0, seconds: 0 };
  for (const path of options.paths) {
    const fileName = basename(path);
    try {
      const summary = await answers.importFile(options.corpus, fileName, new Uint8Array(await readFile(path)));
      total.ingested += summary.ingested;
      total.unchanged += summary.unchanged;
      total.failed = [...total.failed, ...summary.failed];
    } catch (error) {
      total.failed = [...total.failed, { file: fileName, code: 'INVALID_ENTRY', message: error instanceof Error ? error.message : String(error) }];
    }
  }
  total.seconds = Math.round((performance.now() - started) / 10) / 100;
  return total;
}
