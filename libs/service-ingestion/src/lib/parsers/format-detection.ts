import type { DocumentFormat } from './parsed-document';

/** What the first bytes of a file say it is. */
export type ContentSignature = 'pdf' | 'zip' | 'ole' | 'png' | 'jpeg' | 'gif' | 'tiff' | 'rtf' | 'markup' | 'text' | 'binary';

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(text: string): number[] {
  return [...text].map((character) => character.charCodeAt(0));
}

const PDF_MAGIC = ascii('%PDF-');

/** Offset of "%PDF-" in the first kilobyte (pdf.js tolerates junk before it), or -1. */
export function pdfHeaderOffset(bytes: Uint8Array): number {
  const limit = Math.min(bytes.length - PDF_MAGIC.length, 1024);
  for (let offset = 0; offset <= limit; offset += 1) {
    if (startsWith(bytes, PDF_MAGIC, offset)) return offset;
  }
  return -1;
}

/** True when the bytes hold nothing but whitespace (and maybe a UTF-8 or UTF-16 byte order mark). */
export function isBlank(bytes: Uint8Array): boolean {
  let index = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) index = 3;
  else if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) index = 2;
  for (; index < bytes.length; index += 1) {
    const byte = bytes[index];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c && byte !== 0x0b && byte !== 0x00) return false;
  }
  return true;
}

/** Recognises a file from its first bytes. */
export function sniffContent(bytes: Uint8Array): ContentSignature {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF8'))) return 'gif';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, ascii('{\\rtf'))) return 'rtf';
  if (pdfHeaderOffset(bytes) >= 0) return 'pdf';
  let index = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (index < bytes.length && (bytes[index] === 0x20 || bytes[index] === 0x09 || bytes[index] === 0x0a || bytes[index] === 0x0d)) index += 1;
  if (bytes[index] === 0x3c) return 'markup';
  const sample = bytes.subarray(0, 4096);
  const zeros = sample.reduce((count, byte) => count + (byte === 0 ? 1 : 0), 0);
  const utf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  if (!utf16 && zeros > sample.length / 10) return 'binary';
  return 'text';
}

/** French description of what a file actually holds, for error messages. */
export function describeSignature(signature: ContentSignature | 'docx' | 'odt' | 'xlsx' | 'pptx'): string {
  switch (signature) {
    case 'pdf':
      return 'un document PDF';
    case 'docx':
      return 'un document Word .docx';
    case 'odt':
      return 'un document OpenDocument .odt';
    case 'xlsx':
      return 'un classeur Excel .xlsx';
    case 'pptx':
      return 'une présentation PowerPoint .pptx';
    case 'zip':
      return 'une archive ZIP';
    case 'ole':
      return 'un ancien document Office (.doc, .xls ou .ppt)';
    case 'png':
      return 'une image PNG';
    case 'jpeg':
      return 'une image JPEG';
    case 'gif':
      return 'une image GIF';
    case 'tiff':
      return 'une image TIFF';
    case 'rtf':
      return 'un document RTF';
    case 'markup':
      return 'du HTML ou du XML';
    case 'text':
      return 'du texte';
    case 'binary':
      return 'des données binaires';
  }
}

/** Format expected for each supported extension. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, DocumentFormat>> = {
  '.pdf': 'pdf',
  '.docx': 'docx',
  '.html': 'html',
  '.htm': 'html',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'text',
  '.xml': 'xml',
};

/** "un PDF", "un document Word .docx"…: what a file with this extension should be. */
export function describeExpected(format: DocumentFormat): string {
  switch (format) {
    case 'pdf':
      return 'un PDF';
    case 'docx':
      return 'un document Word .docx';
    case 'html':
      return 'une page HTML';
    case 'markdown':
      return 'un fichier Markdown (texte)';
    case 'text':
      return 'un fichier texte';
    case 'xml':
      return 'un fichier XML';
  }
}

/** Extension to suggest when the content is a format MILEVA reads, for a renaming hint. */
export function extensionForSignature(signature: ContentSignature | 'docx' | 'odt' | 'xlsx' | 'pptx'): string | undefined {
  switch (signature) {
    case 'pdf':
      return '.pdf';
    case 'docx':
      return '.docx';
    case 'text':
      return '.txt';
    default:
      return undefined;
  }
}
