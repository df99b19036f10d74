import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import {
  buildDataSourceOptions,
  MIGRATIONS_TABLE,
  type PostgresTarget,
} from './data-source-options';
import {
  EMBEDDED_DATABASE,
  EMBEDDED_USER,
  type EmbeddedServer,
  startEmbeddedServer,
} from './embedded/embedded-server';
import { DatabaseConfigError } from './errors';
import { runMigrations } from './migrate';

/** Where the database lives and how to use it; built from the validated configuration. */
export interface DatabaseOptions {
  /** `postgres://` or `postgresql://` URL (`MILEVA_DATABASE_URL`); unset means the embedded PGlite. */
  readonly url?: string;
  /** Directory of the embedded database (`MILEVA_DATA_DIR`); PGlite lives in `<dataDir>/pglite`. */
  readonly dataDir: string;
  /** Connections of the pool (`MILEVA_DB_POOL_SIZE`); forced to 1 for the embedded database. */
  readonly poolSize: number;
  /** `application_name` reported to Postgres. */
  readonly applicationName?: string;
  /** Applies pending migrations at open time (default true). */
  readonly runMigrations?: boolean;
}

/** Result of a real round trip to the database. */
export interface DatabasePing {
  /** `now()` of the server, ISO 8601. */
  readonly serverTime: string;
  /** Name of the latest applied migration, `none` when no migration was applied. */
  readonly schemaVersion: string;
  /** Round-trip duration in milliseconds. */
  readonly ms: number;
}

/** An open database: the TypeORM DataSource and its lifecycle. */
export interface Database {
  readonly dataSource: DataSource;
  readonly kind: 'postgres' | 'embedded';
  ping(): Promise<DatabasePing>;
  /** Destroys the DataSource, then stops the embedded server, closes PGlite and releases the lock. Idempotent. */
  close(): Promise<void>;
}

/**
 * Pool size used in front of the embedded PGlite. Its socket multiplexer feeds a single backend:
 * connections share one session, and outside explicit transactions the protocol messages of two
 * connections may interleave (one's unnamed statement replaced by the other's). One connection
 * avoids both; transactions already serialize everything anyway.
 */
export const EMBEDDED_POOL_SIZE = 1;

/** Connections the embedded server accepts: the pool plus room for a connection being replaced. */
const EMBEDDED_MAX_CONNECTIONS = 4;

const DATABASE_URL_VARIABLE = 'MILEVA_DATABASE_URL';
const POOL_SIZE_VARIABLE = 'MILEVA_DB_POOL_SIZE';
const ACCEPTED_PROTOCOLS = new Set(['postgres:', 'postgresql:']);

/**
 * Opens the database: Postgres when `url` is set, otherwise the embedded PGlite served in-process
 * over the Postgres wire protocol. Both go through the same TypeORM `postgres` DataSource.
 */
export async function openDatabase(
  options: DatabaseOptions,
): Promise<Database> {
  validatePoolSize(options.poolSize);
  if (options.url !== undefined) {
    validateDatabaseUrl(options.url);
    return openDataSource('postgres', { url: options.url }, options, undefined);
  }

  // Unix socket in a private directory where available: no unauthenticated TCP port on the host.
  const embedded = await startEmbeddedServer({
    dataDir: options.dataDir,
    listen:
      process.platform === 'win32'
        ? { kind: 'tcp', host: '127.0.0.1', port: 0 }
        : { kind: 'private-socket' },
    maxConnections: EMBEDDED_MAX_CONNECTIONS,
  });
  return openDataSource(
    'embedded',
    {
      ...embedded.endpoint,
      username: EMBEDDED_USER,
      database: EMBEDDED_DATABASE,
    },
    { ...options, poolSize: EMBEDDED_POOL_SIZE },
    embedded,
  );
}

/** Checks that `url` is a Postgres URL; throws `DatabaseConfigError` naming `MILEVA_DATABASE_URL` otherwise. */
export function validateDatabaseUrl(url: string): void {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new DatabaseConfigError(
      DATABASE_URL_VARIABLE,
      `${DATABASE_URL_VARIABLE} n'est pas une URL valide. Attendu : postgres://utilisateur:motdepasse@hôte:5432/base.`,
    );
  }
  if (!ACCEPTED_PROTOCOLS.has(protocol)) {
    throw new DatabaseConfigError(
      DATABASE_URL_VARIABLE,
      `${DATABASE_URL_VARIABLE} doit commencer par postgres:// ou postgresql:// (schéma reçu : ${protocol.slice(0, -1)}://).`,
    );
  }
}

function validatePoolSize(poolSize: number): void {
  if (!Number.isInteger(poolSize) || poolSize < 1) {
    throw new DatabaseConfigError(
      POOL_SIZE_VARIABLE,
      `${POOL_SIZE_VARIABLE} doit être un entier supérieur ou égal à 1 (reçu : ${poolSize}).`,
    );
  }
}

async function openDataSource(
  kind: Database['kind'],
  target: PostgresTarget,
  options: DatabaseOptions,
  embedded: EmbeddedServer | undefined,
): Promise<Database> {
  const dataSource = new DataSource(
    buildDataSourceOptions(target, {
      poolSize: options.poolSize,
      applicationName: options.applicationName,
    }),
  );
  const close = once(async () => {
    try {
      if (dataSource.isInitialized) await dataSource.destroy();
    } finally {
      await embedded?.close();
    }
  });

  try {
    await dataSource.initialize();
    if (options.runMigrations ?? true) {
      await runMigrations(dataSource);
    }
  } catch (error) {
    await close();
    throw error;
  }

  return { dataSource, kind, ping: () => ping(dataSource), close };
}

async function ping(dataSource: DataSource): Promise<DatabasePing> {
  const started = performance.now();
  const [clock]: Array<{ server_time: Date; has_migrations: boolean }> =
    await dataSource.query(
      `SELECT now() AS server_time, to_regclass($1) IS NOT NULL AS has_migrations`,
      [MIGRATIONS_TABLE],
    );
  if (!clock) throw new Error('Database ping returned no row');
  let schemaVersion = 'none';
  if (clock.has_migrations) {
    const [latest]: Array<{ name: string }> = await dataSource.query(
      `SELECT "name" FROM "${MIGRATIONS_TABLE}" ORDER BY "timestamp" DESC, "id" DESC LIMIT 1`,
    );
    schemaVersion = latest?.name ?? 'none';
  }
  const ms = Math.round((performance.now() - started) * 100) / 100;
  return {
    serverTime: new Date(clock.server_time).toISOString(),
    schemaVersion,
    ms,
  };
}

function once(action: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= action());
}
