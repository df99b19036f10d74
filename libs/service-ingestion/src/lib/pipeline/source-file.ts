import { readFile, stat } from 'node:fs/promises';
import { readdir } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';

/** A file to ingest, read lazily so that a folder of thousands of files is never all in memory. */
export interface SourceFile {
  /** Name shown in progress and failures (path relative to what the user gave). */
  readonly name: string;
  /** Stable identity of the document in its corpus: re-ingesting the same URI makes a new version. */
  readonly sourceUri: string;
  /** Size in bytes when known before reading (checked against the size limit first). */
  readonly size?: number;
  read(): Promise<Uint8Array>;
}

/** A file given as bytes (portal upload, tests). */
export function bytesSource(name: string, bytes: Uint8Array, sourceUri = name): SourceFile {
  return { name, sourceUri, size: bytes.byteLength, read: async () => bytes };
}

/**
 * Expands paths (files and folders, recursively, sorted) into source files. The source URI of a
 * file is its path relative to the folder given (or its name for a file given directly), so the
 * same documents ingested from another checkout keep their identity. Hidden files are skipped.
 */
export async function expandPaths(paths: readonly string[]): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const path of paths) {
    const absolute = resolve(path);
    const info = await stat(absolute);
    if (info.isDirectory()) {
      for (const file of await walk(absolute)) {
        const rel = relative(absolute, file).split(sep).join('/');
        files.push(await fileSource(file, rel));
      }
    } else {
      files.push(await fileSource(absolute, basename(absolute)));
    }
  }
  return files;
}

async function fileSource(path: string, name: string): Promise<SourceFile> {
  const info = await stat(path);
  return { name, sourceUri: name, size: info.size, read: async () => new Uint8Array(await readFile(path)) };
}

async function walk(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const result: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) result.push(...(await walk(path)));
    else if (entry.isFile()) result.push(path);
  }
  return result;
}
