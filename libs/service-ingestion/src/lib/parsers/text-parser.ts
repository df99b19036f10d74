import { BlockBuilder, type ListItem } from './block-builder';
import { isArticleHeading } from './legal-headings';
import type { FormatParseResult } from './parsed-document';
import { cleanCharacters, joinWrappedLines } from './text-normalizer';

/** A line that may be a section title, and the numbering style that makes it one. */
interface HeadingCandidate {
  readonly style: string;
  readonly text: string;
}

const STRUCTURE_WORDS = /^(livre|partie|titre|chapitre|section|sous-section|paragraphe)\s+(?:[IVXLC]+|\d+|premier|1er|unique)\b/i;
const ROMAN = /^([IVXLC]+)\s*[.)\-–—]\s*(\S.*)$/;
const LETTER = /^([A-Z])\s*[.)]\s+(\S.*)$/;
const NESTED_NUMBER = /^(\d{1,2}(?:\.\d{1,2})+)\.?\s+(\S.*)$/;
const NUMBER = /^(\d{1,2})\s*[.)]\s+(\S.*)$/;
const BULLET_LINE = /^\s*(?:[-*•–—·▪◦>]|\d{1,3}[.)°]|[a-z][.)])\s+\S/u;

function isTitleLike(text: string, maxLength: number): boolean {
  return text.length <= maxLength && /\p{L}/u.test(text) && !/[,;]$/.test(text) && !/[.!?]$/.test(text.replace(/\.{3}$|…$/, ''));
}

/** Recognises a line that reads as a section title, with the style of its numbering. */
export function headingCandidate(line: string): HeadingCandidate | undefined {
  const text = line.trim();
  if (text === '' || text.length > 120) return undefined;
  const structure = STRUCTURE_WORDS.exec(text);
  if (structure && !/[,;]$/.test(text)) return { style: `word:${structure[1].toLowerCase()}`, text };
  const roman = ROMAN.exec(text);
  if (roman && isTitleLike(roman[2], 100)) return { style: 'roman', text };
  const letter = LETTER.exec(text);
  if (letter && isTitleLike(letter[2], 100)) return { style: 'letter', text };
  const nested = NESTED_NUMBER.exec(text);
  if (nested && isTitleLike(nested[2], 100)) return { style: `number:${nested[1].split('.').length}`, text };
  const number = NUMBER.exec(text);
  if (number && isTitleLike(number[2], 80)) return { style: 'number:1', text };
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 3 && letters === letters.toLocaleUpperCase('fr-FR') && letters !== letters.toLocaleLowerCase('fr-FR') && !/[,;]$/.test(text)) {
    return { style: 'caps', text };
  }
  return undefined;
}

function paragraphsOf(text: string): string[][] {
  const paragraphs: string[][] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) paragraphs.push(current);
  return paragraphs;
}

function isList(lines: readonly string[]): boolean {
  if (lines.length < 2 || !BULLET_LINE.test(lines[0])) return false;
  const indent = (line: string): number => /^\s*/.exec(line)?.[0].length ?? 0;
  // Continuation lines of an item are indented, or go on in lowercase.
  return lines.every((line) => BULLET_LINE.test(line) || indent(line) > indent(lines[0]) || /^\s*\p{Ll}/u.test(line));
}

function listItems(lines: readonly string[]): ListItem[] {
  const items: { lines: string[]; indent: number }[] = [];
  for (const line of lines) {
    const indent = /^\s*/.exec(line)?.[0].replace(/\t/g, '    ').length ?? 0;
    if (BULLET_LINE.test(line)) {
      const numbered = /^\s*(\d{1,3}[.)°]|[a-z][.)])\s+/u.exec(line);
      const text = numbered ? line.trim() : line.trim().replace(/^[-*•–—·▪◦>]\s+/u, '');
      items.push({ lines: [text], indent });
    } else if (items.length > 0) {
      items[items.length - 1].lines.push(line);
    }
  }
  const indents = [...new Set(items.map((item) => item.indent))].sort((a, b) => a - b);
  return items.map((item) => ({ text: joinWrappedLines(item.lines), depth: indents.indexOf(item.indent) }));
}

/**
 * Parses plain text: paragraphs split on blank lines; ALL-CAPS lines and numbered short titles
 * ("1.", "I.", "A.", "Chapitre II") become headings, levelled by the order their styles first appear;
 * "Article …" lines become article headings; bulleted runs become lists.
 */
export function parsePlainText(source: string): FormatParseResult {
  // Characters cleaned line by line, indentation kept: it tells list items from their continuations.
  const text = source
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (/^[ \t]*/.exec(line)?.[0] ?? '') + cleanCharacters(line))
    .join('\n');
  const paragraphs = paragraphsOf(text);
  const styleLevels = new Map<string, number>();
  const levelOf = (style: string): number => {
    let level = styleLevels.get(style);
    if (level === undefined) {
      level = Math.min(6, styleLevels.size + 1);
      styleLevels.set(style, level);
    }
    return level;
  };

  const builder = new BlockBuilder();
  for (const lines of paragraphs) {
    if (isList(lines)) {
      builder.list(listItems(lines));
      continue;
    }
    let body = lines;
    const first = lines[0].trim();
    const candidate = isArticleHeading(first) ? undefined : headingCandidate(first);
    if (candidate && (lines.length === 1 || candidate.style !== 'number:1' || !BULLET_LINE.test(lines[1]))) {
      builder.heading(candidate.text, levelOf(candidate.style));
      body = lines.slice(1);
    }
    if (body.length === 0) continue;
    if (isList(body)) {
      builder.list(listItems(body));
      continue;
    }
    builder.paragraphLines(body);
  }
  return { blocks: builder.build(), metadata: {}, warnings: [] };
}
