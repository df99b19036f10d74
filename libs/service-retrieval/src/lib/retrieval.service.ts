import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { RETRIEVAL_CONTRACT_VERSION, type SearchHit, type SearchMode, type SearchResponse } from '@mileva/contracts';
import { toPgVector, type EmbeddingProvider } from '@mileva/embeddings';
import type { Database } from '@mileva/persistence';
import { MILEVA_DATABASE, MILEVA_EMBEDDINGS } from '@mileva/runtime';
import { lookupTerm } from '@mileva/rh-taxonomy';
import { tokenizeFrench } from '@mileva/text-fr';
import { idf, type CorpusStatistics } from './search/corpus-statistics';
import { fuseRankings } from './search/fusion';
import { expandAcronymFromHeadings } from './search/acronyms';
import { conceptShare, coverage, isSpecificTerm, QUESTION_WORDS, queryConcepts, type QueryConcept } from './search/answerability';
import { proximityShare, queryPairs, type QueryPair } from './search/proximity';
import { analyzeQuery, type AnalyzedQuery } from './search/query-analysis';
import { SearchRepository, type ChunkRow, type RankedChunk, type SearchScope } from './search/search.repository';
import { TextIndexBuilder, type TextIndex } from './search/text-index';

/** Passages returned by default. */
const DEFAULT_K = 10;
/** Candidates each ranking contributes to the fusion. */
const CANDIDATES = 100;
/** Weight of glossary expansions relative to the words the user typed. */
const EXPANSION_WEIGHT = 0.6;
/** Boost of a passage whose document has the theme the user chose, or one recognised in the query. */
const CHOSEN_THEME_BOOST = 1.15;
const RECOGNISED_THEME_BOOST = 1.05;
/**
 * Share of the query's concepts (IDF-weighted words, question words aside) that the best document
 * must cover for the corpus to count as answering. Below it, generation says the documents do not
 * answer. Calibrated on the development questions: answerable ones cover 0.43 and more, those the
 * corpus cannot answer 0.41 and less; the margin is thin, see docs/architecture.md.
 */
export const ANSWERABLE_THRESHOLD = 0.42;
/**
 * Boost of a passage whose document's title expresses all the query's concepts (in proportion
 * for part of them): a fiche titled after the question is usually the one that answers it.
 */
const TITLE_BOOST = 0.25;
/** Boost of a passage that says the query's consecutive words together (in proportion for part of them). */
const PROXIMITY_BOOST = 0.3;
/** Vectors from which the embedded database is advised to have the HNSW index (exact scans take ≈ 70 ms at 7,000). */
export const VECTOR_INDEX_ADVISED_FROM = 20_000;
/** Share of the passages above which a lexeme is too common to select passages by itself. */
const COMMON_LEXEME_SHARE = 0.1;
/** Passages a lexeme may be found in and still select passages, whatever the size of the corpus. */
const COMMON_LEXEME_FLOOR = 2_000;
/** Lexemes that select passages when all of the query's are common. */
const MIN_SELECTIVE_LEXEMES = 2;
/** A placeholder of the pseudonymizer in a question. */
const PSEUDONYM_PLACEHOLDER = /\[[A-Z][A-Z_]*_\d+\]/g;
/** Terms whose lexemes are remembered before the memory is cleared. */
const LEXEME_CACHE_SIZE = 50_000;
/** Longest a search waits for rebuilt word statistics before using the previous ones. */
const STALE_STATISTICS_AFTER_MS = 3_000;
/** Passages read per query while the in-memory full-text index is built. */
const TEXT_INDEX_PAGE = 5_000;

export interface CorpusSearch {
  readonly query: string;
  readonly k?: number;
  readonly date?: string;
  readonly theme?: string;
  readonly mode?: SearchMode;
}

/** Hybrid search over one corpus: French full text and vector similarity, fused by reciprocal rank. */
@Injectable()
export class RetrievalService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetrievalService.name);
  private readonly repository: SearchRepository;
  private readonly lexemeCache = new Map<string, string[]>();
  private readonly phraseCache = new Map<string, boolean>();
  private readonly bodyLengthCache = new Map<string, number>();
  private readonly statisticsCache = new Map<string, { signature: string; statistics: Promise<CorpusStatistics>; built?: CorpusStatistics }>();
  /** The latest statistics built for each corpus, used while newer ones are built. */
  private readonly previousStatistics = new Map<string, CorpusStatistics>();
  private stopping = false;
  /** The preparation of the corpora started at startup; it never rejects. */
  warmingUp: Promise<void> = Promise.resolve();
  private readonly textIndexes = new Map<string, TextIndexState>();

  constructor(
    @Inject(MILEVA_DATABASE) private readonly database: Database,
    @Inject(MILEVA_EMBEDDINGS) private readonly embedder: EmbeddingProvider,
  ) {
    this.repository = new SearchRepository(database.dataSource);
  }

  /**
   * Vector index policy. Postgres: the HNSW index is built concurrently in the background, searches
   * going on meanwhile (exact scans until it is ready). Embedded database: one thread serves every
   * query, so a build would block startup and all searches; the service never builds it, and says
   * when the corpus is large enough for the operator to (`mileva index build`, MILEVA stopped).
   */
  async onApplicationBootstrap(): Promise<void> {
    this.warmingUp = this.warmUp();
    const dimension = this.embedder.dimension;
    if (!dimension || (await this.repository.hasVectorIndex(dimension))) return;
    if (this.database.kind === 'postgres') {
      const started = performance.now();
      this.repository.ensureVectorIndex(dimension, { concurrently: true }).then(
        () => this.logger.log(`HNSW index of ${dimension}-dimension vectors built in ${Math.round((performance.now() - started) / 1000)} s`),
        (error: unknown) => this.logger.warn(`HNSW index of ${dimension}-dimension vectors not built: ${error instanceof Error ? error.message : String(error)}`),
      );
      return;
    }
    // Embedded database: one thread serves every query, so a build would block startup and every
    // search for minutes. Exact scans serve small corpora well; beyond, the operator builds it.
    const vectors = await this.repository.countVectors(dimension);
    if (vectors > VECTOR_INDEX_ADVISED_FROM) {
      this.logger.warn(
        `No HNSW index for the ${vectors} vectors of ${dimension} dimensions: vector searches scan them all. ` +
          `Stop MILEVA and build it with \`mileva index build\` (minutes on the embedded database).`,
      );
    }
  }

  async search(corpus: string, request: CorpusSearch): Promise<SearchResponse> {
    const started = performance.now();
    const k = request.k ?? DEFAULT_K;
    const mode = request.mode ?? 'hybrid';
    const scope = { corpus, date: request.date ?? new Date().toISOString().slice(0, 10) };
    const signature = await this.repository.signature(corpus);
    const statistics = await this.statistics(corpus, signature);
    const plain = mode === 'bm25';
    // Placeholders of pseudonymized personal data (`[PERSONNE_1]`, `[NIR_1]`) say nothing of the
    // subject, nor do the labels written just before them (`NIR [NIR_1]`, `Mme [PERSONNE_1]`).
    const labels = placeholderLabels(request.query);
    const { analysis, weights, concepts, pairs } = await this.understand(request.query.replace(PSEUDONYM_PLACEHOLDER, ' '), scope, signature, statistics, plain, labels);
    // A precise subject the documents never mention: whatever else matches, they do not answer.
    const missingSubject = concepts.some((concept) => concept.alternatives.length === 0);
    const rankings = await this.rank(mode, scope, statistics, analysis, weights, mode === 'hybrid' || mode === 'text' ? this.readyTextIndex(corpus, signature) : undefined);
    const fused = fuseRankings(rankings);
    const rows = await this.repository.chunks(fused.slice(0, CANDIDATES).map((entry) => entry.id));
    const boosted = fused
      .map((entry) => ({ ...entry, row: rows.get(entry.id) }))
      .filter((entry): entry is typeof entry & { row: ChunkRow } => entry.row !== undefined)
      .map((entry) => ({
        ...entry,
        score: plain
          ? entry.score
          : entry.score *
            themeBoost(entry.row.theme, request.theme, analysis.themes) *
            (1 + TITLE_BOOST * conceptShare(new Set(entry.row.titleLexemes), concepts)) *
            (pairs.length > 0 ? 1 + PROXIMITY_BOOST * proximityShare(entry.row.terms, pairs) : 1),
      }))
      .sort((a, b) => b.score - a.score);
    const distinct = plain ? boosted : withoutDuplicateDocuments(boosted);

    const confidence = coverage(distinct.slice(0, 20).map((entry) => entry.row), concepts);
    const hits: SearchHit[] = distinct.slice(0, k).map(({ row, score }) => ({
      chunkId: row.id,
      documentId: row.documentId,
      corpus: row.corpus,
      title: row.title,
      sourceUri: row.sourceUri,
      headingPath: row.headingPath,
      text: row.text,
      page: row.page,
      pageEnd: row.pageEnd,
      theme: row.theme,
      validFrom: row.validFrom,
      validTo: row.validTo,
      kind: row.kind,
      score: Math.round(score * 1e6) / 1e6,
      local: row.corpus !== 'national',
    }));
    return {
      v: RETRIEVAL_CONTRACT_VERSION,
      hits,
      answerable: hits.length > 0 && !missingSubject && confidence >= ANSWERABLE_THRESHOLD,
      confidence: Math.round(confidence * 1000) / 1000,
      analysis: { expansions: analysis.expansions, corrections: analysis.corrections, themes: analysis.themes, statuts: analysis.statuts },
      corpora: [corpus],
      degraded: [],
      ms: Math.round(performance.now() - started),
    };
  }

  /**
   * What the query asks: its analysis (corrections, expansions, acronyms spelled out from the
   * corpus), the IDF weight of each lexeme to search, and the concepts a passage must express.
   */
  private async understand(
    query: string,
    scope: SearchScope,
    signature: string,
    statistics: CorpusStatistics,
    plain: boolean,
    labels: ReadonlySet<string> = new Set(),
  ): Promise<QueryUnderstanding> {
    const specific = (word: string, inGlossary: boolean): boolean => !labels.has(word) && isSpecificTerm(word, query, inGlossary);
    // Words whose French lexemes the corpus uses are never "corrected": `comptent` is not a typo of `competent`.
    const typed = [...new Set(tokenizeFrench(query))];
    const typedLexemes = await this.lexemesOf(typed);
    const known = new Set(typed.filter((_, index) => typedLexemes[index].length > 0 && typedLexemes[index].every((lexeme) => statistics.lexemeFrequency.has(lexeme))));
    const analysis = withCorpusAcronyms(
      plain ? plainAnalysis(query) : analyzeQuery(query, statistics.vocabulary, known),
      plain ? new Map() : this.corpusAcronyms(query, typed, known, statistics),
    );

    const expansionWords = [...new Set(analysis.expansions.flatMap((phrase) => tokenizeFrench(phrase)))].filter((word) => !analysis.words.includes(word));
    // Each query word is a concept that a passage can express by the word itself or by one of its
    // glossary equivalents (`dispo` or `disponibilité`).
    const alternativesOf = analysis.words.map((word) => (plain ? [] : [...glossaryAlternatives(word), ...(analysis.spelledOut.get(word) ?? [])]));
    // A specific term (acronym, glossary term) said in several words counts only if the corpus uses that phrase.
    const phrasesToCheck = [
      ...new Set(analysis.words.flatMap((word) => (specific(word, isGlossaryAcronym(word)) ? glossaryAlternatives(word).filter((alternative) => /\s/.test(alternative.trim())) : []))),
    ];
    const phrasePresence = await this.phrasesInCorpus(scope, signature, phrasesToCheck);
    const lexemeLists = await this.lexemesOf([...analysis.words, ...expansionWords, ...alternativesOf.flat()]);
    const weights = new Map<string, number>();
    lexemeLists.slice(0, analysis.words.length + expansionWords.length).forEach((lexemes, index) => {
      const termWeight = index < analysis.words.length ? 1 : EXPANSION_WEIGHT;
      for (const lexeme of lexemes) {
        weights.set(lexeme, Math.max(weights.get(lexeme) ?? 0, termWeight * idf(statistics, lexeme)));
      }
    });
    let offset = analysis.words.length + expansionWords.length;
    const concepts = queryConcepts(
      analysis.words.map((word, index) => {
        const alternatives = lexemeLists.slice(offset, offset + alternativesOf[index].length).filter((_, position) => phrasePresence.get(alternativesOf[index][position]) !== false);
        offset += alternativesOf[index].length;
        return { word, lexemes: lexemeLists[index], alternatives, specific: specific(word, isGlossaryAcronym(word)) };
      }),
      statistics,
    );
    // Consecutive content words as typed (corrected), for the proximity boost.
    const corrected = new Map(analysis.corrections.map((correction) => [correction.from, correction.to]));
    const sequence = tokenizeFrench(query)
      .map((word) => corrected.get(word) ?? word)
      .filter((word) => !QUESTION_WORDS.has(word) && !labels.has(word));
    const pairs = plain ? [] : queryPairs(await this.lexemesOf(sequence), (lexeme) => idf(statistics, lexeme));
    return { analysis, weights, concepts, pairs };
  }

  /** The rankings to fuse: full text (or the plain BM25 baseline) and vectors, as the mode asks. */
  private async rank(
    mode: SearchMode,
    scope: SearchScope,
    statistics: CorpusStatistics,
    analysis: AnalyzedQuery,
    weights: ReadonlyMap<string, number>,
    textIndex: TextIndex | undefined,
  ): Promise<RankedChunk[][]> {
    const rankings: RankedChunk[][] = [];
    if (mode === 'bm25') {
      const words = analysis.words.filter((word) => /^[\p{L}\p{N}]+$/u.test(word));
      const wordIdfs = words.map((word) => idf(statistics, word, statistics.wordFrequency ?? new Map()));
      rankings.push(await this.repository.bm25Search(scope, words, wordIdfs, await this.averageBodyLength(scope), CANDIDATES));
    } else if (mode !== 'vector') {
      const selective = selectiveLexemes([...weights.keys()], statistics);
      // The in-memory index ranks as the SQL does, without reading every matching row; until it
      // is built for the corpus's current version, the database ranks.
      rankings.push(
        textIndex
          ? textIndex.search(scope.date, [...weights.keys()], [...weights.values()], CANDIDATES, selective)
          : await this.repository.textSearch(scope, [...weights.keys()], [...weights.values()], CANDIDATES, selective),
      );
    }
    if (mode === 'hybrid' || mode === 'vector') {
      const [vector] = await this.embedder.embed([analysis.embeddingText], 'query');
      if (vector.some((value) => value !== 0)) {
        rankings.push(await this.repository.vectorSearch(scope, toPgVector(vector), this.embedder.id, vector.length, CANDIDATES));
      }
    }
    return rankings;
  }

  /** Mean body length of the corpus's passages, for the BM25 baseline; remembered until the corpus changes. */
  private async averageBodyLength(scope: { corpus: string; date: string }): Promise<number> {
    const key = `${scope.corpus}\u0000${scope.date}\u0000${await this.repository.signature(scope.corpus)}`;
    const cached = this.bodyLengthCache.get(key);
    if (cached !== undefined) return cached;
    const length = await this.repository.averageBodyLength(scope);
    this.bodyLengthCache.clear();
    this.bodyLengthCache.set(key, length);
    return length;
  }

  /** Acronyms of the query that neither the corpus nor the glossary knows, spelled out from the corpus's headings. */
  private corpusAcronyms(query: string, words: readonly string[], known: ReadonlySet<string>, statistics: CorpusStatistics): Map<string, string[]> {
    const spelled = new Map<string, string[]>();
    for (const word of words) {
      if (known.has(word) || !/^[a-z]+$/.test(word) || lookupTerm(word).length > 0 || !isSpecificTerm(word, query, false)) continue;
      const phrases = expandAcronymFromHeadings(word, statistics.headings ?? []);
      if (phrases.length > 0) spelled.set(word, phrases);
    }
    return spelled;
  }

  /**
   * Whether the corpus's documents in force hold each phrase; remembered per corpus version and
   * date, since the same glossary phrases come back query after query.
   */
  private async phrasesInCorpus(scope: SearchScope, signature: string, phrases: readonly string[]): Promise<Map<string, boolean>> {
    const key = (phrase: string) => `${scope.corpus}\u0000${scope.date}\u0000${signature}\u0000${phrase}`;
    const missing = phrases.filter((phrase) => !this.phraseCache.has(key(phrase)));
    if (missing.length > 0) {
      const found = await this.repository.phrasesInCorpus(scope, missing);
      if (this.phraseCache.size + missing.length > LEXEME_CACHE_SIZE) this.phraseCache.clear();
      missing.forEach((phrase, index) => this.phraseCache.set(key(phrase), found[index]));
    }
    return new Map(phrases.map((phrase) => [phrase, this.phraseCache.get(key(phrase)) ?? false]));
  }

  /** French lexemes of terms, from the database's own French configuration; remembered, as they never change. */
  private async lexemesOf(terms: readonly string[]): Promise<string[][]> {
    const missing = [...new Set(terms.filter((term) => !this.lexemeCache.has(term)))];
    if (missing.length > 0) {
      const lists = await this.repository.lexemesOf(missing);
      if (this.lexemeCache.size + missing.length > LEXEME_CACHE_SIZE) this.lexemeCache.clear();
      missing.forEach((term, index) => this.lexemeCache.set(term, lists[index]));
    }
    return terms.map((term) => this.lexemeCache.get(term) ?? []);
  }

  onApplicationShutdown(): void {
    this.stopping = true;
  }

  /**
   * Prepares every corpus of the database in the background at startup, so that the first
   * question does not wait for the word statistics and the full-text index (tens of seconds at
   * 100,000 passages, beyond a request's timeout). Searches meanwhile are served as usual.
   */
  private async warmUp(): Promise<void> {
    try {
      for (const corpus of await this.repository.corpora()) {
        if (this.stopping) return;
        const started = performance.now();
        await this.prepare(corpus);
        this.logger.log(`Corpus ${corpus} ready to search in ${Math.round(performance.now() - started)} ms`);
      }
    } catch (error) {
      if (!this.stopping) this.logger.warn(`Search preparation at startup stopped: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Makes the corpus ready to search at full speed: its word statistics and its in-memory
   * full-text index, for the corpus as it is now. Searches do not wait for it (they rank in the
   * database meanwhile); benchmarks and warm-ups do.
   */
  async prepare(corpus: string): Promise<void> {
    for (;;) {
      const signature = await this.repository.signature(corpus);
      await this.statistics(corpus, signature);
      // The statistics of this version, not the previous ones a search would make do with.
      await this.statisticsCache.get(corpus)?.statistics;
      if (this.readyTextIndex(corpus, signature)) return;
      // The build of this version, or of an older one still running (then the next turn starts it).
      await this.textIndexes.get(corpus)?.building;
    }
  }

  /** Whether the corpus, as it is now, is ready to search at full speed (see {@link prepare}). */
  async isPrepared(corpus: string): Promise<boolean> {
    const signature = await this.repository.signature(corpus);
    const statistics = this.statisticsCache.get(corpus);
    const index = this.textIndexes.get(corpus);
    return statistics?.signature === signature && statistics.built !== undefined && index?.signature === signature && index.index !== undefined;
  }

  /**
   * The in-memory full-text index of the corpus's current version, or undefined while it is being
   * built (the build starts then, in the background; one at a time per corpus).
   */
  private readyTextIndex(corpus: string, signature: string): TextIndex | undefined {
    const entry = this.textIndexes.get(corpus);
    if (entry?.signature === signature) return entry.index;
    if (entry?.building) return undefined;
    const building = this.buildTextIndex(corpus, signature);
    const state: TextIndexState = { signature, building };
    this.textIndexes.set(corpus, state);
    building.then(
      (index) => {
        state.building = undefined;
        // A corpus that changed during the build: the next search starts another.
        if (index) state.index = index;
        else if (this.textIndexes.get(corpus) === state) this.textIndexes.delete(corpus);
      },
      (error: unknown) => {
        if (this.textIndexes.get(corpus) === state) this.textIndexes.delete(corpus);
        this.logger.warn(`Full-text index of ${corpus} not built: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
    return undefined;
  }

  private async buildTextIndex(corpus: string, signature: string): Promise<TextIndex | undefined> {
    const started = performance.now();
    const builder = new TextIndexBuilder(await this.repository.indexedDocuments(corpus));
    for (let after: string | null = null; ; ) {
      const page = await this.repository.indexedChunks(corpus, after, TEXT_INDEX_PAGE);
      builder.add(page);
      if (page.length < TEXT_INDEX_PAGE) break;
      after = page[page.length - 1].id;
    }
    if ((await this.repository.signature(corpus)) !== signature) return undefined;
    const index = builder.finish();
    this.logger.log(`Full-text index of ${corpus}: ${index.size} passages in ${Math.round(performance.now() - started)} ms`);
    return index;
  }

  /**
   * Word statistics of the corpus, rebuilt when a document was added, replaced or withdrawn. A
   * search waits for the rebuild up to {@link STALE_STATISTICS_AFTER_MS}, then makes do with the
   * previous ones (IDF weights and vocabulary hardly move with a few documents; a word only the new
   * documents use is unknown until the rebuild ends): on a large corpus the rebuild takes longer
   * than a request may.
   */
  private async statistics(corpus: string, signature: string): Promise<CorpusStatistics> {
    const cached = this.statisticsCache.get(corpus);
    if (cached?.signature === signature) return cached.built ?? this.freshOrPrevious(corpus, cached.statistics);
    const statistics = this.repository.statistics(corpus);
    const entry: { signature: string; statistics: Promise<CorpusStatistics>; built?: CorpusStatistics } = { signature, statistics };
    this.statisticsCache.set(corpus, entry);
    statistics.then(
      (built) => {
        entry.built = built;
        this.previousStatistics.set(corpus, built);
        this.logger.debug(`Statistics of ${corpus}: ${built.chunks} chunks, ${built.lexemeFrequency.size} lexemes`);
      },
      () => {
        if (this.statisticsCache.get(corpus) === entry) this.statisticsCache.delete(corpus);
      },
    );
    return this.freshOrPrevious(corpus, statistics);
  }

  /** The statistics being built if they come within {@link STALE_STATISTICS_AFTER_MS}, else the previous ones, if any. */
  private freshOrPrevious(corpus: string, fresh: Promise<CorpusStatistics>): Promise<CorpusStatistics> {
    const previous = this.previousStatistics.get(corpus);
    return previous ? withinOrElse(fresh, STALE_STATISTICS_AFTER_MS, previous) : fresh;
  }
}

/** The full-text index of one corpus version: being built, then built. */
interface TextIndexState {
  readonly signature: string;
  index?: TextIndex;
  building?: Promise<TextIndex | undefined>;
}

/** A query as the search understands it. */
interface QueryUnderstanding {
  readonly analysis: AnalyzedQuery & { readonly spelledOut: ReadonlyMap<string, readonly string[]> };
  readonly weights: ReadonlyMap<string, number>;
  readonly concepts: readonly QueryConcept[];
  readonly pairs: readonly QueryPair[];
}

/** The analysis with the acronyms spelled out from the corpus added as expansions. */
function withCorpusAcronyms(analysis: AnalyzedQuery, spelledOut: ReadonlyMap<string, readonly string[]>): AnalyzedQuery & { readonly spelledOut: ReadonlyMap<string, readonly string[]> } {
  const phrases = [...spelledOut.values()].flat();
  if (phrases.length === 0) return { ...analysis, spelledOut };
  return { ...analysis, expansions: [...analysis.expansions, ...phrases], embeddingText: [analysis.embeddingText, ...phrases].join(' ; '), spelledOut };
}

/**
 * The lexemes a passage must contain one of to be scored: those of the corpus found in at most
 * {@link COMMON_LEXEME_SHARE} of its passages, and never fewer than {@link COMMON_LEXEME_FLOOR} (or,
 * when every one is more common, the {@link MIN_SELECTIVE_LEXEMES} rarest). A passage with only
 * common words of the query would rank low anyway, and scoring every one of them is what makes a
 * full-text search slow on a large corpus. On a small corpus nothing is left out: there, the
 * subject of a question (`proche aidant` in a corpus of three fiches) is itself a common word.
 */
export function selectiveLexemes(lexemes: readonly string[], statistics: CorpusStatistics): string[] {
  const frequency = (lexeme: string): number => statistics.lexemeFrequency.get(lexeme) ?? 0;
  const present = lexemes.filter((lexeme) => frequency(lexeme) > 0);
  const common = Math.max(COMMON_LEXEME_SHARE * statistics.chunks, COMMON_LEXEME_FLOOR);
  const selective = present.filter((lexeme) => frequency(lexeme) <= common);
  if (selective.length > 0) return selective;
  return [...present].sort((a, b) => frequency(a) - frequency(b)).slice(0, MIN_SELECTIVE_LEXEMES);
}

/** What `promise` gives if it settles well within `ms`; otherwise (or if it fails) `fallback`. */
export function withinOrElse<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<T>((resolvePromise) => (timer = setTimeout(() => resolvePromise(fallback), ms)));
  return Promise.race([promise.catch(() => fallback), late]).finally(() => clearTimeout(timer));
}

/** Folded words written just before a placeholder: the label of the masked datum (`NIR`, `Mme`, `courriel`). */
export function placeholderLabels(query: string): Set<string> {
  const labels = new Set<string>();
  for (const match of query.matchAll(new RegExp(`([^\\s()\\[\\]:,;]+)[\\s(:,]*${PSEUDONYM_PLACEHOLDER.source}`, 'g'))) {
    for (const word of tokenizeFrench(match[1])) labels.add(word);
  }
  return labels;
}

/** The plain baseline's view of a query: its words, nothing added. */
function plainAnalysis(query: string): AnalyzedQuery {
  return { words: [...new Set(tokenizeFrench(query))], expansions: [], corrections: [], themes: [], statuts: [], embeddingText: query };
}

function themeBoost(documentTheme: string | null, chosen: string | undefined, recognised: readonly string[]): number {
  if (!documentTheme) return 1;
  if (chosen === documentTheme) return CHOSEN_THEME_BOOST;
  return recognised.includes(documentTheme) ? RECOGNISED_THEME_BOOST : 1;
}

/** Share of common words above which two passages of same-titled documents are the same text. */
const DUPLICATE_OVERLAP = 0.6;

/**
 * Drops the passages of a document that repeats a better-ranked one: same title, and passages
 * that share most of their words (the same fiche ingested in two formats, a copy under another
 * name). Citing the same text twice helps no one and pushes other documents out of the results.
 */
export function withoutDuplicateDocuments<T extends { readonly row: ChunkRow }>(entries: readonly T[]): T[] {
  const byTitle = new Map<string, { documentId: string; words: Set<string> }[]>();
  const duplicates = new Set<string>();
  const kept: T[] = [];
  for (const entry of entries) {
    const { documentId, title, text } = entry.row;
    if (duplicates.has(documentId)) continue;
    const key = `${entry.row.corpus}\u0000${tokenizeFrench(title).join(' ')}`;
    const seen = byTitle.get(key) ?? [];
    if (!seen.some((other) => other.documentId === documentId)) {
      const words = new Set(tokenizeFrench(text));
      if (seen.some((other) => overlap(other.words, words) >= DUPLICATE_OVERLAP)) {
        duplicates.add(documentId);
        continue;
      }
      seen.push({ documentId, words });
      byTitle.set(key, seen);
    }
    kept.push(entry);
  }
  return kept;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / Math.min(a.size, b.size);
}

/** Whether a word is an acronym of the RH glossary (`ppcr`, `clm`): a precise subject, unlike its everyday synonyms. */
function isGlossaryAcronym(word: string): boolean {
  return lookupTerm(word).some((entry) => entry.kind === 'acronym' && !entry.ambiguous && tokenizeFrench(entry.term).join(' ') === word);
}

/** Other ways of saying a word according to the RH glossary (an acronym's expansions, a synonym's equivalents). */
function glossaryAlternatives(word: string): string[] {
  return [...new Set(lookupTerm(word).flatMap((entry) => [entry.term, ...entry.expansions]))].filter((alternative) => alternative.toLowerCase() !== word);
}
