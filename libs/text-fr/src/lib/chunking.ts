/**
 * Structure-aware chunking of French documents. A chunk is what a gestionnaire reads as a citation:
 * the body of one section (never two), cut between sentences, list items or table rows, with the
 * enclosing section titles beside it. Pure functions, no dependency: browser-safe.
 */
import { normalizeText } from './normalize';
import {
  isListItemLine,
  isTableRowLine,
  sentenceSpans,
  type SentenceSpan,
} from './sentences';

/** One structural block of a parsed document, in document order. */
export interface ChunkSourceBlock {
  readonly kind: 'heading' | 'paragraph' | 'list' | 'table';
  readonly text: string;
  /** Heading level, 1 = outermost (default 1). Ignored for other kinds. */
  readonly level?: number;
  /** Page the block starts on, when the source has pages. */
  readonly page?: number;
}

export interface TextChunk {
  /** 0-based, in document order. */
  readonly ordinal: number;
  /** Titles of the enclosing sections, outermost first (a document title only if it is a heading block). */
  readonly headingPath: readonly string[];
  /** What a citation shows: the body only (headings are in `headingPath`). */
  readonly text: string;
  /** First page of the chunk. */
  readonly page?: number;
  /** Last page, when the chunk spans several. */
  readonly pageEnd?: number;
}

export interface ChunkOptions {
  /** Hard limit: no chunk is longer (in UTF-16 code units). */
  readonly maxChars: number;
  /** Consecutive small blocks of a section are merged while the chunk stays within this length. */
  readonly targetChars: number;
  /** At most this many characters of whole sentences repeated from the previous chunk of the section. */
  readonly overlapChars: number;
  /** A trailing chunk of a section shorter than this is merged into the previous one when it fits. */
  readonly minChars: number;
}

/**
 * Defaults sized for citations and for embedding models alike:
 * - `targetChars: 800` — one or two paragraphs of a fiche (about 120–140 French words), enough for a
 *   rule with its conditions, short enough for a gestionnaire to read in a glance beside a draft;
 * - `maxChars: 1200` — about 300–350 subword tokens of French, well under the 512-token window of the
 *   common multilingual embedding models, while letting a whole paragraph of up to 1200 characters
 *   stay in one piece (most paragraphs of the corpus are shorter);
 * - `overlapChars: 150` — about one sentence of administrative French (typically 100–200 characters),
 *   enough to carry the subject of a rule into the next chunk without repeating a paragraph;
 * - `minChars: 200` — below about two short sentences a passage lacks its context and makes a poor
 *   citation, so a tail that small joins the previous chunk.
 */
export const DEFAULT_CHUNK_OPTIONS: ChunkOptions = {
  maxChars: 1200,
  targetChars: 800,
  overlapChars: 150,
  minChars: 200,
};

/** How a piece of a chunk was obtained, which tells whether it may be repeated as overlap. */
type PieceUnit = 'block' | 'sentence' | 'item' | 'row' | 'fragment';

interface Piece {
  readonly text: string;
  /** Separator placed before this piece when it follows another piece in a chunk. */
  readonly separator: string;
  readonly page: number | undefined;
  readonly kind: ChunkSourceBlock['kind'];
  readonly unit: PieceUnit;
}

interface Draft {
  /** Whole sentences repeated from the previous chunk of the section. */
  readonly overlap: Piece[];
  /** New content. */
  readonly pieces: Piece[];
}

const PARAGRAPH_SEPARATOR = '\n\n';

function joinPieces(pieces: readonly Piece[]): string {
  return pieces
    .map((piece, index) => (index === 0 ? '' : piece.separator) + piece.text)
    .join('');
}

const draftText = (draft: Draft): string =>
  joinPieces([...draft.overlap, ...draft.pieces]);

/** Length of `pieces` joined, plus `next` after them. */
function lengthWith(pieces: readonly Piece[], next: Piece): number {
  const base = joinPieces(pieces).length;
  return pieces.length === 0
    ? next.text.length
    : base + next.separator.length + next.text.length;
}

/** The whitespace between two parts of a source text, reduced to a separator. */
function separatorFor(gap: string): string {
  if (gap.includes('\n\n')) return PARAGRAPH_SEPARATOR;
  if (gap.includes('\n')) return '\n';
  return gap.length > 0 ? ' ' : '';
}

function validateOptions(options: Partial<ChunkOptions>): ChunkOptions {
  const given = Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  );
  const resolved: ChunkOptions = { ...DEFAULT_CHUNK_OPTIONS, ...given };
  const { maxChars, targetChars, overlapChars, minChars } = resolved;
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isInteger(value) || value < 0) {
      throw new RangeError(
        `Chunk option ${name} must be a non-negative integer, got ${String(value)}.`,
      );
    }
  }
  if (maxChars < 1) {
    throw new RangeError(
      `Chunk option maxChars must be at least 1, got ${maxChars}.`,
    );
  }
  if (!(minChars <= targetChars && targetChars <= maxChars)) {
    throw new RangeError(
      `Chunk options must satisfy minChars ≤ targetChars ≤ maxChars, got ${minChars}, ${targetChars}, ${maxChars}.`,
    );
  }
  if (overlapChars >= maxChars) {
    throw new RangeError(
      `Chunk option overlapChars must be smaller than maxChars, got ${overlapChars} ≥ ${maxChars}.`,
    );
  }
  return resolved;
}

/**
 * Cuts a sentence longer than `maxChars` into fragments of at most `maxChars`: at the last clause
 * boundary (`;`, `:` or `,` followed by a space) that fits, else at the last space that fits, else
 * (a single "word" longer than `maxChars`, such as a long URL) exactly at `maxChars`.
 */
function cutLongSentence(
  sentence: string,
  maxChars: number,
): { text: string; separator: string }[] {
  const fragments: { text: string; separator: string }[] = [];
  let rest = sentence;
  let separator = '';
  while (rest.length > maxChars) {
    // A cut must leave a word on both sides (no fragment made of a lone `|` or `»`).
    const firstWord = rest.search(/[\p{L}\p{N}]/u);
    let lastWord = rest.length - 1;
    while (lastWord >= 0 && !/[\p{L}\p{N}]/u.test(rest[lastWord] ?? '')) {
      lastWord--;
    }
    const allowed = (cut: number): boolean =>
      cut > firstWord && cut <= lastWord;
    let cut = -1;
    for (let i = maxChars - 1; i > 0 && cut === -1; i--) {
      if (
        /[;:,]/.test(rest[i] ?? '') &&
        /\s/.test(rest[i + 1] ?? '') &&
        allowed(i + 1)
      ) {
        cut = i + 1;
      }
    }
    for (let i = maxChars; i > 0 && cut === -1; i--) {
      if (/\s/.test(rest[i] ?? '') && allowed(i)) cut = i;
    }
    if (cut === -1) cut = maxChars;
    fragments.push({ text: rest.slice(0, cut).trimEnd(), separator });
    const tail = rest.slice(cut);
    const trimmed = tail.trimStart();
    separator = trimmed.length < tail.length ? ' ' : '';
    rest = trimmed;
  }
  if (rest.length > 0) fragments.push({ text: rest, separator });
  return fragments;
}

/** Splits a text into items of a list (a marker line and its continuation lines). */
function listItemSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = -1;
  let offset = 0;
  let end = 0;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    const lineEnd = offset + line.length;
    offset = lineEnd + 1;
    if (line.trim() === '') continue;
    if (start === -1) {
      start = lineStart;
    } else if (isListItemLine(line) || !/^\s*\p{Ll}/u.test(line)) {
      spans.push({ start, end });
      start = lineStart;
    }
    end = lineEnd;
  }
  if (start !== -1) spans.push({ start, end });
  return spans;
}

/** Splits a table into rows (one per non-empty line). */
function rowSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (line.trim() !== '')
      spans.push({ start: offset, end: offset + line.length });
    offset += line.length + 1;
  }
  return spans;
}

/** Turns spans of `text` into pieces, cutting the ones longer than `maxChars`. */
function piecesFromSpans(
  text: string,
  spans: readonly SentenceSpan[],
  unit: PieceUnit,
  firstSeparator: string,
  block: ChunkSourceBlock,
  maxChars: number,
): Piece[] {
  const pieces: Piece[] = [];
  spans.forEach((span, index) => {
    const separator =
      index === 0
        ? firstSeparator
        : separatorFor(text.slice(spans[index - 1]?.end ?? 0, span.start));
    const spanText = text.slice(span.start, span.end).trim();
    if (spanText.length <= maxChars) {
      pieces.push({
        text: spanText,
        separator,
        page: block.page,
        kind: block.kind,
        unit,
      });
      return;
    }
    if (unit === 'sentence') {
      cutLongSentence(spanText, maxChars).forEach((fragment, fragmentIndex) => {
        pieces.push({
          text: fragment.text,
          separator: fragmentIndex === 0 ? separator : fragment.separator,
          page: block.page,
          kind: block.kind,
          unit: 'fragment',
        });
      });
      return;
    }
    // A list item or table row longer than maxChars: cut it between its sentences.
    pieces.push(
      ...piecesFromSpans(
        spanText,
        sentenceSpans(spanText),
        'sentence',
        separator,
        block,
        maxChars,
      ),
    );
  });
  return pieces;
}

/** The pieces of one body block: the whole block when it fits in `maxChars`, else its units. */
function blockPieces(block: ChunkSourceBlock, maxChars: number): Piece[] {
  const text = block.text.trim();
  if (text === '') return [];
  if (text.length <= maxChars) {
    return [
      {
        text,
        separator: PARAGRAPH_SEPARATOR,
        page: block.page,
        kind: block.kind,
        unit: 'block',
      },
    ];
  }
  switch (block.kind) {
    case 'list':
      return piecesFromSpans(
        text,
        listItemSpans(text),
        'item',
        PARAGRAPH_SEPARATOR,
        block,
        maxChars,
      );
    case 'table':
      return piecesFromSpans(
        text,
        rowSpans(text),
        'row',
        PARAGRAPH_SEPARATOR,
        block,
        maxChars,
      );
    default:
      return piecesFromSpans(
        text,
        sentenceSpans(text),
        'sentence',
        PARAGRAPH_SEPARATOR,
        block,
        maxChars,
      );
  }
}

/** Whole sentences of a piece that may be repeated as overlap (none for tables and cut sentences). */
function overlapUnits(piece: Piece): Piece[] {
  if (
    piece.kind === 'table' ||
    piece.unit === 'fragment' ||
    piece.unit === 'row'
  ) {
    return [];
  }
  if (piece.unit === 'sentence') return [piece];
  const spans = sentenceSpans(piece.text);
  return spans.map((span, index) => ({
    ...piece,
    text: piece.text.slice(span.start, span.end),
    separator:
      index === 0
        ? piece.separator
        : separatorFor(
            piece.text.slice(spans[index - 1]?.end ?? 0, span.start),
          ),
    unit: 'sentence',
  }));
}

/**
 * The last whole sentences of `previous` (at most `overlapChars` long) that fit before `next` within
 * `maxChars`. Only sentences the previous chunk ends with count (a table row or a cut sentence stops
 * the walk); its own overlap is never repeated again, and neither is its whole text.
 */
function computeOverlap(
  previous: Draft,
  next: Piece,
  options: ChunkOptions,
): Piece[] {
  if (options.overlapChars === 0) return [];
  const units: (Piece | null)[] = previous.pieces.flatMap((piece) => {
    const pieceUnits = overlapUnits(piece);
    return pieceUnits.length === 0 ? [null] : pieceUnits;
  });
  const overlap: Piece[] = [];
  // Never repeat the whole previous chunk: keep its first sentence unless it began with an overlap.
  const firstRepeatable = previous.overlap.length > 0 ? 0 : 1;
  for (let i = units.length - 1; i >= firstRepeatable; i--) {
    const unit = units[i];
    if (unit === null || unit === undefined) break;
    const candidate = [unit, ...overlap];
    if (joinPieces(candidate).length > options.overlapChars) break;
    if (lengthWith(candidate, next) > options.maxChars) break;
    overlap.unshift(unit);
  }
  return overlap;
}

/** Packs the pieces of one section into drafts (see {@link chunkBlocks} for the rules). */
function packSection(pieces: readonly Piece[], options: ChunkOptions): Draft[] {
  const drafts: Draft[] = [];
  let current: Draft = { overlap: [], pieces: [] };
  for (const piece of pieces) {
    if (current.pieces.length === 0) {
      current.pieces.push(piece);
      continue;
    }
    const all = [...current.overlap, ...current.pieces];
    const length = lengthWith(all, piece);
    const ownLength = joinPieces(current.pieces).length;
    if (
      length <= options.targetChars ||
      (ownLength < options.minChars && length <= options.maxChars)
    ) {
      current.pieces.push(piece);
      continue;
    }
    drafts.push(current);
    current = {
      overlap: computeOverlap(current, piece, options),
      pieces: [piece],
    };
  }
  if (current.pieces.length > 0) drafts.push(current);
  // A tiny tail joins the previous chunk of the section when the result fits.
  const last = drafts[drafts.length - 1];
  const previous = drafts[drafts.length - 2];
  if (last !== undefined && previous !== undefined) {
    const tailLength = joinPieces(last.pieces).length;
    const merged = [...previous.overlap, ...previous.pieces, ...last.pieces];
    if (
      tailLength < options.minChars &&
      joinPieces(merged).length <= options.maxChars
    ) {
      previous.pieces.push(...last.pieces);
      drafts.pop();
    }
  }
  return drafts;
}

function headingTitle(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Cuts structural blocks into citation-sized chunks.
 *
 * - A heading closes the current chunk and updates the heading path: a heading of level n replaces
 *   the levels ≥ n (level jumps are kept as they are: `#` then `###` gives a path of two titles).
 * - Chunks never mix two sections; a section with a heading and no body gives no chunk.
 * - Consecutive blocks of a section are merged while the chunk stays within `targetChars` (up to
 *   `maxChars` while the chunk is still shorter than `minChars`), joined by a blank line.
 * - A block that fits in `maxChars` is never split. A longer one is split between sentences
 *   (paragraphs), items (lists) or rows (tables); an item or row longer than `maxChars` is split
 *   between its sentences; a single sentence longer than `maxChars` is cut at its last clause
 *   boundary (`;`, `:`, `,`) that fits, else at a space — the only case where a sentence is cut.
 * - A chunk that continues a section starts with the last whole sentence(s) of the previous chunk,
 *   at most `overlapChars` long, and only when they fit under `maxChars` (never table rows, never a
 *   cut sentence, never the whole previous chunk).
 * - A trailing chunk of a section shorter than `minChars` (not counting its overlap) joins the
 *   previous chunk when the result fits in `maxChars`.
 * - `page` is the first page of the blocks a chunk draws from, `pageEnd` the last when different.
 *
 * Block texts are expected normalised ({@link normalizeText}); they are only trimmed here.
 *
 * @throws RangeError when options are not non-negative integers with
 *   `minChars ≤ targetChars ≤ maxChars` and `overlapChars < maxChars`.
 */
export function chunkBlocks(
  blocks: readonly ChunkSourceBlock[],
  options: Partial<ChunkOptions> = {},
): TextChunk[] {
  const resolved = validateOptions(options);
  const chunks: TextChunk[] = [];
  let headings: { level: number; title: string }[] = [];
  let sectionPieces: Piece[] = [];

  const flush = (): void => {
    const headingPath = headings.map((heading) => heading.title);
    for (const draft of packSection(sectionPieces, resolved)) {
      const pages = [...draft.overlap, ...draft.pieces]
        .map((piece) => piece.page)
        .filter((page): page is number => page !== undefined);
      const page = pages[0];
      const pageEnd = pages[pages.length - 1];
      chunks.push({
        ordinal: chunks.length,
        headingPath,
        text: draftText(draft),
        ...(page === undefined ? {} : { page }),
        ...(pageEnd === undefined || pageEnd === page ? {} : { pageEnd }),
      });
    }
    sectionPieces = [];
  };

  for (const block of blocks) {
    if (block.kind !== 'heading') {
      sectionPieces.push(...blockPieces(block, resolved.maxChars));
      continue;
    }
    const title = headingTitle(block.text);
    if (title === '') continue;
    flush();
    const level = Math.max(1, Math.floor(block.level ?? 1));
    headings = [
      ...headings.filter((heading) => heading.level < level),
      { level, title },
    ];
  }
  flush();
  return chunks;
}

/** Classifies a plain-text paragraph: all lines table rows → table, first line a list item → list. */
function plainBlockKind(paragraph: string): ChunkSourceBlock['kind'] {
  const lines = paragraph.split('\n');
  if (lines.every(isTableRowLine)) return 'table';
  return isListItemLine(lines[0] ?? '') ? 'list' : 'paragraph';
}

/**
 * Chunks plain text: normalises it ({@link normalizeText}), splits paragraphs on blank lines
 * (classified as list or table when they look like one) and calls {@link chunkBlocks}. Plain text
 * has no headings, so every chunk has an empty `headingPath`. Form feeds (`\f`, as written by PDF
 * text extractors) separate pages: when present, blocks get page numbers from 1.
 */
export function chunkPlainText(
  text: string,
  options: Partial<ChunkOptions> = {},
): TextChunk[] {
  const pages = text.split('\f');
  const paged = pages.length > 1;
  const blocks: ChunkSourceBlock[] = pages.flatMap((pageText, index) =>
    normalizeText(pageText)
      .split(/\n{2,}/)
      .filter((paragraph) => paragraph.trim() !== '')
      .map((paragraph) => ({
        kind: plainBlockKind(paragraph),
        text: paragraph,
        ...(paged ? { page: index + 1 } : {}),
      })),
  );
  return chunkBlocks(blocks, options);
}
