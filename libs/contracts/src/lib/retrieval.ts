/** Version of the retrieval payloads. */
export const RETRIEVAL_CONTRACT_VERSION = 1 as const;

/**
 * How a corpus is searched: both rankings fused (default), or one of them alone (diagnostics);
 * `bm25` is the plain lexical baseline of evaluations: Okapi BM25 over the unstemmed words of the
 * passages' body text, no titles, glossary, typo correction or boost.
 */
export type SearchMode = 'hybrid' | 'text' | 'vector' | 'bm25';

/** A search in one corpus (sent on `mileva.corpus.<code>.retrieval.search`). The query is already pseudonymized. */
export interface SearchRequest {
  readonly v: typeof RETRIEVAL_CONTRACT_VERSION;
  readonly query: string;
  /** Passages to return (default 10, at most 50). */
  readonly k?: number;
  /** Only documents in force on this day (`YYYY-MM-DD`, default today). */
  readonly date?: string;
  /** Theme chosen by the user: a soft boost, never a filter. */
  readonly theme?: string;
  readonly mode?: SearchMode;
}

/** A passage found, with what a citation needs. */
export interface SearchHit {
  readonly chunkId: string;
  readonly documentId: string;
  readonly corpus: string;
  readonly title: string;
  readonly sourceUri: string;
  readonly headingPath: readonly string[];
  readonly text: string;
  readonly page: number | null;
  readonly pageEnd: number | null;
  readonly theme: string | null;
  readonly validFrom: string | null;
  readonly validTo: string | null;
  readonly kind: 'document' | 'answer';
  /** Fused score, comparable within one response. */
  readonly score: number;
  /** True for a passage of an académie's corpus: the local rule, to show next to the national one. */
  readonly local: boolean;
}

/** Query understanding, shown for transparency and used by generation. */
export interface QueryAnalysis {
  /** Acronyms and synonyms added from the RH glossary. */
  readonly expansions: readonly string[];
  /** Query words corrected against the corpus vocabulary (`mutaion` → `mutation`). */
  readonly corrections: readonly { readonly from: string; readonly to: string }[];
  /** Themes recognised in the query (soft boost). */
  readonly themes: readonly string[];
  /** Statuts recognised in the query (titulaire, stagiaire, contractuel…). */
  readonly statuts: readonly string[];
}

export interface SearchResponse {
  readonly v: typeof RETRIEVAL_CONTRACT_VERSION;
  readonly hits: readonly SearchHit[];
  /** Whether the corpus likely answers the question (calibrated threshold on the evidence). */
  readonly answerable: boolean;
  /** Evidence score behind `answerable`, between 0 and 1. */
  readonly confidence: number;
  readonly analysis: QueryAnalysis;
  /** Corpora searched, and those that did not answer in time (the answer is then degraded). */
  readonly corpora: readonly string[];
  readonly degraded: readonly { readonly corpus: string; readonly reason: string }[];
  readonly ms: number;
}
