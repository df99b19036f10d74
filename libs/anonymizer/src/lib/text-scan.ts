import { foldName } from './lexicon/fold';

export type TokenKind = 'title' | 'caps' | 'lower' | 'initial' | 'number' | 'punct' | 'other';

/** A word, number, initial or punctuation sign of a text, with its offsets. */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly kind: TokenKind;
  readonly folded: string;
  /** Only spaces or tabs (at least one) separate it from the previous token, on the same line. */
  readonly joined: boolean;
  /** The gap before it holds a line break (or it is the first token). */
  readonly lineStart: boolean;
}

const TOKEN = /(\p{Lu}\.(?:-\p{Lu}\.)?)(?![\p{L}\p{M}])|[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*|\d+|\S/gu;
/** French elisions written before a word: l'Académie, d'Hères, qu'un. N' and O' begin surnames (N'Diaye, O'Neill). */
const ELISION = /^(?:[lLdDjJmMsStTcC]|[Qq]u|[Jj]usqu|[Ll]orsqu|[Pp]uisqu|[Qq]uoiqu)['’](?=[\p{L}])/u;
const CAPS = /^\p{Lu}[\p{Lu}\p{M}'’-]*$/u;
const TITLE = /^\p{Lu}[\p{Ll}\p{M}]*(?:['’-]\p{Lu}?[\p{Ll}\p{M}]+)*$/u;

function kindOf(word: string): TokenKind {
  if (/^\d/.test(word)) return 'number';
  if (!/^[\p{L}]/u.test(word)) return 'punct';
  const letters = word.replace(/['’-]/g, '');
  if (letters.length >= 2 && CAPS.test(word)) return 'caps';
  if (letters.length >= 2 && TITLE.test(word)) return 'title';
  if (/^\p{Ll}/u.test(word)) return 'lower';
  return 'other';
}

/** Splits a text into tokens; elided articles are tokens of their own (`l'` + `Académie`). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let previousEnd = 0;
  const push = (start: number, end: number, kind: TokenKind): void => {
    const gap = text.slice(previousEnd, start);
    const word = text.slice(start, end);
    tokens.push({
      start,
      end,
      text: word,
      kind,
      folded: kind === 'punct' || kind === 'number' ? word : foldName(word),
      joined: tokens.length > 0 && gap.length > 0 && /^[ \t\u00a0\u202f]+$/.test(gap),
      lineStart: tokens.length === 0 || gap.includes('\n'),
    });
    previousEnd = end;
  };
  for (const match of text.matchAll(TOKEN)) {
    const start = match.index;
    const word = match[0];
    if (match[1]) {
      push(start, start + word.length, 'initial');
      continue;
    }
    const elision = ELISION.exec(word);
    if (elision && word.length > elision[0].length + 1) {
      const cut = start + elision[0].length;
      push(start, cut, 'lower');
      const rest = text.slice(cut, start + word.length);
      push(cut, start + word.length, kindOf(rest));
      continue;
    }
    push(start, start + word.length, kindOf(word));
  }
  return tokens;
}

/** Start of the line holding `offset`. */
export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** End (exclusive, before the line break) of the line holding `offset`. */
export function lineEndOf(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end;
}

/** Up to `length` characters before `offset` on the same line, folded (lowercase, no accents). */
export function foldedBefore(text: string, offset: number, length: number): string {
  return foldName(text.slice(Math.max(lineStartOf(text, offset), offset - length), offset));
}

/** Up to `length` characters before `offset`, across lines, folded. */
export function foldedWindowBefore(text: string, offset: number, length: number): string {
  return foldName(text.slice(Math.max(0, offset - length), offset));
}
