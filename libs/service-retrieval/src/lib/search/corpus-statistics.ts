/**
 * Word statistics of one corpus, kept in memory by the retrieval service: document frequency of
 * each lexeme (for IDF weights) and the surface words (for typo correction). Rebuilt when the
 * corpus changes.
 */
export interface CorpusStatistics {
  /** Active chunks of the corpus. */
  readonly chunks: number;
  /** Chunks containing each (French-stemmed) lexeme. */
  readonly lexemeFrequency: ReadonlyMap<string, number>;
  readonly vocabulary: Vocabulary;
  /** Chunks containing each word, unstemmed (for the plain BM25 baseline). */
  readonly wordFrequency?: ReadonlyMap<string, number>;
  /** Distinct titles and section headings of the documents (where acronyms are spelled out). */
  readonly headings?: readonly string[];
}

/** Inverse document frequency, BM25 flavour, never negative. */
export function idf(statistics: CorpusStatistics, lexeme: string, frequencies: ReadonlyMap<string, number> = statistics.lexemeFrequency): number {
  const frequency = frequencies.get(lexeme) ?? 0;
  return Math.log(1 + (statistics.chunks - frequency + 0.5) / (frequency + 0.5));
}

/** Surface words of a corpus with their frequency, and a typo corrector over them. */
export class Vocabulary {
  private readonly byTrigram = new Map<string, string[]>();

  constructor(private readonly frequency: ReadonlyMap<string, number>) {
    for (const word of frequency.keys()) {
      if (word.length < 4) continue;
      for (const trigram of trigrams(word)) {
        const words = this.byTrigram.get(trigram);
        if (words) words.push(word);
        else this.byTrigram.set(trigram, [word]);
      }
    }
  }

  has(word: string): boolean {
    return this.frequency.has(word);
  }

  /**
   * The closest corpus word to an unknown word: at most one edit for words of up to 8 letters,
   * two for longer ones; the most frequent on ties. Known words, numbers and words of fewer than
   * five letters (too many real words lie one edit apart: `maxi`, `taxi`) are returned as they are.
   */
  correct(word: string): string {
    if (word.length < 5 || this.frequency.has(word) || /\d/.test(word)) return word;
    const maxDistance = word.length <= 8 ? 1 : 2;
    const counts = new Map<string, number>();
    for (const trigram of trigrams(word)) {
      for (const candidate of this.byTrigram.get(trigram) ?? []) counts.set(candidate, (counts.get(candidate) ?? 0) + 1);
    }
    let best: { word: string; distance: number; frequency: number } | undefined;
    for (const candidate of counts.keys()) {
      if (Math.abs(candidate.length - word.length) > maxDistance) continue;
      const distance = damerauLevenshtein(word, candidate, maxDistance);
      if (distance > maxDistance) continue;
      const frequency = this.frequency.get(candidate) ?? 0;
      if (!best || distance < best.distance || (distance === best.distance && frequency > best.frequency)) {
        best = { word: candidate, distance, frequency };
      }
    }
    return best?.word ?? word;
  }
}

function trigrams(word: string): string[] {
  const padded = `^${word}$`;
  const result: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) result.push(padded.slice(i, i + 3));
  return result;
}

/** Optimal string alignment distance, stopping early past `limit`. */
export function damerauLevenshtein(a: string, b: string, limit: number): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i < rows; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[i - 2][j - 2] + 1);
      d[i][j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
  }
  return d[a.length][b.length];
}
