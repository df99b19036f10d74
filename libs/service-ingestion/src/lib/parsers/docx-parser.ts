import { load } from 'cheerio';
import * as mammoth from 'mammoth';
import { BlockBuilder } from './block-builder';
import { cleanMetadataTitle, toIsoDate } from './document-naming';
import { appendHtmlFragment } from './html-parser';
import { ParseError, parseErrors } from './parse-error';
import type { DocumentMetadata, FormatParseResult, ParseLimits } from './parsed-document';
import { normalizeInline } from './text-normalizer';
import { assertNotZipBomb, readZipEntries, readZipEntry, ZipFormatError, ZipTooManyEntriesError, type ZipEntry } from './zip-archive';

const DOCUMENT_PART = 'word/document.xml';

/** What a zip archive turns out to be, from the names of its entries. */
export type ZipDocumentKind = 'docx' | 'odt' | 'xlsx' | 'pptx' | 'zip';

export function zipDocumentKind(entries: readonly ZipEntry[], bytes: Uint8Array): ZipDocumentKind {
  const names = new Set(entries.map((entry) => entry.name));
  if (names.has(DOCUMENT_PART)) return 'docx';
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('ppt/presentation.xml')) return 'pptx';
  const mimetype = entries.find((entry) => entry.name === 'mimetype' && entry.method === 0 && entry.uncompressedSize < 200);
  if (mimetype) {
    try {
      const value = new TextDecoder().decode(readZipEntry(bytes, mimetype, ''));
      if (value.startsWith('application/vnd.oasis.opendocument')) return 'odt';
    } catch {
      return 'zip';
    }
  }
  return 'zip';
}

/**
 * Lists and checks the entries of an archive before anything inflates it: broken structure →
 * CORRUPT_FILE, too many entries or declared sizes of a decompression bomb → ZIP_BOMB.
 */
export function inspectZip(bytes: Uint8Array, fileName: string, limits: ParseLimits): ZipEntry[] {
  let entries: ZipEntry[];
  try {
    entries = readZipEntries(bytes);
  } catch (error) {
    if (error instanceof ZipTooManyEntriesError) {
      throw parseErrors.zipBomb(fileName, `l'archive annonce ${error.entryCount} fichiers, bien plus qu'un document ordinaire`);
    }
    if (error instanceof ZipFormatError) throw parseErrors.corruptFile(fileName, `archive ZIP invalide : ${error.message}`, error);
    throw error;
  }
  assertNotZipBomb(entries, limits, fileName);
  return entries;
}

/** Inflates every entry within its declared size, so a lying archive is caught before mammoth reads it. */
function verifyEntries(bytes: Uint8Array, entries: readonly ZipEntry[], fileName: string): Map<string, Uint8Array> {
  const contents = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue;
    try {
      const data = readZipEntry(bytes, entry, fileName);
      if (entry.name === 'docProps/core.xml') contents.set(entry.name, data);
    } catch (error) {
      if (error instanceof ParseError) throw error;
      if (error instanceof ZipFormatError) throw parseErrors.corruptFile(fileName, `archive ZIP invalide : ${error.message}`, error);
      throw error;
    }
  }
  return contents;
}

function readCoreProperties(core: Uint8Array | undefined): { title?: string; metadata: DocumentMetadata } {
  if (!core) return { metadata: {} };
  const $ = load(new TextDecoder().decode(core), { xml: true });
  const title = cleanMetadataTitle($('dc\\:title').first().text() || undefined);
  const modifiedAt = toIsoDate($('dcterms\\:modified').first().text() || undefined);
  const subject = normalizeInline($('dc\\:subject').first().text());
  return {
    title,
    metadata: { ...(modifiedAt ? { modifiedAt } : {}), ...(subject ? { subject } : {}) },
  };
}

/**
 * Parses a Word document whose archive was listed and checked by {@link inspectZip}: every entry is
 * inflated within its declared size, then mammoth converts it to HTML, read as HTML.
 */
export async function parseDocx(bytes: Uint8Array, fileName: string, entries: readonly ZipEntry[]): Promise<FormatParseResult> {
  if (zipDocumentKind(entries, bytes) !== 'docx') {
    throw parseErrors.corruptFile(fileName, `archive sans ${DOCUMENT_PART}, ce n'est pas un document Word complet`);
  }
  const contents = verifyEntries(bytes, entries, fileName);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
        externalFileAccess: false,
        ignoreEmptyParagraphs: true,
      },
    );
    html = result.value;
  } catch (error) {
    throw parseErrors.corruptFile(fileName, 'contenu Word illisible', error);
  }
  const builder = new BlockBuilder();
  appendHtmlFragment(html, builder);
  const { title, metadata } = readCoreProperties(contents.get('docProps/core.xml'));
  return { blocks: builder.build(), metadataTitle: title, metadata, warnings: [] };
}
