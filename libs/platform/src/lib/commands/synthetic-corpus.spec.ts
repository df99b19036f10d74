import { openDatabase, type Database } from '@mileva/persistence';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSyntheticCorpus, loadPhrasebook, SYNTHETIC_QUESTION_STARTS, syntheticQueries, type SyntheticCorpusSummary } from './synthetic-corpus';

jest.setTimeout(120_000);

const DIMENSION = 64;
const MISSING_DIR = join(tmpdir(), 'mileva-no-such-folder');

describe('buildSyntheticCorpus', () => {
  let dataDir: string;
  let database: Database;
  let first: SyntheticCorpusSummary;
  const progress: [number, number][] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mileva-synthetic-corpus-'));
    database = await openDatabase({ dataDir, poolSize: 1 });
    first = await buildSyntheticCorpus(database.dataSource, { chunks: 300, corpus: 'bench-a', dimension: DIMENSION, seed: 7, onProgress: (done, total) => progress.push([done, total]) });
    await buildSyntheticCorpus(database.dataSource, { chunks: 300, corpus: 'bench-b', dimension: DIMENSION, seed: 7 });
    await buildSyntheticCorpus(database.dataSource, { chunks: 300, corpus: 'bench-c', dimension: DIMENSION, seed: 8 });
  });

  afterAll(async () => {
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const texts = async (corpus: string): Promise<string[]> => {
    const rows: { heading_path: string[]; text: string }[] = await database.dataSource.query(
      `SELECT c.heading_path, c.text FROM chunks c JOIN documents d ON d.id = c.document_id WHERE c.corpus = $1 ORDER BY d.source_uri, c.ordinal`,
      [corpus],
    );
    return rows.map((row) => `${row.heading_path.join(' > ')}\n${row.text}`);
  };

  it('should insert the chunks asked for, about 20 per document, and report them', async () => {
    const [counts]: { documents: number; chunks: number }[] = await database.dataSource.query(
      `SELECT (SELECT count(*)::int FROM documents WHERE corpus = 'bench-a' AND status = 'active') AS documents, (SELECT count(*)::int FROM chunks WHERE corpus = 'bench-a') AS chunks`,
    );
    expect(counts.chunks).toBe(300);
    expect(counts.documents).toBe(first.documents);
    expect(first.documents).toBeGreaterThanOrEqual(300 / 28);
    expect(first.documents).toBeLessThanOrEqual(Math.ceil(300 / 12) + 1);
    expect(first).toMatchObject({ corpus: 'bench-a', chunks: 300, dimension: DIMENSION, embeddingModel: 'hash-ngram-v1' });
    expect(progress.at(-1)).toEqual([300, 300]);
  });

  it('should fill the full-text vector and store embeddings of the requested dimension', async () => {
    const [row]: { empty_tsv: number; dims: number[]; models: string[]; unembedded: number }[] = await database.dataSource.query(
      `SELECT count(*) FILTER (WHERE tsv = ''::tsvector)::int AS empty_tsv,
              array_agg(DISTINCT vector_dims(embedding)) AS dims,
              array_agg(DISTINCT embedding_model) AS models,
              count(*) FILTER (WHERE embedding IS NULL OR embedding_dim <> ${DIMENSION})::int AS unembedded
         FROM chunks WHERE corpus = 'bench-a'`,
    );
    expect(row).toEqual({ empty_tsv: 0, dims: [DIMENSION], models: ['hash-ngram-v1'], unembedded: 0 });
  });

  it('should write the same texts, headings and embeddings for the same seed', async () => {
    const [a, b, c] = await Promise.all([texts('bench-a'), texts('bench-b'), texts('bench-c')]);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const [differences]: { n: number }[] = await database.dataSource.query(
      `SELECT count(*)::int AS n FROM chunks a JOIN documents da ON da.id = a.document_id
         JOIN documents db ON db.corpus = 'bench-b' AND db.source_uri = da.source_uri
         JOIN chunks b ON b.document_id = db.id AND b.ordinal = a.ordinal
        WHERE a.corpus = 'bench-a' AND (a.embedding::text <> b.embedding::text OR a.tsv <> b.tsv)`,
    );
    expect(differences.n).toBe(0);
  });

  it('should write French prose recombined from the documents', async () => {
    const sample = (await texts('bench-a')).slice(0, 5).join(' ');
    expect(sample).toMatch(/\b(les?|la|des|du|de)\b/);
    expect(loadPhrasebook().source).toBe('documents');
  });
});

describe('syntheticQueries', () => {
  it('should return the number of queries asked for, the same ones for the same seed', () => {
    const queries = syntheticQueries(50, 3);
    expect(queries).toHaveLength(50);
    expect(syntheticQueries(50, 3)).toEqual(queries);
    expect(syntheticQueries(50, 4)).not.toEqual(queries);
    for (const query of queries) {
      expect(query.split(' ').length).toBeGreaterThanOrEqual(2);
    }
  });

  it('should put typos in some queries only', () => {
    const phrasebook = loadPhrasebook();
    const vocabulary = new Set([...phrasebook.words.flat(), ...SYNTHETIC_QUESTION_STARTS.flatMap((start) => start.split(' '))]);
    const queries = syntheticQueries(200, 11);
    const withUnknownWord = queries.filter((query) => query.split(' ').some((word) => word.length >= 4 && !vocabulary.has(word)));
    expect(withUnknownWord.length).toBeGreaterThan(10);
    expect(withUnknownWord.length).toBeLessThan(100);
  });
});

describe('loadPhrasebook', () => {
  it('should keep prose only: no markup, links or metadata in the sentences and headings', () => {
    const phrasebook = loadPhrasebook();
    expect(phrasebook.files).toBeGreaterThan(10);
    for (const text of [...phrasebook.sentences, ...phrasebook.titles, ...phrasebook.headings]) {
      expect(text).not.toMatch(/<|>|\*\*|\]\(|https?:|^- |^Source :/);
    }
  });

  it('should fall back to built-in sentences when the folder of documents is missing', () => {
    expect(loadPhrasebook(MISSING_DIR)).toMatchObject({ source: 'built-in', files: 0 });
    expect(loadPhrasebook(MISSING_DIR).sentences.length).toBeGreaterThanOrEqual(50);
    const queries = syntheticQueries(20, 1, MISSING_DIR);
    expect(queries).toHaveLength(20);
    expect(queries).toEqual(syntheticQueries(20, 1, MISSING_DIR));
  });
});
