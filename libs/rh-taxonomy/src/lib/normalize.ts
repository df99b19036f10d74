/**
 * Text normalisation shared by every lookup of the taxonomy.
 * Pure functions, no dependency: safe in the browser and in Node.
 */

/** Apostrophe-like characters (straight, typographic, modifier letter, acute/grave accents used as quotes). */
const APOSTROPHES = /['\u2018\u2019\u02bc\u00b4`]/g;

/** Hyphen-like characters (hyphen-minus, hyphen, non-breaking hyphen, figure dash, en/em dash, minus). */
const HYPHENS = /[-\u2010\u2011\u2012\u2013\u2014\u2212]/g;

/** Combining diacritical marks left by `normalize('NFD')`. */
const COMBINING_MARKS = /\p{M}/gu;

/** Separators between tokens once a text is normalised: anything but letters, digits and `+` (as in `REP+`). */
const TOKEN_SEPARATORS = /[^\p{L}\p{N}+]+/u;

/** A token must hold at least one letter or digit (a lone `+` is dropped). */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * Normalises a term for comparison: lowercase, accents folded (`é` → `e`, `œ` → `oe`),
 * hyphens and apostrophes turned into spaces, spaces collapsed and trimmed.
 *
 * @example normalizeTerm("  Congé d'Ancienneté – CLM ") === 'conge d anciennete clm'
 */
export function normalizeTerm(s: string): string {
  return s
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(APOSTROPHES, ' ')
    .replace(HYPHENS, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Splits a text into normalised tokens (see {@link normalizeTerm}); punctuation other
 * than `+` separates tokens.
 *
 * @example tokenizeTerm('IA-IPR / REP+') → ['ia', 'ipr', 'rep+']
 */
export function tokenizeTerm(s: string): string[] {
  return normalizeTerm(s)
    .split(TOKEN_SEPARATORS)
    .filter((token) => WORD_CHARACTER.test(token));
}
