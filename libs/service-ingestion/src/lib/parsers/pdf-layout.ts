/**
 * Rebuilds readable blocks from positioned PDF text items: lines, reading order, repeated
 * headers/footers, paragraphs, lists and headings. Pure functions over a small item model, so the
 * layout rules are tested without pdf.js.
 */
import { BlockBuilder, type ListItem } from './block-builder';
import { isArticleHeading } from './legal-headings';
import type { ParsedBlock } from './parsed-document';
import { cleanCharacters, joinWrappedLines, normalizeInline } from './text-normalizer';

/** A run of text drawn at one position (PDF user space: origin bottom-left, y grows upwards). */
export interface PdfTextItem {
  readonly str: string;
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly width: number;
  readonly fontSize: number;
  readonly bold: boolean;
}

export interface PdfPageContent {
  /** 1-based. */
  readonly pageNumber: number;
  readonly height: number;
  readonly items: readonly PdfTextItem[];
}

/** A line of text: items sharing a baseline, without a wide horizontal gap between them. */
export interface PdfLine {
  readonly text: string;
  readonly x: number;
  readonly right: number;
  readonly y: number;
  readonly fontSize: number;
  readonly bold: boolean;
  readonly page: number;
}

export interface PdfLayoutResult {
  readonly blocks: ParsedBlock[];
  readonly warnings: string[];
  /** Visible characters left on each page once page furniture is removed, in page order. */
  readonly pageCharacters: number[];
}

/** Bullets drawn by word processors (symbol-font glyphs live in the private-use area). */
const BULLET = /^(?:[\uE000-\uF8FF\u2022\u2023\u2043\u2219\u25AA\u25AB\u25A0\u25A1\u25CF\u25CB\u25E6\u25B6\u25BA\u27A2\u2794\u2713\u2714\u00B7\u25C6\u25C7\u2666\u27A4\u2192]|[-\u2013\u2014*](?=\s)|o(?=\s))\s*/u;

const PAGE_NUMBER = /^(?:page\s*)?[-\u2013\u2014]?\s*\d{1,4}\s*[-\u2013\u2014]?(?:\s*(?:\/|sur|de|of)\s*\d{1,4})?$|^[-\u2013\u2014]?\s*[ivxlc]{1,6}\s*[-\u2013\u2014]?$/i;

const SENTENCE_END_MARK = /[.!?:;»)\]]$/u;
/** Abbreviations a line may end with without ending a sentence ("articles R." / "421-1"). */
const ABBREVIATION_END = /(?:^|[\s(])(?:\p{Lu}|art|al|cf|MM?|Mme|Mmes|Mlle|n°|no|p|pp|chap|min|max|env|réf|ex)\.$/u;

function endsSentence(text: string): boolean {
  return SENTENCE_END_MARK.test(text) && !ABBREVIATION_END.test(text);
}

function visibleLength(text: string): number {
  return text.replace(/\s+/g, '').length;
}

// ---------------------------------------------------------------------------------------------
// Lines

/** Drops the duplicates some producers draw to fake bold text (same string, same place). */
function dropDuplicateItems(items: readonly PdfTextItem[]): PdfTextItem[] {
  const kept: PdfTextItem[] = [];
  const seen = new Map<string, PdfTextItem[]>();
  for (const item of items) {
    if (item.str === '') continue;
    if (item.str.trim() === '') {
      // Spaces carry no text but bridge the gap between the words around them.
      kept.push(item);
      continue;
    }
    const twins = seen.get(item.str) ?? [];
    if (twins.some((twin) => Math.abs(twin.x - item.x) < 1.5 && Math.abs(twin.y - item.y) < 1.5)) continue;
    twins.push(item);
    seen.set(item.str, twins);
    kept.push(item);
  }
  return kept;
}

function assembleLine(runItems: readonly PdfTextItem[], page: number): PdfLine {
  let start = 0;
  let end = runItems.length;
  while (end > 1 && runItems[end - 1].str.trim() === '') end -= 1;
  while (start < end - 1 && runItems[start].str.trim() === '') start += 1;
  const items = runItems.slice(start, end);
  let text = '';
  let previous: PdfTextItem | undefined;
  let boldCharacters = 0;
  let characters = 0;
  const sizeWeights = new Map<number, number>();
  for (const item of items) {
    if (previous) {
      const gap = item.x - (previous.x + previous.width);
      const size = Math.max(item.fontSize, previous.fontSize);
      if (gap > 0.15 * size && !text.endsWith(' ') && !item.str.startsWith(' ')) text += ' ';
    }
    text += item.str.trim() === '' ? (text.endsWith(' ') ? '' : ' ') : item.str;
    const count = visibleLength(item.str);
    characters += count;
    if (item.bold) boldCharacters += count;
    const size = Math.round(item.fontSize * 2) / 2;
    sizeWeights.set(size, (sizeWeights.get(size) ?? 0) + count);
    previous = item;
  }
  let fontSize = 0;
  let best = -1;
  for (const [size, weight] of sizeWeights) {
    if (weight > best || (weight === best && size > fontSize)) {
      best = weight;
      fontSize = size;
    }
  }
  const main = items.reduce((a, b) => (b.fontSize > a.fontSize ? b : a));
  const last = items[items.length - 1];
  return {
    text,
    x: items[0].x,
    right: last.x + last.width,
    y: main.y,
    fontSize,
    bold: characters > 0 && boldCharacters / characters >= 0.8,
    page,
  };
}

/** Groups the items of a page into lines: same baseline (superscripts included), split at wide gaps. */
export function buildLines(page: PdfPageContent): PdfLine[] {
  const items = dropDuplicateItems(page.items).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: PdfTextItem[][] = [];
  let row: PdfTextItem[] = [];
  let reference: PdfTextItem | undefined;
  for (const item of items) {
    if (reference && Math.abs(item.y - reference.y) <= 0.45 * Math.max(item.fontSize, reference.fontSize)) {
      row.push(item);
      if (item.fontSize > reference.fontSize) reference = item;
    } else {
      if (row.length > 0) rows.push(row);
      row = [item];
      reference = item;
    }
  }
  if (row.length > 0) rows.push(row);

  const lines: PdfLine[] = [];
  for (const cluster of rows) {
    cluster.sort((a, b) => a.x - b.x);
    let run: PdfTextItem[] = [];
    for (const item of cluster) {
      if (run.length === 0 && item.str.trim() === '') continue;
      const previous = run[run.length - 1];
      if (previous && item.x - (previous.x + previous.width) > 2 * Math.max(item.fontSize, previous.fontSize)) {
        lines.push(assembleLine(run, page.pageNumber));
        run = [];
      }
      run.push(item);
    }
    if (run.length > 0) lines.push(assembleLine(run, page.pageNumber));
  }
  return lines.filter((line) => line.text.trim() !== '');
}

// ---------------------------------------------------------------------------------------------
// Reading order

function top(line: PdfLine): number {
  return line.y + 0.75 * line.fontSize;
}

function bottom(line: PdfLine): number {
  return line.y - 0.22 * line.fontSize;
}

/** True when another line (outside `own`) sits on the same baseline: a label and its text after a tab. */
function sharesRow(line: PdfLine, lines: readonly PdfLine[], own: readonly PdfLine[]): boolean {
  return lines.some((other) => !own.includes(other) && Math.abs(other.y - line.y) < 0.3 * Math.max(other.fontSize, line.fontSize));
}

/**
 * Orders the lines of a page for reading with a recursive XY cut: split at horizontal bands of
 * empty space first (paragraph gaps, table rows), then at vertical gutters (columns, side labels);
 * what is left is read top to bottom, left to right.
 */
export function orderLines(lines: readonly PdfLine[], bodySize: number): PdfLine[] {
  if (lines.length <= 1) return [...lines];
  const byTop = [...lines].sort((a, b) => top(b) - top(a));
  const bands: PdfLine[][] = [];
  let band: PdfLine[] = [byTop[0]];
  let floor = bottom(byTop[0]);
  for (const line of byTop.slice(1)) {
    if (floor - top(line) >= 0.6 * bodySize) {
      bands.push(band);
      band = [line];
      floor = bottom(line);
    } else {
      band.push(line);
      floor = Math.min(floor, bottom(line));
    }
  }
  bands.push(band);
  if (bands.length > 1) return bands.flatMap((part) => orderLines(part, bodySize));

  const byLeft = [...lines].sort((a, b) => a.x - b.x);
  const columns: PdfLine[][] = [];
  let column: PdfLine[] = [byLeft[0]];
  let edge = byLeft[0].right;
  for (const line of byLeft.slice(1)) {
    if (line.x - edge >= Math.max(12, 1.5 * bodySize)) {
      columns.push(column);
      column = [line];
      edge = line.right;
    } else {
      column.push(line);
      edge = Math.max(edge, line.right);
    }
  }
  columns.push(column);
  if (columns.length > 1 && columns.every((part) => part.length >= 2 || !sharesRow(part[0], lines, part))) {
    return columns.flatMap((part) => orderLines(part, bodySize));
  }

  return [...lines].sort((a, b) =>
    Math.abs(a.y - b.y) < 0.3 * Math.max(a.fontSize, b.fontSize) ? a.x - b.x : b.y - a.y,
  );
}

// ---------------------------------------------------------------------------------------------
// Repeated headers and footers

function furnitureKey(text: string): string {
  return normalizeInline(text).toLowerCase().replace(/\d+/g, '#');
}

function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(normalizeInline(text));
}

interface FurnitureZones {
  readonly top: PdfLine[];
  readonly bottom: PdfLine[];
}

/** The three lines nearest the top and the bottom edge of a page, when they sit in the outer 15 %. */
function furnitureZones(lines: readonly PdfLine[], height: number): FurnitureZones {
  const sorted = [...lines].sort((a, b) => b.y - a.y);
  return {
    top: sorted.slice(0, 3).filter((line) => line.y >= height * 0.85 && line.text.length <= 150),
    bottom: sorted.slice(-3).filter((line) => line.y <= height * 0.15 && line.text.length <= 150),
  };
}

function plural(count: number, singular: string, pluralForm: string): string {
  return count > 1 ? pluralForm : singular;
}

/**
 * Removes page furniture: page numbers ("3", "Page 3 / 12", "- 3 -") and lines that recur at the top
 * or the bottom of most pages. Returns the kept lines per page and French warnings saying what went.
 */
export function removePageFurniture(
  pages: readonly { readonly lines: readonly PdfLine[]; readonly height: number }[],
): { pages: PdfLine[][]; warnings: string[] } {
  const zones = pages.map((page) => furnitureZones(page.lines, page.height));
  const pageCount = pages.length;
  const repeated = (side: 'top' | 'bottom'): Set<string> => {
    const counts = new Map<string, number>();
    const exactCounts = new Map<string, number>();
    for (const zone of zones) {
      const candidates = zone[side].filter((line) => !isArticleHeading(normalizeInline(line.text)));
      const keys = new Set(candidates.map((line) => furnitureKey(line.text)));
      for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
      const exact = new Set(candidates.map((line) => normalizeInline(line.text)));
      for (const key of exact) exactCounts.set(key, (exactCounts.get(key) ?? 0) + 1);
    }
    const result = new Set<string>();
    if (pageCount >= 3) {
      const needed = Math.max(3, Math.ceil(pageCount * 0.5));
      for (const [key, count] of counts) if (count >= needed && /\p{L}/u.test(key)) result.add(key);
    } else if (pageCount === 2) {
      for (const [text, count] of exactCounts) {
        if (count === 2 && /\p{L}/u.test(text)) result.add(furnitureKey(text));
      }
    }
    return result;
  };
  const repeatedTop = repeated('top');
  const repeatedBottom = repeated('bottom');

  let headerPages = 0;
  let footerPages = 0;
  let numberPages = 0;
  const kept = pages.map((page, index) => {
    const zone = zones[index];
    const drop = new Set<PdfLine>();
    let header = false;
    let footer = false;
    let numbered = false;
    for (const line of zone.top) {
      if (isPageNumber(line.text)) {
        drop.add(line);
        numbered = true;
      } else if (repeatedTop.has(furnitureKey(line.text)) && !isArticleHeading(normalizeInline(line.text))) {
        drop.add(line);
        header = true;
      }
    }
    for (const line of zone.bottom) {
      if (isPageNumber(line.text)) {
        drop.add(line);
        numbered = true;
      } else if (repeatedBottom.has(furnitureKey(line.text)) && !isArticleHeading(normalizeInline(line.text))) {
        drop.add(line);
        footer = true;
      }
    }
    if (header) headerPages += 1;
    if (footer) footerPages += 1;
    if (numbered) numberPages += 1;
    return page.lines.filter((line) => !drop.has(line));
  });

  const warnings: string[] = [];
  if (headerPages > 0) warnings.push(`En-tête répété retiré sur ${headerPages} ${plural(headerPages, 'page', 'pages')}`);
  if (footerPages > 0) warnings.push(`Pied de page répété retiré sur ${footerPages} ${plural(footerPages, 'page', 'pages')}`);
  if (numberPages > 0) warnings.push(`Numéros de page retirés sur ${numberPages} ${plural(numberPages, 'page', 'pages')}`);
  return { pages: kept, warnings };
}

// ---------------------------------------------------------------------------------------------
// Paragraphs, lists, headings

interface Typography {
  readonly bodySize: number;
  /** Usual distance between the baselines of two lines of one paragraph, per rounded font size. */
  readonly lineSpacing: ReadonlyMap<number, number>;
  /** Distinct heading font sizes, largest first. */
  readonly headingSizes: readonly number[];
}

function isHeadingSize(size: number, bodySize: number): boolean {
  return size >= bodySize + Math.max(1.5, bodySize * 0.15);
}

/** Body font size (the one most characters use), usual line spacing, heading sizes. */
export function measureTypography(pages: readonly (readonly PdfLine[])[]): Typography {
  const weights = new Map<number, number>();
  const spacings = new Map<number, Map<number, number>>();
  for (const lines of pages) {
    for (const line of lines) weights.set(line.fontSize, (weights.get(line.fontSize) ?? 0) + visibleLength(line.text));
    const sorted = [...lines].sort((a, b) => b.y - a.y);
    for (let index = 1; index < sorted.length; index += 1) {
      const above = sorted[index - 1];
      const below = sorted[index];
      if (above.fontSize !== below.fontSize || Math.abs(above.x - below.x) > 2 * below.fontSize) continue;
      const distance = Math.round((above.y - below.y) * 2) / 2;
      if (distance < 0.9 * below.fontSize || distance > 2 * below.fontSize) continue;
      const perSize = spacings.get(below.fontSize) ?? new Map<number, number>();
      perSize.set(distance, (perSize.get(distance) ?? 0) + 1);
      spacings.set(below.fontSize, perSize);
    }
  }
  let bodySize = 10;
  let best = -1;
  for (const [size, weight] of weights) {
    if (weight > best) {
      best = weight;
      bodySize = size;
    }
  }
  const lineSpacing = new Map<number, number>();
  for (const [size, distances] of spacings) {
    let mode = 0;
    let modeCount = -1;
    for (const [distance, count] of distances) {
      if (count > modeCount || (count === modeCount && distance < mode)) {
        mode = distance;
        modeCount = count;
      }
    }
    lineSpacing.set(size, mode);
  }
  const headingSizes = [...weights.keys()].filter((size) => isHeadingSize(size, bodySize)).sort((a, b) => b - a);
  return { bodySize, lineSpacing, headingSizes };
}

interface LineGroup {
  readonly lines: PdfLine[];
  readonly page: number;
}

function startsWithBullet(text: string): boolean {
  return BULLET.test(text.trim());
}

function breaksParagraph(previous: PdfLine, line: PdfLine, group: readonly PdfLine[], typography: Typography, pageRight: number): boolean {
  const size = Math.max(previous.fontSize, line.fontSize);
  const distance = previous.y - line.y;
  if (distance < -0.5 * size) return true;
  // A sentence going on in lowercase right below is one paragraph, whatever its font.
  const previousText = normalizeInline(previous.text);
  const text = line.text.trim();
  const goesOn = !startsWithBullet(text) && !endsSentence(previousText) && /^\p{Ll}/u.test(normalizeInline(text)) && distance <= 1.6 * size;
  if (goesOn) return false;
  if (Math.abs(line.fontSize - previous.fontSize) > 1) return true;
  if (line.bold !== previous.bold && (line.bold || previous.bold)) {
    // A bold run inside a paragraph does not break it; a bold line over a regular one does.
    const headingLike = previous.bold ? group.every((member) => member.bold) : true;
    if (headingLike) return true;
  }
  const spacing = typography.lineSpacing.get(line.fontSize) ?? 1.2 * line.fontSize;
  if (distance > Math.max(spacing * 1.3, line.fontSize * 1.15)) return true;
  if (startsWithBullet(text) || isArticleHeading(cleanCharacters(text))) return true;
  const groupLeft = Math.min(...group.map((member) => member.x));
  const groupRight = group.length > 1 ? Math.max(...group.map((member) => member.right)) : pageRight;
  const width = Math.max(1, groupRight - groupLeft);
  const startsAnew = /^[\p{Lu}\d«"“(]/u.test(normalizeInline(text));
  if (endsSentence(previousText) && startsAnew && previous.right < groupRight - 0.15 * width) return true;
  const hangingIndent = startsWithBullet(group[0].text) || isArticleHeading(cleanCharacters(group[0].text));
  if (endsSentence(previousText) && startsAnew && line.x > groupLeft + 1.5 * line.fontSize && !hangingIndent) return true;
  return false;
}

function groupLines(lines: readonly PdfLine[], typography: Typography): LineGroup[] {
  const groups: LineGroup[] = [];
  const pageRight = lines.length === 0 ? 0 : Math.max(...lines.map((line) => line.right));
  let current: PdfLine[] = [];
  for (const line of lines) {
    const previous = current[current.length - 1];
    if (previous && Math.abs(previous.y - line.y) < 0.3 * Math.max(previous.fontSize, line.fontSize) && line.x > previous.x) {
      // Same row, further right (table cells, side notes): read on the same line.
      current[current.length - 1] = { ...previous, text: `${previous.text} ${line.text}`, right: line.right };
      continue;
    }
    if (previous && breaksParagraph(previous, line, current, typography, pageRight)) {
      groups.push({ lines: current, page: current[0].page });
      current = [];
    }
    current.push(line);
  }
  if (current.length > 0) groups.push({ lines: current, page: current[0].page });
  return groups;
}

type Piece =
  | { readonly kind: 'heading'; readonly text: string; readonly level: number; readonly page: number }
  | { readonly kind: 'paragraph'; text: string; readonly page: number }
  | { readonly kind: 'list'; readonly items: { text: string; readonly x: number }[]; readonly page: number };

function headingLevel(group: LineGroup, typography: Typography): number | undefined {
  const text = normalizeInline(group.lines.map((line) => line.text).join(' '));
  if (text.length > 200 || group.lines.length > 3 || !/\p{L}/u.test(text)) return undefined;
  if (startsWithBullet(group.lines[0].text) || /[,;]$/.test(text)) return undefined;
  const size = Math.min(...group.lines.map((line) => line.fontSize));
  const sizeIndex = typography.headingSizes.indexOf(size);
  if (sizeIndex >= 0 && isHeadingSize(size, typography.bodySize)) return Math.min(sizeIndex + 1, 4);
  const boldHeading =
    group.lines.every((line) => line.bold) &&
    text.length <= 150 &&
    !/:$/.test(text) &&
    size >= typography.bodySize - 0.5;
  if (boldHeading) return Math.min(typography.headingSizes.length + 1, 6);
  return undefined;
}

function groupToPiece(group: LineGroup, typography: Typography): Piece {
  const first = group.lines[0];
  if (startsWithBullet(first.text)) {
    const lines = group.lines.map((line, index) => (index === 0 ? line.text.trim().replace(BULLET, '') : line.text));
    return { kind: 'list', items: [{ text: joinWrappedLines(lines), x: first.x }], page: group.page };
  }
  const level = headingLevel(group, typography);
  const text = joinWrappedLines(group.lines.map((line) => line.text));
  if (level !== undefined) return { kind: 'heading', text, level, page: group.page };
  return { kind: 'paragraph', text, page: group.page };
}

function depthOf(x: number, bulletPositions: readonly number[]): number {
  let depth = 0;
  for (let index = 0; index < bulletPositions.length; index += 1) {
    if (x >= bulletPositions[index] - 3) depth = index;
  }
  return depth;
}

/** Distinct x positions of the bullets of a list, left to right (positions within 3 pt merged). */
function bulletColumns(items: readonly { readonly x: number }[]): number[] {
  const positions = [...new Set(items.map((item) => Math.round(item.x)))].sort((a, b) => a - b);
  const merged: number[] = [];
  for (const position of positions) {
    if (merged.length === 0 || position - merged[merged.length - 1] > 3) merged.push(position);
  }
  return merged;
}

/**
 * Turns the ordered lines of every page into blocks. A paragraph cut by a page break is glued back
 * when it did not end a sentence and the next page goes on in lowercase; consecutive bullets form one
 * list, nested by their indentation.
 */
export function layoutBlocks(pages: readonly (readonly PdfLine[])[], typography: Typography): ParsedBlock[] {
  const pieces: Piece[] = [];
  for (const lines of pages) {
    const ordered = orderLines(lines, typography.bodySize);
    const groups = groupLines(ordered, typography);
    groups.forEach((group, index) => {
      const piece = groupToPiece(group, typography);
      const previous = pieces[pieces.length - 1];
      if (
        index === 0 &&
        previous?.kind === 'paragraph' &&
        piece.kind === 'paragraph' &&
        !endsSentence(previous.text) &&
        /^\p{Ll}/u.test(piece.text)
      ) {
        previous.text = joinWrappedLines([previous.text, piece.text]);
        return;
      }
      if (previous?.kind === 'list' && piece.kind === 'list') {
        previous.items.push(...piece.items);
        return;
      }
      pieces.push(piece);
    });
  }

  const builder = new BlockBuilder();
  for (const piece of pieces) {
    if (piece.kind === 'heading') builder.heading(piece.text, piece.level, piece.page);
    else if (piece.kind === 'paragraph') builder.paragraph(piece.text, piece.page);
    else {
      const columns = bulletColumns(piece.items);
      const items: ListItem[] = piece.items.map((item) => ({ text: item.text, depth: depthOf(item.x, columns) }));
      builder.list(items, piece.page);
    }
  }
  return builder.build();
}

/** Full layout: lines, furniture removal, reading order and blocks, for every page of a document. */
export function layoutPdfPages(pages: readonly PdfPageContent[]): PdfLayoutResult {
  const lined = pages.map((page) => ({ lines: buildLines(page), height: page.height }));
  const { pages: cleaned, warnings } = removePageFurniture(lined);
  const pageCharacters = cleaned.map((lines) => lines.reduce((sum, line) => sum + visibleLength(cleanCharacters(line.text)), 0));
  const typography = measureTypography(cleaned);
  return { blocks: layoutBlocks(cleaned, typography), warnings, pageCharacters };
}
