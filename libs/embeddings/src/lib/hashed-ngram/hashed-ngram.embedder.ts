import type {
  EmbeddingProvider,
  EmbeddingPurpose,
} from '../embedding-provider';
import { FeatureCounter } from './feature-counter';
import { foldText, isNumber, isStopWord, stem, tokenize } from './french-text';
import { FNV_OFFSET_BASIS, fmix32, fnvFeed, fnvFeedCode } from './hash';

export const HASHED_NGRAM_EMBEDDER_ID = 'hash-ngram-v1';
export const DEFAULT_HASHED_NGRAM_DIMENSION = 512;
/** Bounds of the dimension: pgvector's `vector` type stops at 16,000. */
export const MIN_HASHED_NGRAM_DIMENSION = 16;
export const MAX_HASHED_NGRAM_DIMENSION = 16_000;

/** Feature types; each one has its own hash seed and weight. */
const WORD = 0;
const BIGRAM = 1;
const CHAR_3 = 2;
const CHAR_4 = 3;
const CHAR_5 = 4;
const FEATURE_TYPES = 5;

/**
 * Weight of one feature of each type. A word of n letters yields about 3n character n-grams, so
 * each gets a small weight (longer n-grams, more specific, a bit more): together they weigh about
 * as much as the word, enough to match a typo or an unusual inflection. Bigrams only break ties
 * between passages sharing the same words. Values chosen on title → page retrieval over the
 * service-public.fr pages of the corpus.
 */
const FEATURE_WEIGHTS = new Float64Array(FEATURE_TYPES);
FEATURE_WEIGHTS[WORD] = 1;
FEATURE_WEIGHTS[BIGRAM] = 0.3;
FEATURE_WEIGHTS[CHAR_3] = 0.3;
FEATURE_WEIGHTS[CHAR_4] = 0.35;
FEATURE_WEIGHTS[CHAR_5] = 0.4;

/** Word boundary markers around a word before cutting its character n-grams. */
const WORD_START = 0x3c; // '<'
const WORD_END = 0x3e; // '>'
const BIGRAM_SEPARATOR = 0x20; // ' '

const SEEDS: readonly number[] = Array.from(
  { length: FEATURE_TYPES },
  (_, type) => fnvFeedCode(FNV_OFFSET_BASIS, 0x01 + type),
);

/** Sublinear term frequency 1 + ln(tf), tabulated for the usual small counts. */
const LOG_TF_TABLE = Float64Array.from({ length: 64 }, (_, tf) =>
  tf === 0 ? 0 : 1 + Math.log(tf),
);

function sublinearTf(tf: number): number {
  return tf < LOG_TF_TABLE.length ? LOG_TF_TABLE[tf] : 1 + Math.log(tf);
}

/** Texts embedded between two yields to the event loop, so a large batch does not starve it. */
const TEXTS_PER_SLICE = 128;

/**
 * The embedded default provider: no model, no network, deterministic. Feature hashing
 * (signed, into `dimension` buckets) of
 * - word unigrams, after accent folding, elision, stop-word removal and light French stemming;
 * - word bigrams of consecutive content words, with a small weight;
 * - character 3-, 4- and 5-grams of each stemmed word wrapped in `<` `>`, which make typos
 *   ("mutaion", "fonctionaire") land near the right word; cut from the stem rather than the
 *   surface form, so that "congé", "conges" and "congés" share all their features;
 * with sublinear term frequency (1 + ln tf), per-type weights and L2 normalization.
 *
 * The purpose is ignored: queries and documents share the same space. A text without any content
 * word (empty, blank, punctuation or stop words only) gets an all-zero vector; `cosine` returns 0
 * for it, but pgvector's `<=>` returns NaN, so do not store such vectors.
 */
export class HashedNgramEmbedder implements EmbeddingProvider {
  readonly id = HASHED_NGRAM_EMBEDDER_ID;
  readonly dimension: number;

  private readonly counter = new FeatureCounter();
  private readonly accumulator: Float64Array;

  constructor(dimension: number = DEFAULT_HASHED_NGRAM_DIMENSION) {
    if (
      !Number.isInteger(dimension) ||
      dimension < MIN_HASHED_NGRAM_DIMENSION ||
      dimension > MAX_HASHED_NGRAM_DIMENSION
    ) {
      throw new RangeError(
        `Dimension d'embedding invalide (${dimension}) : attendu un entier entre ${MIN_HASHED_NGRAM_DIMENSION} et ${MAX_HASHED_NGRAM_DIMENSION}.`,
      );
    }
    this.dimension = dimension;
    this.accumulator = new Float64Array(dimension);
  }

  async embed(
    texts: readonly string[],
    _purpose: EmbeddingPurpose,
  ): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (let i = 0; i < texts.length; i++) {
      if (i > 0 && i % TEXTS_PER_SLICE === 0) {
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      vectors.push(this.embedOne(texts[i]));
    }
    return vectors;
  }

  /** Synchronous embedding of a single text. */
  embedOne(text: string): Float32Array {
    const counter = this.counter;
    counter.reset();
    this.countFeatures(text);

    const accumulator = this.accumulator;
    accumulator.fill(0);
    const { keys, counts, types } = counter;
    for (let entry = 0; entry < counter.size; entry++) {
      const mixed = fmix32(keys[entry]);
      // Low 31 bits pick the bucket, the sign bit picks the sign: collisions cancel out on average.
      const bucket = (mixed & 0x7fffffff) % this.dimension;
      const value = FEATURE_WEIGHTS[types[entry]] * sublinearTf(counts[entry]);
      accumulator[bucket] += mixed < 0 ? -value : value;
    }

    let sumOfSquares = 0;
    for (let i = 0; i < accumulator.length; i++) {
      sumOfSquares += accumulator[i] * accumulator[i];
    }
    const vector = new Float32Array(this.dimension);
    if (sumOfSquares > 0) {
      const inverseNorm = 1 / Math.sqrt(sumOfSquares);
      for (let i = 0; i < accumulator.length; i++) {
        vector[i] = accumulator[i] * inverseNorm;
      }
    }
    return vector;
  }

  private countFeatures(text: string): void {
    const counter = this.counter;
    let previousStemHash = 0;
    let hasPrevious = false;
    for (const token of tokenize(foldText(text))) {
      if (isStopWord(token)) {
        continue;
      }
      const numeric = isNumber(token);
      const wordStem = numeric ? token : stem(token);
      counter.add(fnvFeed(SEEDS[WORD], wordStem), WORD);

      if (hasPrevious) {
        const bigram = fnvFeed(
          fnvFeedCode(previousStemHash, BIGRAM_SEPARATOR),
          wordStem,
        );
        counter.add(bigram, BIGRAM);
      }
      previousStemHash = fnvFeed(SEEDS[BIGRAM], wordStem);
      hasPrevious = true;

      if (!numeric) {
        this.countCharNgrams(wordStem);
      }
    }
  }

  /** Character 3-, 4- and 5-grams of `<word>`, hashed incrementally from each start position. */
  private countCharNgrams(token: string): void {
    const counter = this.counter;
    const paddedLength = token.length + 2;
    const seed = SEEDS[CHAR_3];
    for (let start = 0; start + 3 <= paddedLength; start++) {
      let hash = seed;
      const stop = Math.min(start + 5, paddedLength);
      for (let position = start; position < stop; position++) {
        const code =
          position === 0
            ? WORD_START
            : position === paddedLength - 1
              ? WORD_END
              : token.charCodeAt(position - 1);
        hash = fnvFeedCode(hash, code);
        const length = position - start + 1;
        if (length >= 3) {
          counter.add(hash, CHAR_3 + length - 3);
        }
      }
    }
  }
}
