import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  corpusSubject,
  RETRIEVAL_CONTRACT_VERSION,
  Subjects,
  type SearchHit,
  type SearchMode,
  type SearchRequest,
  type SearchResponse,
} from '@mileva/contracts';
import { NATIONAL_CORPUS } from '@mileva/rh-taxonomy';
import { MILEVA_CONFIG, MILEVA_TRANSPORT, ServiceClient, ServiceError, type MilevaConfig, type Transport } from '@mileva/runtime';

/** How long the gateway waits for a corpus service before answering without it. */
export const CORPUS_SEARCH_TIMEOUT_MS = 4_000;
const RRF_K = 60;

export interface PlatformSearch {
  readonly query: string;
  /** Académie of the user: its corpus is searched with the national one, never another académie's. */
  readonly academie?: string;
  readonly k?: number;
  readonly date?: string;
  readonly theme?: string;
  readonly mode?: SearchMode;
  readonly timeoutMs?: number;
}

/**
 * Searches the national corpus and the user's académie corpus in parallel and fuses the results.
 * A corpus service that does not answer in time degrades the answer (said in the response); the
 * search fails only when no corpus answers.
 */
@Injectable()
export class CorpusSearchService {
  private readonly logger = new Logger(CorpusSearchService.name);

  constructor(
    private readonly client: ServiceClient,
    @Inject(MILEVA_CONFIG) private readonly config: MilevaConfig,
    @Inject(MILEVA_TRANSPORT) private readonly transport: Transport,
  ) {}

  /** Corpora searched for a user of `academie`: national, and the académie's when it has a corpus service. */
  corporaFor(academie: string | undefined): string[] {
    const corpora = [NATIONAL_CORPUS];
    if (academie && academie !== NATIONAL_CORPUS && (this.transport.kind === 'local' || this.config.corpora.includes(academie as never))) {
      corpora.push(academie);
    }
    return corpora;
  }

  async search(search: PlatformSearch): Promise<SearchResponse> {
    const started = performance.now();
    const corpora = this.corporaFor(search.academie);
    const k = search.k ?? 10;
    const request: SearchRequest = {
      v: RETRIEVAL_CONTRACT_VERSION,
      query: search.query,
      k,
      ...(search.date ? { date: search.date } : {}),
      ...(search.theme ? { theme: search.theme } : {}),
      ...(search.mode ? { mode: search.mode } : {}),
    };
    const timeoutMs = search.timeoutMs ?? CORPUS_SEARCH_TIMEOUT_MS;
    const outcomes = await Promise.all(
      corpora.map(async (corpus) => {
        try {
          return { corpus, response: await this.client.request<SearchResponse>(corpusSubject(Subjects.retrieval.search, corpus), request, { timeoutMs }) };
        } catch (error) {
          const reason = error instanceof ServiceError ? error.message : 'Service de recherche injoignable';
          this.logger.warn(`Corpus ${corpus} did not answer: ${reason}`);
          return { corpus, reason };
        }
      }),
    );
    const answered = outcomes.filter((outcome): outcome is { corpus: string; response: SearchResponse } => 'response' in outcome);
    const degraded = outcomes.filter((outcome): outcome is { corpus: string; reason: string } => 'reason' in outcome);
    if (answered.length === 0) {
      throw new ServiceError('UNAVAILABLE', 'Aucun corpus n’a répondu à temps : la recherche est impossible pour le moment. Réessayez dans un instant.');
    }
    const hits = fuseAcrossCorpora(answered.map((outcome) => outcome.response.hits)).slice(0, k);
    const best = answered.reduce((a, b) => (b.response.confidence > a.response.confidence ? b : a));
    return {
      v: RETRIEVAL_CONTRACT_VERSION,
      hits,
      answerable: answered.some((outcome) => outcome.response.answerable),
      confidence: best.response.confidence,
      analysis: answered[0].response.analysis,
      corpora,
      degraded: degraded.map(({ corpus, reason }) => ({ corpus, reason })),
      ms: Math.round(performance.now() - started),
    };
  }
}

/**
 * Reciprocal rank fusion of the hit lists of several corpora: each corpus ranked its own
 * passages; an académie's passage and a national one on the same point both come up, labelled.
 */
export function fuseAcrossCorpora(lists: readonly (readonly SearchHit[])[]): SearchHit[] {
  const scored: { hit: SearchHit; score: number }[] = [];
  for (const list of lists) {
    list.forEach((hit, index) => scored.push({ hit, score: 1 / (RRF_K + index + 1) }));
  }
  return scored
    .sort((a, b) => b.score - a.score || Number(b.hit.local) - Number(a.hit.local))
    .map(({ hit, score }) => ({ ...hit, score: Math.round(score * 1e6) / 1e6 }));
}
