import { spawnSync } from 'node:child_process';
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, EMBEDDED_POOL_SIZE, openDatabase } from './database';
import { LOCK_FILE_NAME } from './embedded/data-dir-lock';
import { ChunkEntity, DocumentEntity } from './entities';
import { DatabaseLockedError } from './errors';
import { MIGRATIONS } from './migrations';

const LATEST_MIGRATION = MIGRATIONS[MIGRATIONS.length - 1].name;

describe('openDatabase (embedded PGlite)', () => {
  let dataDir: string;
  let database: Database;
  let documentId: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mileva-embedded-'));
    database = await openDatabase({
      dataDir,
      poolSize: 8,
      applicationName: 'mileva-test',
    });
  });

  afterAll(async () => {
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should apply the migrations at open time and answer a ping', async () => {
    const ping = await database.ping();

    expect(database.kind).toBe('embedded');
    expect(ping.schemaVersion).toBe(LATEST_MIGRATION);
    expect(Math.abs(Date.parse(ping.serverTime) - Date.now())).toBeLessThan(
      60_000,
    );
    expect(ping.ms).toBeGreaterThanOrEqual(0);
    await expect(
      access(join(dataDir, 'pglite', 'PG_VERSION')),
    ).resolves.toBeUndefined();
  });

  it('should use a single connection whatever pool size is asked', () => {
    expect(database.dataSource.options).toMatchObject({
      type: 'postgres',
      poolSize: EMBEDDED_POOL_SIZE,
    });
  });

  it('should leave no difference between the entities and the migrated schema', async () => {
    const diff = await database.dataSource.driver.createSchemaBuilder().log();

    expect(diff.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('should store chunks with half-precision embeddings and rank them by cosine distance', async () => {
    const document = await database.dataSource
      .getRepository(DocumentEntity)
      .save({
        corpus: 'ac-lyon',
        title: 'Guide des congés des personnels enseignants',
        sourceUri: 'https://intranet.ac-lyon.fr/rh/conges.pdf',
        theme: 'conges',
        validFrom: '2025-09-01',
        contentHash: 'sha256:conges-v1',
        mimeType: 'application/pdf',
        pages: 12,
      });
    documentId = document.id;
    const chunks = database.dataSource.getRepository(ChunkEntity);
    await chunks.save([
      {
        documentId,
        corpus: 'ac-lyon',
        ordinal: 0,
        headingPath: ['Congés', 'Congé de longue maladie'],
        page: 3,
        text: 'Le fonctionnaire en congés de maladie conserve son traitement pendant trois mois.',
        embedding: [1, 0, 0],
        embeddingModel: 'test-3d',
        embeddingDim: 3,
      },
      {
        documentId,
        corpus: 'ac-lyon',
        ordinal: 1,
        headingPath: ['Mutations', 'Rapprochement de conjoints'],
        page: 7,
        text: 'Les points de bonification sont attribués au titre du rapprochement de conjoints.',
        embedding: [0, 1, 0],
        embeddingModel: 'test-3d',
        embeddingDim: 3,
      },
    ]);

    const ranked: Array<{ ordinal: number; distance: number }> =
      await database.dataSource.query(
        `SELECT "ordinal", "embedding" <=> $1::halfvec AS "distance" FROM "chunks" WHERE "document_id" = $2 ORDER BY "distance" LIMIT 2`,
        [JSON.stringify([0.9, 0.1, 0]), documentId],
      );
    const stored = await chunks.findOneByOrFail({ documentId, ordinal: 0 });

    expect(ranked.map((row) => row.ordinal)).toEqual([0, 1]);
    expect(ranked[0].distance).toBeLessThan(ranked[1].distance);
    expect(stored.embedding).toEqual([1, 0, 0]);
  });

  it('should find a chunk by French full text whatever the accents of the query', async () => {
    const search = async (query: string): Promise<number[]> => {
      const rows: Array<{ ordinal: number }> = await database.dataSource.query(
        `SELECT "ordinal" FROM "chunks"
          WHERE "corpus" = $1 AND "tsv" @@ websearch_to_tsquery('french', mileva_unaccent($2))
          ORDER BY ts_rank("tsv", websearch_to_tsquery('french', mileva_unaccent($2))) DESC, "ordinal"`,
        ['ac-lyon', query],
      );
      return rows.map((row) => row.ordinal);
    };

    await expect(search('conges maladie')).resolves.toEqual([0]);
    await expect(search('CONGÉS de MALADIE')).resolves.toEqual([0]);
    // Words of the heading path are searchable too.
    await expect(search('longue')).resolves.toEqual([0]);
    await expect(search('rapprochement conjoint')).resolves.toEqual([1]);
    await expect(search('conges mutation')).resolves.toEqual([]);
  });

  it('should reject an embedding whose recorded dimension does not match the vector', async () => {
    await expect(
      database.dataSource.getRepository(ChunkEntity).insert({
        documentId,
        corpus: 'ac-lyon',
        ordinal: 2,
        headingPath: [],
        text: 'Dimension incohérente.',
        embedding: [1, 0, 0],
        embeddingModel: 'test-3d',
        embeddingDim: 4,
      }),
    ).rejects.toThrow(/ck_chunks_embedding/);
  });

  it('should refuse a second open of the same data directory', async () => {
    await expect(openDatabase({ dataDir, poolSize: 1 })).rejects.toThrow(
      DatabaseLockedError,
    );
    await expect(openDatabase({ dataDir, poolSize: 1 })).rejects.toThrow(
      `(pid ${process.pid})`,
    );
  });

  it('should release the lock on close, tolerate a second close, and find the data again on reopen', async () => {
    await database.close();
    await database.close();
    await expect(access(join(dataDir, LOCK_FILE_NAME))).rejects.toThrow();
    await expect(database.ping()).rejects.toThrow();

    database = await openDatabase({ dataDir, poolSize: 1 });

    const document = await database.dataSource
      .getRepository(DocumentEntity)
      .findOneByOrFail({ id: documentId });
    expect(document).toMatchObject({
      corpus: 'ac-lyon',
      version: 1,
      status: 'active',
      validFrom: '2025-09-01',
      validTo: null,
    });
    await expect(
      database.dataSource.getRepository(ChunkEntity).countBy({ documentId }),
    ).resolves.toBe(2);
    await expect(database.ping()).resolves.toMatchObject({
      schemaVersion: LATEST_MIGRATION,
    });
  });

  it('should take over a lock left by a crashed process', async () => {
    await database.close();
    const crashed = spawnSync(process.execPath, ['-e', '']).pid;
    await writeFile(
      join(dataDir, LOCK_FILE_NAME),
      JSON.stringify({
        pid: crashed,
        hostname: hostname(),
        token: 'crashed',
        acquiredAt: '2026-01-01T00:00:00.000Z',
      }),
    );

    database = await openDatabase({ dataDir, poolSize: 1 });

    const lock = JSON.parse(
      await readFile(join(dataDir, LOCK_FILE_NAME), 'utf8'),
    );
    expect(lock).toMatchObject({ pid: process.pid });
    await expect(
      database.dataSource
        .getRepository(DocumentEntity)
        .countBy({ corpus: 'ac-lyon' }),
    ).resolves.toBe(1);
  });
});
