import { openDatabase } from '@mileva/persistence';
import { loadConfig } from '@mileva/runtime';
import { SearchRepository } from '@mileva/service-retrieval';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildVectorIndex, formatIndexBuild } from './index-build.command';
import { buildSyntheticCorpus } from './synthetic-corpus';

jest.setTimeout(120_000);

const DIMENSION = 64;

describe('buildVectorIndex', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mileva-index-build-'));
    const database = await openDatabase({ dataDir, poolSize: 1 });
    try {
      await buildSyntheticCorpus(database.dataSource, { chunks: 200, corpus: 'national', dimension: DIMENSION, seed: 3 });
    } finally {
      await database.close();
    }
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('should build the HNSW index of the configured dimension once, and say so in French', async () => {
    const config = loadConfig({ MILEVA_DATA_DIR: dataDir, MILEVA_EMBEDDINGS_DIMENSION: String(DIMENSION), MILEVA_LOG_LEVEL: 'silent' });
    const announced: number[] = [];
    const first = await buildVectorIndex(config, (vectors) => announced.push(vectors));
    expect(first).toMatchObject({ database: 'embedded', dimension: DIMENSION, vectors: 200, built: true });
    expect(announced).toEqual([200]);
    expect(formatIndexBuild(first)).toMatch(/^Index HNSW des 200 vecteurs de 64 dimensions construit en [\d,]+ s\.$/);

    const database = await openDatabase({ dataDir, poolSize: 1 });
    try {
      expect(await new SearchRepository(database.dataSource).hasVectorIndex(DIMENSION)).toBe(true);
    } finally {
      await database.close();
    }

    const second = await buildVectorIndex(config);
    expect(second.built).toBe(false);
    expect(formatIndexBuild(second)).toBe('L’index HNSW des vecteurs de 64 dimensions existe déjà (200 vecteurs).');
  });
});
