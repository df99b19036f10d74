/**
 * Text clean-up shared by every format: ligatures, invisible characters, whitespace and words
 * hyphenated at line ends. Pure functions.
 */

const LIGATURES: Readonly<Record<string, string>> = {
  '\uFB00': 'ff',
  '\uFB01': 'fi',
  '\uFB02': 'fl',
  '\uFB03': 'ffi',
  '\uFB04': 'ffl',
  '\uFB05': 'st',
  '\uFB06': 'st',
};
const LIGATURE_PATTERN = /[\uFB00-\uFB06]/g;

/** Soft hyphen, zero-width characters, word joiner, byte order mark. */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

/** Private-use code points: glyphs of symbol fonts (bullets, ticks) without a meaning of their own. */
const PRIVATE_USE = /[\uE000-\uF8FF]/g;

/** C0/C1 control characters other than tab and line feed. */
const CONTROL = /(?![\t\n])\p{Cc}/gu;

/** Every horizontal whitespace, including non-breaking and typographic spaces. */
const HORIZONTAL_SPACE = /[ \t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;

/** Hyphen-like characters a line may end with when a word was cut. */
const LINE_END_HYPHEN = /[-\u2010\u2011]$/;

/**
 * Second halves of French compounds that keep their hyphen when a line break falls on it
 * ("peut-/être", "a-t-/il", "celui-/ci", "contrat-/type").
 */
export const COMPOUND_TAILS: ReadonlySet<string> = new Set([
  'être', 'il', 'ils', 'elle', 'elles', 'on', 'je', 'tu', 'nous', 'vous', 'le', 'la', 'les', 'lui', 'leur', 'leurs',
  'moi', 'toi', 'soi', 'en', 'y', 't', 'ce', 'ci', 'là', 'même', 'mêmes', 'dessus', 'dessous', 'delà', 'deçà',
  'type', 'types', 'cadre', 'cadres', 'clé', 'clés', 'midi', 'mère', 'mères', 'fille', 'filles', 'fils',
]);

/** First halves of French compounds that keep their hyphen ("sous-/préfet", "demi-/traitement", "après-/midi"). */
export const COMPOUND_HEADS: ReadonlySet<string> = new Set([
  'après', 'avant', 'arrière', 'sous', 'demi', 'mi', 'semi', 'ex', 'vice', 'non', 'quasi', 'contre', 'grand', 'grands',
  'grande', 'grandes', 'petit', 'petits', 'petite', 'petites', 'beau', 'beaux', 'belle', 'belles', 'porte', 'garde',
  'chef', 'chefs', 'haut', 'haute', 'hauts', 'hautes', 'saint', 'sainte', 'vis', 'week', 'ci', 'là', 'celui', 'celle',
  'ceux', 'celles', 'soi', 'dit', 'dite', 'dits', 'dites', 'peut', 'est', 'au', 'aux', 'pseudo', 'franco', 'outre',
  'procès', 'compte', 'rendez', 'lieu', 'lieux',
]);

const LOWERCASE_WORD = /^\p{Ll}+$/u;
const STARTS_LOWERCASE = /^\p{Ll}/u;

/** Replaces typographic ligatures by their letters ("ﬁn" → "fin"). */
export function expandLigatures(text: string): string {
  return text.replace(LIGATURE_PATTERN, (ligature) => LIGATURES[ligature] ?? ligature);
}

/**
 * Collapses every run of whitespace (line breaks included) into one space and trims.
 * Idempotent: `normalizeWhitespace(normalizeWhitespace(s)) === normalizeWhitespace(s)`.
 */
export function normalizeWhitespace(text: string): string {
  return text.replace(/[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/gu, ' ').trim();
}

/**
 * Cleans the characters of a text without touching its line structure: NFC, ligatures, invisible and
 * control characters, private-use glyphs, typographic spaces; each line trimmed, spaces collapsed.
 */
export function cleanCharacters(text: string): string {
  const visible = text
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(PRIVATE_USE, '')
    .replace(CONTROL, '')
    .replace(/[\u2028\u2029]/g, '\n');
  // Composed after the removals and expansions, so that no sequence is left to compose.
  return expandLigatures(visible)
    .normalize('NFC')
    .replace(HORIZONTAL_SPACE, ' ')
    .split('\n')
    .map((line) => line.trim())
    .join('\n');
}

/** Cleans a text meant to read as one line (a heading, a paragraph, a table cell). */
export function normalizeInline(text: string): string {
  return normalizeWhitespace(cleanCharacters(text));
}

/** Word fragment right before the final hyphen of a line ("fonction-" → "fonction"), and the whole last token. */
function trailingFragment(line: string): { fragment: string; token: string } {
  const token = line.slice(line.lastIndexOf(' ') + 1);
  const body = token.replace(LINE_END_HYPHEN, '');
  const fragment = body.slice(Math.max(body.lastIndexOf('-'), body.lastIndexOf("'"), body.lastIndexOf('\u2019')) + 1);
  return { fragment, token: body };
}

/** First word of a line, lowercased, without trailing punctuation. */
function leadingWord(line: string): string {
  const match = /^[\p{L}]+/u.exec(line);
  return match ? match[0] : '';
}

/**
 * Decides how a line ending with a hyphen continues on the next one:
 * `'join'` for a word cut by the layout ("fonction-" + "naire"), `'keep'` for a real hyphen
 * ("Jean-" + "Pierre", "peut-" + "être", "L. 822-" + "1").
 */
export function hyphenBreakKind(before: string, after: string): 'join' | 'keep' {
  const { fragment, token } = trailingFragment(before);
  const next = leadingWord(after);
  if (!LOWERCASE_WORD.test(fragment) || !STARTS_LOWERCASE.test(after) || next === '') return 'keep';
  // "c'est-à-" + "dire", "vis-à-" + "vis": the token already holds a hyphen, the compound goes on.
  if (token.includes('-')) return 'keep';
  if (fragment.length < 2 || next.length < 2) return 'keep';
  if (COMPOUND_HEADS.has(fragment) || COMPOUND_TAILS.has(next.toLowerCase())) return 'keep';
  return 'join';
}

/**
 * Joins the lines of one paragraph into a single line. A word hyphenated at a line end is glued back
 * ("fonction-" / "naire" → "fonctionnaire") only when both halves are lowercase and do not form a
 * known compound; a real hyphen ("Jean-Pierre", "peut-être", "L. 822-1") is kept without a space.
 * A soft hyphen at a line end always glues the word back.
 */
export function joinWrappedLines(lines: readonly string[]): string {
  let result = '';
  for (const raw of lines) {
    const softHyphenated = raw.trimEnd().endsWith('\u00AD');
    const line = normalizeInline(raw);
    if (line === '') continue;
    if (result === '') {
      result = line;
    } else if (LINE_END_HYPHEN.test(result) && /\S[-\u2010\u2011]$/u.test(result)) {
      result = hyphenBreakKind(result, line) === 'join' ? result.slice(0, -1) + line : result.slice(0, -1) + '-' + line;
    } else {
      result = `${result} ${line}`;
    }
    if (softHyphenated) result += '\u00AD';
  }
  return normalizeInline(result.replace(/\u00AD /g, ''));
}

/** True when the text holds at least one letter or digit. */
export function hasWordCharacter(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
