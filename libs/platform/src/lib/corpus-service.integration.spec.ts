import { Module } from '@nestjs/common';
import { corpusSubject, Subjects, type SearchResponse } from '@mileva/contracts';
import { HASHED_NGRAM_EMBEDDER_ID } from '@mileva/embeddings';
import { openDatabase, type Database } from '@mileva/persistence';
import { startServiceHarness, type ServiceHarness } from '@mileva/runtime/testing';
import { bytesSource, IngestionModule, IngestionService } from '@mileva/service-ingestion';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RetrievalModule, RetrievalService, SearchRepository, TextIndexBuilder } from '@mileva/service-retrieval';

jest.setTimeout(120_000);

const encoder = new TextEncoder();
const markdown = (name: string, text: string) => bytesSource(name, encoder.encode(text));

const TEMPS_PARTIEL = `# Temps partiel de droit pour raisons familiales

## Conditions

Le temps partiel de droit est accordé à l'agent pour élever un enfant de moins de trois ans, ou pour donner des soins à son conjoint atteint d'un handicap.

## Quotités

La quotité de travail est de 50 %, 60 %, 70 % ou 80 % du temps plein.
`;
const CONGE_LONGUE_MALADIE = `# Congé de longue maladie

Le fonctionnaire atteint d'une maladie grave et invalidante bénéficie d'un congé de longue maladie d'une durée maximale de trois ans. Le traitement est intégral pendant un an puis réduit de moitié pendant deux ans.
`;
const PRIME = `# Prime de fidélisation territoriale

## Montant

La prime de fidélisation territoriale est versée en deux fractions à l'agent affecté dans une zone difficile.
`;
const RETRAITE = `# Retraite pour invalidité

Le fonctionnaire définitivement inapte à ses fonctions peut être mis à la retraite pour invalidité après avis du conseil médical.
`;

function search(harness: ServiceHarness, corpus: string, query: string, extra: Record<string, unknown> = {}): Promise<SearchResponse> {
  return harness.client.request<SearchResponse>(corpusSubject(Subjects.retrieval.search, corpus), { v: 1, query, ...extra });
}

@Module({ imports: [IngestionModule, RetrievalModule] })
class CorpusServiceModule {}

describe('retrieval service', () => {
  let dataDir: string;
  let database: Database;
  let harness: ServiceHarness;
  let ingestion: IngestionService;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mileva-retrieval-'));
    database = await openDatabase({ dataDir, poolSize: 1 });
    harness = await startServiceHarness(CorpusServiceModule, { database });
    ingestion = harness.app.get(IngestionService);
    await ingestion.runJob([markdown('temps-partiel.md', TEMPS_PARTIEL), markdown('clm.md', CONGE_LONGUE_MALADIE), markdown('retraite.md', RETRAITE), markdown('prime.md', PRIME)], {
      corpus: 'national',
    });
    await ingestion.runJob([markdown('note-lyon-temps-partiel.md', `# Note académique : temps partiel à Lyon\n\nÀ Lyon, les demandes de temps partiel sont déposées avant le 31 mars auprès de la DPE.\n`)], {
      corpus: 'lyon',
    });
    await ingestion.runJob([markdown('note-poitiers-temps-partiel.md', `# Note académique : temps partiel à Poitiers\n\nÀ Poitiers, les demandes de temps partiel sont déposées avant le 15 mars.\n`)], {
      corpus: 'poitiers',
    });
  });

  afterAll(async () => {
    await harness?.close();
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should put the right document first for a full question', async () => {
    // Words of this tiny corpus only: on a real corpus, everyday words of a question are known too.
    const response = await search(harness, 'national', 'Le temps partiel est-il de droit pour élever un enfant de deux ans ?');
    expect(response.hits[0]).toMatchObject({ sourceUri: 'temps-partiel.md', corpus: 'national', local: false });
    expect(response.hits[0].headingPath[0]).toBe('Temps partiel de droit pour raisons familiales');
    expect(response.answerable).toBe(true);
  });

  it('should search a pseudonymized question by its subject, placeholders aside', async () => {
    const response = await search(harness, 'national', 'Mme [PERSONNE_1] (NIR [NIR_1]) peut-elle prendre un temps partiel de droit pour élever son enfant ?');
    expect(response.hits[0].sourceUri).toBe('temps-partiel.md');
    expect(response.answerable).toBe(true);
  });

  it('should expand an acronym and correct a typo', async () => {
    const acronym = await search(harness, 'national', 'CLM durée traitement');
    expect(acronym.hits[0].sourceUri).toBe('clm.md');
    expect(acronym.analysis.expansions.join(' ')).toMatch(/longue maladie/i);
    const typo = await search(harness, 'national', 'retriate invalidite');
    expect(typo.hits[0].sourceUri).toBe('retraite.md');
    expect(typo.analysis.corrections).toEqual([{ from: 'retriate', to: 'retraite' }]);
  });

  it('should say when the corpus does not answer', async () => {
    const response = await search(harness, 'national', 'Comment cultiver des tomates sous serre en hiver ?');
    expect(response.answerable).toBe(false);
    expect(response.confidence).toBeLessThan(0.5);
  });

  it('should spell out an acronym nobody defined from the titles of the corpus', async () => {
    const response = await search(harness, 'national', 'PFT montant fractions');
    expect(response.analysis.expansions).toContain('prime fidelisation territoriale');
    expect(response.hits[0].sourceUri).toBe('prime.md');
    expect(response.answerable).toBe(true);
  });

  it('should not answer about a precise subject the corpus never mentions, whatever else matches', async () => {
    const response = await search(harness, 'national', 'Montant de la prime QZXW pour un agent à temps partiel');
    expect(response.hits.length).toBeGreaterThan(0);
    expect(response.answerable).toBe(false);
  });

  it('should search through the HNSW index once it is built, and never build it at startup on the embedded database', async () => {
    const repository = new SearchRepository(database.dataSource);
    // A build would block the embedded database's only thread: startup leaves it to the operator.
    await harness.app.get(RetrievalService).onApplicationBootstrap();
    expect(await repository.hasVectorIndex(512)).toBe(false);
    await repository.ensureVectorIndex(512);
    expect(await repository.hasVectorIndex(512)).toBe(true);
    expect(await repository.vectorSearchUsesIndex({ corpus: 'national', date: '2026-01-01' }, HASHED_NGRAM_EMBEDDER_ID, 512, { forced: true })).toBe(true);
    const vector = await search(harness, 'national', 'congé de longue maladie traitement intégral', { mode: 'vector' });
    expect(vector.hits[0].sourceUri).toBe('clm.md');
  });

  it('should never show an académie the private documents of another', async () => {
    const lyon = await search(harness, 'lyon', 'temps partiel demande date');
    expect(lyon.hits.map((hit) => hit.corpus)).toEqual(['lyon']);
    expect(lyon.hits[0]).toMatchObject({ local: true });
    const poitiers = await search(harness, 'poitiers', 'temps partiel Lyon DPE 31 mars');
    expect(poitiers.hits.every((hit) => hit.corpus === 'poitiers')).toBe(true);
  });

  it('should only search documents in force on the date asked', async () => {
    await ingestion.runJob([markdown('ancienne-circulaire.md', '# Circulaire sur le supplément familial\n\nLe supplément familial de traitement est versé selon un barème abrogé.\n')], {
      corpus: 'national',
      validFrom: '2010-01-01',
      validTo: '2015-12-31',
    });
    const today = await search(harness, 'national', 'supplément familial barème');
    expect(today.hits.map((hit) => hit.sourceUri)).not.toContain('ancienne-circulaire.md');
    const in2012 = await search(harness, 'national', 'supplément familial barème', { date: '2012-06-01' });
    expect(in2012.hits[0]).toMatchObject({ sourceUri: 'ancienne-circulaire.md', validFrom: '2010-01-01', validTo: '2015-12-31' });
  });

  it('should forget a superseded version and a withdrawn document', async () => {
    await ingestion.runJob([markdown('clm.md', `${CONGE_LONGUE_MALADIE}\nLa demande est adressée au service gestionnaire avec un certificat médical sous pli confidentiel.\n`)], {
      corpus: 'national',
    });
    const updated = await search(harness, 'national', 'certificat médical pli confidentiel congé longue maladie');
    const versions = new Set(updated.hits.filter((hit) => hit.sourceUri === 'clm.md').map((hit) => hit.documentId));
    expect(versions.size).toBe(1);
    expect(updated.hits[0].text).toContain('pli confidentiel');
    const [retraite] = (await ingestion.list('national', false)).filter((document) => document.sourceUri === 'retraite.md');
    await ingestion.withdraw('national', retraite.id);
    const afterWithdrawal = await search(harness, 'national', 'retraite pour invalidité conseil médical');
    expect(afterWithdrawal.hits.map((hit) => hit.sourceUri)).not.toContain('retraite.md');
  });

  it('should rank in memory exactly as the database ranks, on the documents in force only', async () => {
    const repository = new SearchRepository(database.dataSource);
    await ingestion.runJob([markdown('ancien-bareme.md', '# Barème des frais de déplacement\n\nLes frais de déplacement des agents sont remboursés selon un barème kilométrique ancien.\n')], {
      corpus: 'national',
      validFrom: '2005-01-01',
      validTo: '2009-12-31',
    });
    const builder = new TextIndexBuilder(await repository.indexedDocuments('national'));
    // Pages of two passages, so that the build goes over several pages as on a large corpus.
    for (let after: string | null = null; ; ) {
      const page = await repository.indexedChunks('national', after, 2);
      builder.add(page);
      if (page.length < 2) break;
      after = page[page.length - 1].id;
    }
    const index = builder.finish();
    const queries: { lexemes: string[]; weights: number[]; selective?: string[] }[] = [
      { lexemes: ['temp', 'partiel', 'droit', 'enfant'], weights: [1.2, 2.5, 0.8, 1.7] },
      { lexemes: ['conge', 'longu', 'maladi', 'traitement', 'agent'], weights: [1, 1, 1, 0.5, 0.2], selective: ['longu', 'maladi'] },
      { lexemes: ['frais', 'deplac', 'agent', 'bareme'], weights: [2, 2, 0.3, 1] },
      { lexemes: ['inconnu'], weights: [3] },
    ];
    for (const date of ['2026-01-01', '2007-06-01']) {
      for (const { lexemes, weights, selective } of queries) {
        const fromDatabase = await repository.textSearch({ corpus: 'national', date }, lexemes, weights, 100, selective);
        const fromMemory = index.search(date, lexemes, weights, 100, selective);
        expect(fromMemory.map((hit) => hit.id)).toEqual(fromDatabase.map((hit) => hit.id));
        fromMemory.forEach((hit, position) => expect(hit.score).toBeCloseTo(fromDatabase[position].score, 5));
      }
    }
    // The old scale is ranked in 2007 and left out today, in memory as in the database.
    const [frais] = await repository.lexemesOf(['frais']);
    expect(index.search('2007-06-01', frais, [1], 10).length).toBeGreaterThan(0);
    expect(index.search('2026-01-01', frais, [1], 10)).toEqual([]);
  });

  it('should prepare the corpora of the database at startup, before any search', async () => {
    const retrieval = harness.app.get(RetrievalService);
    await ingestion.runJob([markdown('astreinte.md', '# Astreintes\n\nUne astreinte est indemnisée selon un barème fixé par arrêté.\n')], { corpus: 'lyon' });
    expect(await retrieval.isPrepared('lyon')).toBe(false);
    await retrieval.onApplicationBootstrap();
    await retrieval.warmingUp;
    expect(await retrieval.isPrepared('national')).toBe(true);
    expect(await retrieval.isPrepared('lyon')).toBe(true);
  });

  it('should search through the in-memory index once ready, and rebuild it when the corpus changes', async () => {
    const retrieval = harness.app.get(RetrievalService);
    await ingestion.runJob([markdown('teletravail.md', '# Télétravail\n\nLe télétravail est autorisé trois jours par semaine au plus pour un agent à temps plein.\n')], { corpus: 'national' });
    await retrieval.prepare('national');
    const ready = await search(harness, 'national', 'télétravail jours par semaine', { mode: 'text' });
    expect(ready.hits[0].sourceUri).toBe('teletravail.md');
    const [teletravail] = (await ingestion.list('national', false)).filter((document) => document.sourceUri === 'teletravail.md');
    await ingestion.withdraw('national', teletravail.id);
    // The index of the former version is not used: the document is gone at once, and again once the index is rebuilt.
    const justAfter = await search(harness, 'national', 'télétravail jours par semaine', { mode: 'text' });
    expect(justAfter.hits.map((hit) => hit.sourceUri)).not.toContain('teletravail.md');
    await retrieval.prepare('national');
    const rebuilt = await search(harness, 'national', 'télétravail jours par semaine', { mode: 'text' });
    expect(rebuilt.hits.map((hit) => hit.sourceUri)).not.toContain('teletravail.md');
  });

  it('should rank by text alone or by vectors alone when asked', async () => {
    const text = await search(harness, 'national', 'quotité temps plein', { mode: 'text' });
    const vector = await search(harness, 'national', 'quotité temps plein', { mode: 'vector' });
    expect(text.hits[0].sourceUri).toBe('temps-partiel.md');
    expect(vector.hits.length).toBeGreaterThan(0);
  });

  it('should reject an empty query', async () => {
    await expect(search(harness, 'national', '   ')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
