import { ParseError, parseErrors } from './parse-error';

/** A decoded text and what the reader should know about how it was decoded. */
export interface DecodedText {
  readonly text: string;
  readonly warnings: readonly string[];
}

/** Control characters that never appear in a text file (tab, line breaks and form feed excepted). */
const BINARY_CONTROL = /(?![\t\n\r\f\v])\p{Cc}/u;

/** Windows-1252 bytes with no character assigned. */
const UNDEFINED_CP1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Characters above ASCII expected in French text saved as Windows-1252 / Latin-1. */
const FRENCH_HIGH_CHARACTERS = new Set(
  'àâäçéèêëîïôöùûüÿœæÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»‘’“”–—…€°§²³µ·•×÷ñÑáíóúÁÍÓÚ\u00A0'.split(''),
);

/** Offset of the first byte that breaks UTF-8, or -1. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index];
    let length = 0;
    if (byte < 0x80) length = 1;
    else if (byte >= 0xc2 && byte <= 0xdf) length = 2;
    else if (byte >= 0xe0 && byte <= 0xef) length = 3;
    else if (byte >= 0xf0 && byte <= 0xf4) length = 4;
    else return index;
    for (let k = 1; k < length; k += 1) {
      const next = bytes[index + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return index;
    }
    index += length;
  }
  return -1;
}

/**
 * True when bytes that are not UTF-8 read as plausible French text in Windows-1252: no control
 * characters, no unassigned byte, high characters all usual in French and surrounded by letters often
 * enough, and a majority of ASCII letters.
 */
function isPlausibleWindows1252French(bytes: Uint8Array, decoded: string): boolean {
  let asciiLetters = 0;
  let high = 0;
  for (const byte of bytes) {
    if (UNDEFINED_CP1252.has(byte)) return false;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) return false;
    if ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)) asciiLetters += 1;
    if (byte >= 0x80) high += 1;
  }
  if (high === 0) return true;
  for (const character of decoded) {
    if (character.charCodeAt(0) >= 0x80 && !FRENCH_HIGH_CHARACTERS.has(character)) return false;
  }
  return asciiLetters >= high * 3 && asciiLetters >= bytes.length * 0.4;
}

/**
 * Decodes the bytes of a text file: UTF-8 (BOM stripped), UTF-16 with a BOM, and as a last resort
 * Windows-1252 when the bytes look like French text saved in that legacy encoding (a warning says so).
 * Throws INVALID_ENCODING otherwise.
 */
export function decodeText(bytes: Uint8Array, fileName: string): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warnings: [] };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), warnings: [] };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    const control = text.search(BINARY_CONTROL);
    if (control >= 0) throw parseErrors.invalidEncoding(fileName, control);
    return { text, warnings: [] };
  } catch (error) {
    // Anything but our own error is the decoder refusing the bytes: try the legacy encoding.
    if (error instanceof ParseError) throw error;
  }
  const decoded = new TextDecoder('windows-1252').decode(bytes);
  if (isPlausibleWindows1252French(bytes, decoded)) {
    return {
      text: decoded,
      warnings: [
        "Le fichier n'était pas encodé en UTF-8 : il a été lu comme du Windows-1252 (Latin-1). Vérifiez les caractères accentués, ou réenregistrez-le en UTF-8.",
      ],
    };
  }
  throw parseErrors.invalidEncoding(fileName, Math.max(0, firstInvalidUtf8Offset(bytes)));
}
