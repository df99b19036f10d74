/**
 * Sentence splitting tuned for French administrative text (notes de service, fiches, decrees).
 * Pure functions, no dependency: browser-safe.
 */

/** A sentence located in the text it was split from: `text.slice(start, end)`, already trimmed. */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * Abbreviations after which a period never ends a sentence, lowercase: the word before the period is
 * compared with its first letter lowercased, so `Art.`, `Cf.`, `Env.` match too.
 */
const ABBREVIATIONS: ReadonlySet<string> = new Set([
  // References to texts, case law and pages.
  'art',
  'arts',
  'al',
  'alin',
  'chap',
  'cf',
  'p',
  'pp',
  'n',
  'no',
  'n°',
  'vol',
  'fasc',
  'fig',
  'ibid',
  'op',
  'cit',
  'loc',
  'sq',
  'sqq',
  'suiv',
  'réf',
  'rec',
  'req',
  'concl',
  'sect',
  'ass',
  'cass',
  'civ',
  'crim',
  'soc',
  // Months.
  'janv',
  'févr',
  'fév',
  'avr',
  'juil',
  'juill',
  'oct',
  'nov',
  'déc',
  // Everyday abbreviations.
  'etc',
  'ex',
  'env',
  'min',
  'max',
  'hab',
  'tél',
  'tel',
  'resp',
  'av',
  'bd',
  'éd',
  'coll',
  'dir',
  'ss',
  'vs',
  'approx',
]);

/** Titles before a name (case-sensitive); a single capital letter after one is an initial (`M. J. Dupont`). */
const TITLES: ReadonlySet<string> = new Set([
  'M',
  'MM',
  'Mme',
  'Mmes',
  'Mlle',
  'Mlles',
  'Me',
  'Mgr',
  'Dr',
  'Pr',
]);

const isAbbreviation = (word: string): boolean =>
  TITLES.has(word) ||
  ABBREVIATIONS.has(word.charAt(0).toLowerCase() + word.slice(1)) ||
  isDottedAbbreviation(word);

/** A list item at the start of a line: bullet, `1.`, `1)`, `1°`, `a)`, `a.`, `iv)`, `IV.`. */
const LIST_MARKER =
  /^(?:[-*•–—▪◦·‣+]|\d{1,3}(?:\.\d{1,3})*[.)°]|[a-zA-Z][.)]|[ivxIVX]{1,5}[.)])(?=\s)/u;

/** A Markdown-like table row. */
const TABLE_ROW = /^\|/;

/**
 * Sentence-final punctuation, optional closing quotes/brackets (with the French space before `»`),
 * then whitespace and something that can start a sentence: a capital letter, a digit, or an opening
 * quote/bracket before one, possibly after an inline dash item (`… 2020. - Une fonctionnaire …`).
 */
const SENTENCE_END =
  /[.!?…]+(?:\s?[»”")\]])*(?=\s+(?:[-–—•]\s+)?(?:[«“"([]\s?)?[\p{Lu}\d])/gu;

/** Characters that may precede a word and are not part of it. */
const WORD_OPENERS = /[\s(«“"[/]/u;

/** Enumerators written before a period at the start of a sentence: `1.`, `1.2.`, `IV.`, `a.`. */
const ENUMERATOR = /^(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[a-z])$/u;

/** Dotted abbreviations and acronyms: `J.-P`, `c.-à-d`, `N.B`, `e.g`, `S.A.R.L` (every part ≤ 3 letters). */
function isDottedAbbreviation(word: string): boolean {
  const parts = word.split('.');
  return (
    parts.length > 1 &&
    parts.every((part) => /^-?\p{L}{1,3}(?:-\p{L}{1,3})*$/u.test(part))
  );
}

const isSingleCapital = (word: string): boolean => /^\p{Lu}$/u.test(word);

/** Whether `line` opens a list item. */
export function isListItemLine(line: string): boolean {
  return LIST_MARKER.test(line.trimStart());
}

/** Whether `line` is a table row (`| a | b |`). */
export function isTableRowLine(line: string): boolean {
  return TABLE_ROW.test(line.trimStart());
}

interface LineSpan {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function lineSpans(text: string): LineSpan[] {
  const lines: LineSpan[] = [];
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lines.push({ start, end, text: text.slice(start, end) });
    if (newline === -1) return lines;
    start = newline + 1;
  }
}

/**
 * Positions (offsets of a `\n`) where a line break ends a sentence: blank lines, lines around table
 * rows, before a list item, and after a list item unless the next line continues it (starts with a
 * lowercase letter). Any other line break is a wrapped line inside a sentence.
 */
function lineBreakCuts(text: string): number[] {
  const lines = lineSpans(text);
  const cuts: number[] = [];
  let inListItem = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const current = line.text.trim();
    if (isListItemLine(current)) inListItem = true;
    else if (current === '') inListItem = false;
    const next = lines[i + 1];
    if (next === undefined) break;
    const following = next.text.trim();
    const breaks =
      current === '' ||
      following === '' ||
      isTableRowLine(current) ||
      isTableRowLine(following) ||
      isListItemLine(following) ||
      (inListItem && !/^\p{Ll}/u.test(following));
    if (breaks) {
      cuts.push(line.end);
      inListItem = false;
    }
  }
  return cuts;
}

/** The word right before `index` (up to the previous space or opening quote/bracket) and where it starts. */
function wordBefore(
  text: string,
  index: number,
): { word: string; start: number } {
  let start = index;
  while (start > 0 && !WORD_OPENERS.test(text[start - 1] ?? ' ')) start--;
  return { word: text.slice(start, index), start };
}

/** Whether only whitespace, opening quotes/brackets or a list marker separate `from` and `to`. */
function isSentenceStart(text: string, from: number, to: number): boolean {
  const between = text.slice(from, to).trim();
  if (between === '') return true;
  return /^[«“"([]+$/u.test(between) || LIST_MARKER.test(`${between} `);
}

/** Whether the period at `index` (the only character of the terminator) ends a sentence. */
function periodEndsSentence(
  text: string,
  index: number,
  lastCut: number,
  nextChar: string,
): boolean {
  const { word: rawWord, start } = wordBefore(text, index);
  // `l'art.`, `d'ex.`: the elided article is not part of the abbreviation.
  const word = rawWord.slice(rawWord.search(/[^'’]*$/u));
  if (word === '') return true;
  if (isAbbreviation(word)) return false;
  const atStart = isSentenceStart(text, lastCut, start);
  let beforeEnd = start;
  while (beforeEnd > 0 && /\s/.test(text[beforeEnd - 1] ?? '')) beforeEnd--;
  const afterClauseMark = /[:;]/.test(text[beforeEnd - 1] ?? '');
  if (ENUMERATOR.test(word) && (atStart || afterClauseMark)) return false;
  if (isSingleCapital(word)) {
    // `L. 822-1`, `R. 911-2`, `D. 1`: a code article, not the end of a sentence.
    if (/\d/.test(nextChar)) return false;
    // `J. Dupont` opening a sentence, `M. J. Dupont`, `J. P. Martin`.
    if (atStart) return false;
    const previous = wordBefore(text, beforeEnd).word;
    const previousWord = previous.endsWith('.')
      ? previous.slice(0, -1)
      : previous;
    if (
      previous.endsWith('.') &&
      (TITLES.has(previousWord) ||
        isSingleCapital(previousWord) ||
        isDottedAbbreviation(previousWord))
    ) {
      return false;
    }
    // Otherwise `catégorie C. Les agents…`: the letter ends the sentence.
  }
  return true;
}

/**
 * Locates the sentences of `text` (see {@link splitSentences} for the rules). Spans are trimmed and
 * never empty; the text between two spans is whitespace only.
 */
export function sentenceSpans(text: string): SentenceSpan[] {
  const cuts = new Set<number>(lineBreakCuts(text));
  const lineCuts = [...cuts].sort((a, b) => a - b);
  let lastPunctuationCut = 0;
  let lineCutIndex = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const index = match.index ?? 0;
    const terminator = /^[.!?…]+/u.exec(match[0])?.[0] ?? '';
    const end = index + match[0].length;
    while (
      lineCutIndex < lineCuts.length &&
      (lineCuts[lineCutIndex] ?? Infinity) < index
    ) {
      lineCutIndex++;
    }
    const lastLineCut =
      lineCutIndex > 0 ? (lineCuts[lineCutIndex - 1] ?? 0) : 0;
    const lastCut = Math.max(lastPunctuationCut, lastLineCut);
    const nextChar = /\S/u.exec(text.slice(end, end + 8))?.[0] ?? '';
    let ends: boolean;
    if (terminator === '.') {
      ends = periodEndsSentence(text, index, lastCut, nextChar);
    } else if (/…|\.\./u.test(terminator)) {
      // An elision `(…)` / `[…]` sits inside a sentence.
      ends = !/[([]/.test(text[index - 1] ?? '');
    } else {
      ends = true;
    }
    if (ends) {
      cuts.add(end);
      lastPunctuationCut = end;
    }
  }
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), text.length];
  const spans: SentenceSpan[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    let start = bounds[i] ?? 0;
    let end = bounds[i + 1] ?? text.length;
    while (start < end && /\s/.test(text[start] ?? '')) start++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end > start) spans.push({ start, end });
  }
  return spans;
}

/**
 * Splits French administrative text into sentences (trimmed, never empty, in order).
 *
 * A sentence ends:
 * - at `.`, `!`, `?`, `…` (optionally followed by closing `»`, `”`, `"`, `)`, `]`) when whitespace
 *   and a capital letter, a digit or an opening quote follow;
 * - at a blank line, around table rows (`| … |`), before a list item (`-`, `•`, `1.`, `a)`, `1°`…)
 *   and at the end of a list item (a following line that starts in lowercase continues the item).
 *
 * A period does not end a sentence after an abbreviation (`M.`, `Mme`, `art.`, `cf.`, `p.`, `n°`,
 * `etc.`, `al.`, `chap.`, `ex.`, `env.`, `min.`, `max.`…), a dotted abbreviation (`J.-P.`, `c.-à-d.`,
 * `N.B.`), a code-article letter followed by a number (`L. 822-1`, `R. 911-2`, `D. 1`), an
 * enumerator opening a sentence or following `:`/`;` (`1.`, `1.2.`, `IV.`, `a.`), or an initial that
 * opens a sentence or follows a title or another initial (`M. J. Dupont`). A single capital letter
 * elsewhere ends the sentence (`… de catégorie C. Les agents …`). Decimals and dates (`1.5`,
 * `12.04.2024`) never split since no space follows their periods; an elision `(…)`/`[…]` does not end
 * a sentence. Other line breaks are wrapped lines and stay inside the sentence.
 */
export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map(({ start, end }) => text.slice(start, end));
}
