import type { RankedChunk } from './search.repository';

/**
 * Weights of `ts_rank` for the tsvector weights D, C, B and A: headings (A) count more than body
 * text (B). The SQL ranking ({@link SearchRepository.textSearch}) uses the same.
 */
export const SECTION_WEIGHTS = [0.1, 0.2, 0.4, 1.0] as const;

/** Sum of 1/i² for i ≥ 1 (π²/6), as Postgres writes it in `ts_rank`. */
const RANK_LIMIT = 1.64493406685;

/** One lexeme of a tsvector: its positions, and their weights (0 = D … 3 = A), in position order. */
export interface TsvEntry {
  readonly lexeme: string;
  readonly positions: readonly number[];
  readonly weights: readonly number[];
}

/** A passage as the index stores it. */
export interface IndexedChunk {
  readonly id: string;
  readonly documentId: string;
  /** The chunk's tsvector in its text form (`'lexem':1A,4B 'autr':2`). */
  readonly tsv: string;
}

/** A document's validity, to keep only the passages in force on the day asked. */
export interface IndexedDocument {
  readonly id: string;
  /** `YYYY-MM-DD`, or null when open. */
  readonly validFrom: string | null;
  readonly validTo: string | null;
}

/**
 * Parses the text form of a tsvector (`'agent':1A,5B 'l''ecol':3 'sans':`): lexemes are quoted,
 * quotes doubled and backslashes escaped; positions carry a weight letter unless D. A lexeme
 * without positions (a stripped tsvector) counts as one position of weight D, as in Postgres.
 */
export function parseTsvector(text: string): TsvEntry[] {
  const entries: TsvEntry[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && text[i] === ' ') i++;
    if (i >= n) break;
    if (text[i] !== "'") throw new SyntaxError(`Unexpected character in a tsvector at ${i}: ${text.slice(i, i + 20)}`);
    i++;
    let lexeme = '';
    for (;;) {
      if (i >= n) throw new SyntaxError('Unterminated lexeme in a tsvector');
      const c = text[i];
      if (c === '\\') {
        lexeme += text[i + 1];
        i += 2;
      } else if (c === "'") {
        if (text[i + 1] === "'") {
          lexeme += "'";
          i += 2;
        } else {
          i++;
          break;
        }
      } else {
        lexeme += c;
        i++;
      }
    }
    const weights: number[] = [];
    const positions: number[] = [];
    if (text[i] === ':') {
      i++;
      for (;;) {
        let position = 0;
        while (i < n && text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) position = position * 10 + text.charCodeAt(i++) - 48;
        positions.push(position);
        const letter = text[i];
        if (letter === 'A' || letter === 'B' || letter === 'C' || letter === 'D') {
          weights.push(letter === 'A' ? 3 : letter === 'B' ? 2 : letter === 'C' ? 1 : 0);
          i++;
        } else {
          weights.push(0);
        }
        if (text[i] === ',') i++;
        else break;
      }
    } else {
      weights.push(0);
      positions.push(0);
    }
    entries.push({ lexeme, positions, weights });
  }
  return entries;
}

/**
 * What `ts_rank(SECTION_WEIGHTS, tsv, to_tsquery(lexeme), 1)` gives for a one-lexeme query,
 * before the length normalization: each occurrence weighs its section's weight divided by the
 * square of its rank, the heaviest occurrence counting in full (Postgres's `calc_rank_or`).
 */
export function lexemeRank(weights: readonly number[]): number {
  let sum = 0;
  let heaviest = -1;
  let heaviestAt = 0;
  weights.forEach((weight, j) => {
    const w = SECTION_WEIGHTS[weight];
    sum += w / ((j + 1) * (j + 1));
    if (w > heaviest) {
      heaviest = w;
      heaviestAt = j;
    }
  });
  return (heaviest + sum - heaviest / ((heaviestAt + 1) * (heaviestAt + 1))) / RANK_LIMIT;
}

/** Postings of one lexeme: the chunks that hold it and its rank in each. */
interface Postings {
  readonly chunks: Int32Array;
  readonly ranks: Float32Array;
}

/**
 * In-memory inverted index of the full text of one corpus's active passages: for each lexeme, the
 * passages that contain it and its precomputed `ts_rank` (section weights, length normalization).
 * It ranks exactly as {@link SearchRepository.textSearch} does, but reads only the postings of the
 * query's lexemes instead of every matching row: at 100,000 passages a search takes a few
 * milliseconds instead of hundreds. Built once per corpus version; validity is checked per search.
 */
export class TextIndex {
  private readonly scores: Float64Array;
  private readonly candidateMark: Uint8Array;

  private constructor(
    private readonly postings: ReadonlyMap<string, Postings>,
    private readonly chunkIds: readonly string[],
    private readonly chunkDocument: Int32Array,
    private readonly documents: readonly IndexedDocument[],
  ) {
    this.scores = new Float64Array(chunkIds.length);
    this.candidateMark = new Uint8Array(chunkIds.length);
  }

  /** Indexes the passages of the given documents at once (see {@link TextIndexBuilder} to add them page by page). */
  static build(documents: readonly IndexedDocument[], chunks: readonly IndexedChunk[]): TextIndex {
    const builder = new TextIndexBuilder(documents);
    builder.add(chunks);
    return builder.finish();
  }

  /** @internal used by {@link TextIndexBuilder}. */
  static assemble(postings: ReadonlyMap<string, Postings>, chunkIds: readonly string[], chunkDocument: Int32Array, documents: readonly IndexedDocument[]): TextIndex {
    return new TextIndex(postings, chunkIds, chunkDocument, documents);
  }

  /** Passages indexed. */
  get size(): number {
    return this.chunkIds.length;
  }

  /** Passages containing the lexeme (all documents, in force or not). */
  frequency(lexeme: string): number {
    return this.postings.get(lexeme)?.chunks.length ?? 0;
  }

  /**
   * The passages of documents in force on `date` that contain one of the `selective` lexemes,
   * scored by the sum over all `lexemes` of weight × rank, best first (ties by id), as the SQL
   * ranking orders them.
   */
  search(date: string, lexemes: readonly string[], weights: readonly number[], limit: number, selective: readonly string[] = lexemes): RankedChunk[] {
    if (lexemes.length === 0 || selective.length === 0 || limit <= 0) return [];
    const candidates: number[] = [];
    const inForce = new Map<number, boolean>();
    for (const lexeme of new Set(selective)) {
      const list = this.postings.get(lexeme);
      if (!list) continue;
      for (const chunk of list.chunks) {
        if (this.candidateMark[chunk]) continue;
        const document = this.chunkDocument[chunk];
        let valid = inForce.get(document);
        if (valid === undefined) {
          const { validFrom: from, validTo: to } = this.documents[document];
          valid = (from === null || from <= date) && (to === null || to >= date);
          inForce.set(document, valid);
        }
        if (!valid) continue;
        this.candidateMark[chunk] = 1;
        candidates.push(chunk);
      }
    }
    try {
      lexemes.forEach((lexeme, index) => {
        const list = this.postings.get(lexeme);
        const weight = weights[index] ?? 0;
        if (!list || weight === 0) return;
        const { chunks, ranks } = list;
        for (let i = 0; i < chunks.length; i++) {
          if (this.candidateMark[chunks[i]]) this.scores[chunks[i]] += weight * ranks[i];
        }
      });
      const better = (a: number, b: number): boolean => this.scores[a] > this.scores[b] || (this.scores[a] === this.scores[b] && this.chunkIds[a] < this.chunkIds[b]);
      return topK(candidates, limit, better).map((chunk) => ({ id: this.chunkIds[chunk], documentId: this.documents[this.chunkDocument[chunk]].id, score: this.scores[chunk] }));
    } finally {
      for (const chunk of candidates) {
        this.candidateMark[chunk] = 0;
        this.scores[chunk] = 0;
      }
    }
  }
}

/**
 * Builds a {@link TextIndex} from pages of passages, so that the tsvectors of a large corpus are
 * never all held at once: each page is parsed into the postings and can then be dropped.
 */
export class TextIndexBuilder {
  private readonly documentIndex = new Map<string, number>();
  private readonly building = new Map<string, { chunks: number[]; ranks: number[] }>();
  private readonly chunkIds: string[] = [];
  private readonly owners: number[] = [];

  constructor(private readonly documents: readonly IndexedDocument[]) {
    documents.forEach((document, index) => this.documentIndex.set(document.id, index));
  }

  /** Adds passages; those of documents the builder was not given are left out. */
  add(chunks: readonly IndexedChunk[]): void {
    for (const chunk of chunks) {
      const owner = this.documentIndex.get(chunk.documentId);
      if (owner === undefined) continue;
      const position = this.chunkIds.length;
      this.chunkIds.push(chunk.id);
      this.owners.push(owner);
      const entries = parseTsvector(chunk.tsv);
      const length = entries.reduce((total, entry) => total + entry.weights.length, 0);
      // ts_rank's normalization 1: the rank divided by log2(1 + the number of positions).
      const normalization = length > 0 ? Math.log2(length + 1) : 1;
      for (const entry of entries) {
        const rank = lexemeRank(entry.weights) / normalization;
        const list = this.building.get(entry.lexeme);
        if (list) {
          list.chunks.push(position);
          list.ranks.push(rank);
        } else {
          this.building.set(entry.lexeme, { chunks: [position], ranks: [rank] });
        }
      }
    }
  }

  finish(): TextIndex {
    const postings = new Map<string, Postings>();
    for (const [lexeme, list] of this.building) postings.set(lexeme, { chunks: Int32Array.from(list.chunks), ranks: Float32Array.from(list.ranks) });
    this.building.clear();
    return TextIndex.assemble(postings, this.chunkIds, Int32Array.from(this.owners), this.documents);
  }
}

/**
 * The `limit` best items, best first, without sorting them all: a heap of the best seen so far,
 * its worst at the root. Ties must be broken by `better` (here: by id, which for uuids in their
 * lowercase text form is the order Postgres gives them).
 */
export function topK(items: readonly number[], limit: number, better: (a: number, b: number) => boolean): number[] {
  if (items.length <= limit) return [...items].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  const heap: number[] = [];
  const worse = (i: number, j: number): boolean => better(heap[j], heap[i]);
  const swap = (i: number, j: number): void => {
    [heap[i], heap[j]] = [heap[j], heap[i]];
  };
  for (const item of items) {
    if (heap.length < limit) {
      heap.push(item);
      for (let i = heap.length - 1; i > 0; ) {
        const parent = (i - 1) >> 1;
        if (!worse(i, parent)) break;
        swap(i, parent);
        i = parent;
      }
    } else if (better(item, heap[0])) {
      heap[0] = item;
      for (let i = 0; ; ) {
        const left = 2 * i + 1;
        const right = left + 1;
        let worst = i;
        if (left < heap.length && worse(left, worst)) worst = left;
        if (right < heap.length && worse(right, worst)) worst = right;
        if (worst === i) break;
        swap(i, worst);
        i = worst;
      }
    }
  }
  return heap.sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
}
