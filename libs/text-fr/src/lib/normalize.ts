/**
 * Normalisation of French document text (before sentence splitting and chunking) and folding
 * for search (before tokenisation and indexing). Pure functions, no dependency: browser-safe.
 */

/** Typographic ligatures split into their letters. `œ` and `æ` are French letters and stay. */
const LIGATURES: Readonly<Record<string, string>> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
};
const LIGATURE_PATTERN = /[\ufb00-\ufb06]/g;

/**
 * Horizontal spaces that become a plain space: tab, no-break space, narrow no-break space (the
 * French space before `; : ! ?` and inside `« »`), figure/thin/hair/en/em spaces, ideographic space.
 * A space that stood before double punctuation stays there, as a regular space.
 */
const HORIZONTAL_SPACES = /[\t\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;

/** Invisible characters removed: soft hyphen, zero-width space/joiners, word joiner, byte-order mark. */
const INVISIBLES = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/** Other control characters (line breaks, tabs and form feeds are handled before). */
const CONTROLS = /(?!\n)\p{Cc}/gu;

/**
 * Apostrophes, unified to the ASCII apostrophe `'` (U+0027): it is what queries are typed with,
 * what most sources of the corpus use, and what search code splits on. `’` (U+2019), `‘` (U+2018)
 * and `ʼ` (U+02BC) always become `'`; the acute and grave accents used as apostrophes only when
 * they stand between two letters (`l´agent`).
 */
const APOSTROPHES = /[\u2018\u2019\u02bc]/g;
const ACCENT_APOSTROPHES = /(?<=\p{L})[\u00b4`](?=\p{L})/gu;

/** Hyphen look-alikes that are the same glyph as `-` (hyphen, non-breaking hyphen). Dashes stay. */
const HYPHENS = /[\u2010\u2011]/g;

/** Combining diacritical marks left by `normalize('NFD')`. */
const COMBINING_MARKS = /\p{M}/gu;

/**
 * Normalises document text for display and chunking, keeping its meaning and its layout:
 * - Unicode NFC;
 * - typographic ligatures (`ﬁ ﬂ ﬀ ﬃ ﬄ`) split into letters, `œ`/`æ` kept;
 * - no-break, narrow no-break and other special spaces → a plain space (so `article :` keeps
 *   its space before the colon, as a regular space);
 * - soft hyphens and zero-width characters removed;
 * - apostrophes unified to the ASCII `'`;
 * - `\r\n`, `\r`, U+2028 → `\n`; U+2029 and form feeds → paragraph break;
 * - spaces collapsed inside each line, lines trimmed, runs of blank lines → one blank line
 *   (`\n\n`, a paragraph break), single line breaks kept, text trimmed.
 *
 * Idempotent: `normalizeText(normalizeText(s)) === normalizeText(s)`.
 */
export function normalizeText(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/\r\n?|\u2028|\u0085/g, '\n')
    .replace(/[\u2029\f]/g, '\n\n')
    .replace(HORIZONTAL_SPACES, ' ')
    .replace(INVISIBLES, '')
    .replace(CONTROLS, '')
    .replace(LIGATURE_PATTERN, (ligature) => LIGATURES[ligature] ?? ligature)
    .replace(APOSTROPHES, "'")
    .replace(ACCENT_APOSTROPHES, "'")
    .replace(HYPHENS, '-')
    .normalize('NFC');
  return cleaned
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Folds text for indexing and embedding lookups: {@link normalizeText}, then lowercase, accents
 * removed (`é` → `e`, `ç` → `c`), `œ` → `oe`, `æ` → `ae`. Punctuation and layout are kept.
 *
 * @example foldForSearch('Congé de Maternité — Œuvres') === 'conge de maternite — oeuvres'
 */
export function foldForSearch(text: string): string {
  return normalizeText(text)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .normalize('NFC');
}
