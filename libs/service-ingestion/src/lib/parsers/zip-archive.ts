import { inflateRawSync } from 'node:zlib';
import { formatBytes, parseErrors } from './parse-error';
import type { ParseLimits } from './parsed-document';

/** One entry of a zip archive as its central directory declares it. */
export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflate; anything else is refused when the entry is read. */
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  readonly encrypted: boolean;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_EOCD_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const MAX_COMMENT_LENGTH = 0xffff;
/** More entries than any real office document holds. */
export const MAX_ZIP_ENTRIES = 10_000;

/** Thrown by the reader when the archive structure itself is broken. */
export class ZipFormatError extends Error {}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function readUint64(data: DataView, offset: number): number {
  return Number(data.getBigUint64(offset, true));
}

function findEndOfCentralDirectory(bytes: Uint8Array, data: DataView): number {
  const lowest = Math.max(0, bytes.length - 22 - MAX_COMMENT_LENGTH);
  for (let offset = bytes.length - 22; offset >= lowest; offset -= 1) {
    if (data.getUint32(offset, true) === EOCD_SIGNATURE) return offset;
  }
  throw new ZipFormatError('fin du répertoire ZIP introuvable');
}

interface CentralDirectory {
  readonly entryCount: number;
  readonly size: number;
  readonly offset: number;
}

function readCentralDirectoryLocation(bytes: Uint8Array, data: DataView): CentralDirectory {
  if (bytes.length < 22) throw new ZipFormatError('archive trop courte');
  const eocd = findEndOfCentralDirectory(bytes, data);
  let entryCount = data.getUint16(eocd + 10, true);
  let size = data.getUint32(eocd + 12, true);
  let offset = data.getUint32(eocd + 16, true);
  const needsZip64 = entryCount === 0xffff || size === 0xffffffff || offset === 0xffffffff;
  const locator = eocd - 20;
  if (needsZip64 && locator >= 0 && data.getUint32(locator, true) === ZIP64_EOCD_LOCATOR_SIGNATURE) {
    const zip64Offset = readUint64(data, locator + 8);
    if (zip64Offset + 56 > bytes.length || data.getUint32(zip64Offset, true) !== ZIP64_EOCD_SIGNATURE) {
      throw new ZipFormatError('répertoire ZIP64 invalide');
    }
    entryCount = readUint64(data, zip64Offset + 32);
    size = readUint64(data, zip64Offset + 40);
    offset = readUint64(data, zip64Offset + 48);
  }
  if (offset + size > bytes.length) throw new ZipFormatError('répertoire ZIP hors du fichier (archive tronquée ?)');
  return { entryCount, size, offset };
}

function applyZip64Extra(
  data: DataView,
  extraStart: number,
  extraLength: number,
  sizes: { uncompressed: number; compressed: number; offset: number },
): void {
  let cursor = extraStart;
  const end = extraStart + extraLength;
  while (cursor + 4 <= end) {
    const id = data.getUint16(cursor, true);
    const length = data.getUint16(cursor + 2, true);
    if (id === 0x0001) {
      let field = cursor + 4;
      if (sizes.uncompressed === 0xffffffff && field + 8 <= end) {
        sizes.uncompressed = readUint64(data, field);
        field += 8;
      }
      if (sizes.compressed === 0xffffffff && field + 8 <= end) {
        sizes.compressed = readUint64(data, field);
        field += 8;
      }
      if (sizes.offset === 0xffffffff && field + 8 <= end) sizes.offset = readUint64(data, field);
      return;
    }
    cursor += 4 + length;
  }
}

/** The archive declares more entries than any real document holds. */
export class ZipTooManyEntriesError extends Error {
  constructor(readonly entryCount: number) {
    super(`${entryCount} entrées`);
  }
}

/**
 * Lists the entries of a zip archive from its central directory only, without inflating anything.
 * Throws ZipFormatError when the structure is broken, or when the archive declares absurdly many entries.
 */
export function readZipEntries(bytes: Uint8Array): ZipEntry[] {
  const data = view(bytes);
  const directory = readCentralDirectoryLocation(bytes, data);
  if (directory.entryCount > MAX_ZIP_ENTRIES) {
    throw new ZipTooManyEntriesError(directory.entryCount);
  }
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let cursor = directory.offset;
  const end = directory.offset + directory.size;
  while (cursor + 46 <= end && entries.length <= MAX_ZIP_ENTRIES) {
    if (data.getUint32(cursor, true) !== CENTRAL_HEADER_SIGNATURE) throw new ZipFormatError('entrée du répertoire ZIP invalide');
    const flags = data.getUint16(cursor + 8, true);
    const method = data.getUint16(cursor + 10, true);
    const sizes = {
      compressed: data.getUint32(cursor + 20, true),
      uncompressed: data.getUint32(cursor + 24, true),
      offset: data.getUint32(cursor + 42, true),
    };
    const nameLength = data.getUint16(cursor + 28, true);
    const extraLength = data.getUint16(cursor + 30, true);
    const commentLength = data.getUint16(cursor + 32, true);
    const nameStart = cursor + 46;
    if (nameStart + nameLength + extraLength > bytes.length) throw new ZipFormatError('entrée du répertoire ZIP tronquée');
    const name = decoder.decode(bytes.subarray(nameStart, nameStart + nameLength));
    applyZip64Extra(data, nameStart + nameLength, extraLength, sizes);
    entries.push({
      name,
      method,
      compressedSize: sizes.compressed,
      uncompressedSize: sizes.uncompressed,
      localHeaderOffset: sizes.offset,
      encrypted: (flags & 0x1) !== 0,
    });
    cursor = nameStart + nameLength + extraLength + commentLength;
  }
  if (entries.length > MAX_ZIP_ENTRIES) throw new ZipTooManyEntriesError(entries.length);
  return entries;
}

/**
 * Rejects an archive whose declared sizes betray a decompression bomb: total uncompressed size above
 * the limit, overall compression ratio above the limit, or absurdly many entries.
 */
export function assertNotZipBomb(entries: readonly ZipEntry[], limits: ParseLimits, fileName: string): void {
  if (entries.length > MAX_ZIP_ENTRIES) {
    throw parseErrors.zipBomb(fileName, `l'archive contient ${entries.length} fichiers (au plus ${MAX_ZIP_ENTRIES} attendus)`);
  }
  let uncompressed = 0;
  let compressed = 0;
  for (const entry of entries) {
    uncompressed += entry.uncompressedSize;
    compressed += entry.compressedSize;
  }
  if (uncompressed > limits.maxUncompressedBytes) {
    throw parseErrors.zipBomb(
      fileName,
      `une fois décompressé il occuperait ${formatBytes(uncompressed)}, au-delà de la limite de ${formatBytes(limits.maxUncompressedBytes)}`,
    );
  }
  const ratio = uncompressed / Math.max(1, compressed);
  if (ratio > limits.maxCompressionRatio) {
    throw parseErrors.zipBomb(
      fileName,
      `son contenu est compressé ${Math.round(ratio)} fois (au plus ${limits.maxCompressionRatio} fois pour un document ordinaire)`,
    );
  }
}

/** zlib refused to produce more than `maxOutputLength` bytes (the error may come from another realm). */
function isOutputLimitError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, name } = error as { code?: unknown; name?: unknown };
  return code === 'ERR_BUFFER_TOO_LARGE' || name === 'RangeError';
}

/**
 * Reads one entry, inflating at most what the central directory declares: an entry that inflates to
 * more than its declared size (a lying archive) is refused as a decompression bomb.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, fileName: string): Uint8Array {
  const data = view(bytes);
  const local = entry.localHeaderOffset;
  if (local + 30 > bytes.length || data.getUint32(local, true) !== LOCAL_HEADER_SIGNATURE) {
    throw new ZipFormatError(`en-tête local de ${entry.name} invalide`);
  }
  const start = local + 30 + data.getUint16(local + 26, true) + data.getUint16(local + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipFormatError(`contenu de ${entry.name} tronqué`);
  if (entry.encrypted) throw new ZipFormatError(`${entry.name} est chiffré`);
  const raw = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (raw.length !== entry.uncompressedSize) throw new ZipFormatError(`taille de ${entry.name} incohérente`);
    return raw;
  }
  if (entry.method !== 8) throw new ZipFormatError(`méthode de compression ${entry.method} inconnue pour ${entry.name}`);
  try {
    const inflated = inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    if (inflated.length !== entry.uncompressedSize) throw new ZipFormatError(`taille de ${entry.name} incohérente`);
    return inflated;
  } catch (error) {
    if (error instanceof ZipFormatError) throw error;
    if (isOutputLimitError(error)) {
      throw parseErrors.zipBomb(fileName, `${entry.name} se décompresse au-delà de la taille annoncée (${formatBytes(entry.uncompressedSize)})`);
    }
    throw new ZipFormatError(`contenu de ${entry.name} illisible`);
  }
}
