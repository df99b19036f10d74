import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Database, openDatabase } from './database';
import { DatabaseLockedError } from './errors';
import { revertAllMigrations, runMigrations } from './migrate';
import { MIGRATIONS } from './migrations';
import {
  serveEmbeddedDatabase,
  type ServedEmbeddedDatabase,
} from './serve-embedded';

const MIGRATION_NAMES = MIGRATIONS.map((migration) => migration.name);
const LATEST_MIGRATION = MIGRATION_NAMES[MIGRATION_NAMES.length - 1];

describe('serveEmbeddedDatabase', () => {
  let dataDir: string;
  let served: ServedEmbeddedDatabase;
  const clients: Database[] = [];

  const connect = async (runMigrationsAtOpen: boolean): Promise<Database> => {
    const database = await openDatabase({
      url: served.url,
      dataDir: join(dataDir, 'unused'),
      poolSize: 2,
      runMigrations: runMigrationsAtOpen,
    });
    clients.push(database);
    return database;
  };
  const tablesOf = async (database: Database): Promise<string[]> => {
    const rows: Array<{ table_name: string }> = await database.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`,
    );
    return rows.map((row) => row.table_name);
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mileva-served-'));
    served = await serveEmbeddedDatabase({
      dataDir,
      host: '127.0.0.1',
      port: 0,
    });
  });

  afterAll(async () => {
    await Promise.all(clients.map((database) => database.close()));
    await served.close();
    await served.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should give a postgres URL with the port the OS assigned', () => {
    expect(served.url).toMatch(
      /^postgresql:\/\/postgres@127\.0\.0\.1:[1-9]\d*\/postgres$/,
    );
  });

  it('should hold the data directory lock while it serves', async () => {
    await expect(openDatabase({ dataDir, poolSize: 1 })).rejects.toThrow(
      DatabaseLockedError,
    );
  });

  it('should apply each migration once when two clients start together', async () => {
    const [first, second] = await Promise.all([connect(true), connect(true)]);

    const applied: Array<{ name: string }> = await first.dataSource.query(
      `SELECT "name" FROM "migrations" ORDER BY "id"`,
    );
    expect(applied.map((row) => row.name)).toEqual(MIGRATION_NAMES);
    await expect(first.ping()).resolves.toMatchObject({
      schemaVersion: LATEST_MIGRATION,
    });
    await expect(second.ping()).resolves.toMatchObject({
      schemaVersion: LATEST_MIGRATION,
    });
    expect(second.kind).toBe('postgres');
  });

  it('should find nothing to apply when migrations run again concurrently', async () => {
    const [first, second] = clients;

    const results = await Promise.all([
      runMigrations(first.dataSource),
      runMigrations(second.dataSource),
    ]);

    expect(results).toEqual([[], []]);
  });

  it('should see over TCP what another client wrote', async () => {
    const [first, second] = clients;
    await first.dataSource.query(
      `INSERT INTO "analytics_facts" ("event_id", "type", "occurred_at", "academie", "payload") VALUES ($1, $2, now(), $3, $4)`,
      [
        'evt-1',
        'answer.generated',
        'ac-nantes',
        JSON.stringify({ latencyMs: 840, sources: 4 }),
      ],
    );

    const rows: Array<{ payload: { latencyMs: number } }> =
      await second.dataSource.query(
        `SELECT "payload" FROM "analytics_facts" WHERE "event_id" = $1`,
        ['evt-1'],
      );

    expect(rows).toEqual([{ payload: { latencyMs: 840, sources: 4 } }]);
  });

  it('should revert every migration down to TypeORM bookkeeping only, then migrate up again', async () => {
    const [first, second] = clients;

    await expect(revertAllMigrations(first.dataSource)).resolves.toEqual(
      [...MIGRATION_NAMES].reverse(),
    );

    await expect(tablesOf(second)).resolves.toEqual([
      'migrations',
      'typeorm_metadata',
    ]);
    await expect(
      second.dataSource.query(
        `SELECT count(*)::int AS "n" FROM "typeorm_metadata"`,
      ),
    ).resolves.toEqual([{ n: 0 }]);
    await expect(
      second.dataSource.query(
        `SELECT to_regprocedure('mileva_unaccent(text)') AS "fn"`,
      ),
    ).resolves.toEqual([{ fn: null }]);
    await expect(second.ping()).resolves.toMatchObject({
      schemaVersion: 'none',
    });

    await expect(runMigrations(second.dataSource)).resolves.toEqual(
      MIGRATION_NAMES,
    );
    await expect(tablesOf(first)).resolves.toEqual(
      expect.arrayContaining([
        'documents',
        'chunks',
        'qa_entries',
        'conversations',
        'messages',
        'feedback',
        'instructions',
        'analytics_facts',
      ]),
    );
  });
});
