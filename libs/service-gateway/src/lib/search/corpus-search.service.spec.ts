import { Controller, Module } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import { corpusOfSubject, Subjects, type SearchHit, type SearchRequest, type SearchResponse } from '@mileva/contracts';
import { startServiceHarness, type ServiceHarness } from '@mileva/runtime/testing';
import { CorpusSearchService, fuseAcrossCorpora } from './corpus-search.service';

function hit(corpus: string, id: string): SearchHit {
  return {
    chunkId: id,
    documentId: `doc-${id}`,
    corpus,
    title: `Titre ${id}`,
    sourceUri: `${id}.md`,
    headingPath: [],
    text: `Passage ${id}`,
    page: null,
    pageEnd: null,
    theme: null,
    validFrom: null,
    validTo: null,
    kind: 'document',
    score: 1,
    local: corpus !== 'national',
  };
}

const requested: string[] = [];

/** Stands for the corpus services: national answers, lyon answers, poitiers never answers. */
@Controller()
class FakeRetrievalController {
  @MessagePattern(Subjects.retrieval.search)
  async search(@Payload() request: SearchRequest, @Ctx() context: NatsContext): Promise<SearchResponse> {
    const corpus = corpusOfSubject(context.getSubject()) ?? '';
    requested.push(corpus);
    if (corpus === 'poitiers') await new Promise((resolve) => setTimeout(resolve, 1_000));
    return {
      v: 1,
      hits: [hit(corpus, `${corpus}-1`), hit(corpus, `${corpus}-2`)],
      answerable: corpus === 'lyon',
      confidence: corpus === 'lyon' ? 0.8 : 0.3,
      analysis: { expansions: [request.query], corrections: [], themes: [], statuts: [] },
      corpora: [corpus],
      degraded: [],
      ms: 1,
    };
  }
}

@Module({ controllers: [FakeRetrievalController], providers: [CorpusSearchService] })
class SearchTestModule {}

@Module({ providers: [CorpusSearchService] })
class SearchOnlyModule {}

describe(CorpusSearchService.name, () => {
  let harness: ServiceHarness;
  let service: CorpusSearchService;

  beforeAll(async () => {
    harness = await startServiceHarness(SearchTestModule);
    service = harness.app.get(CorpusSearchService);
  });
  afterAll(() => harness.close());
  beforeEach(() => requested.splice(0));

  it('should search the national corpus and the user’s académie, and fuse them with the local rule labelled', async () => {
    const response = await service.search({ query: 'temps partiel', academie: 'lyon' });
    expect(requested.sort()).toEqual(['lyon', 'national']);
    expect(response.hits.map((found) => found.chunkId)).toEqual(['lyon-1', 'national-1', 'lyon-2', 'national-2']);
    expect(response.hits.filter((found) => found.local).map((found) => found.corpus)).toEqual(['lyon', 'lyon']);
    expect(response).toMatchObject({ answerable: true, confidence: 0.8, corpora: ['national', 'lyon'], degraded: [] });
  });

  it('should answer with the national corpus alone, marked degraded, when the académie does not answer in time', async () => {
    const started = Date.now();
    const response = await service.search({ query: 'temps partiel', academie: 'poitiers', timeoutMs: 300 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(response.hits.every((found) => found.corpus === 'national')).toBe(true);
    expect(response.degraded).toEqual([{ corpus: 'poitiers', reason: expect.stringContaining('300 ms') }]);
  });

  it('should only search the national corpus for the central administration', async () => {
    await service.search({ query: 'retraite' });
    expect(requested).toEqual(['national']);
  });

  it('should fail when no corpus answers', async () => {
    const lonely = await startServiceHarness(SearchOnlyModule);
    await expect(lonely.app.get(CorpusSearchService).search({ query: 'retraite', timeoutMs: 200 })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await lonely.close();
  });
});

describe('fuseAcrossCorpora', () => {
  it('should interleave the lists by rank', () => {
    expect(fuseAcrossCorpora([[hit('national', 'a'), hit('national', 'b')], [hit('lyon', 'c')]]).map((found) => found.chunkId)).toEqual(['c', 'a', 'b']);
  });
});
