export {
  type Database,
  type DatabaseOptions,
  type DatabasePing,
  EMBEDDED_POOL_SIZE,
  openDatabase,
  validateDatabaseUrl,
} from './lib/database';
export {
  serveEmbeddedDatabase,
  type ServeEmbeddedOptions,
  type ServedEmbeddedDatabase,
} from './lib/serve-embedded';
export {
  buildDataSourceOptions,
  MIGRATIONS_TABLE,
  type PostgresTarget,
} from './lib/data-source-options';
export { revertAllMigrations, runMigrations } from './lib/migrate';
export { MIGRATIONS } from './lib/migrations';
export * from './lib/entities';
export {
  DatabaseConfigError,
  DatabaseLockedError,
  PersistenceError,
  PersistenceErrorCode,
} from './lib/errors';
