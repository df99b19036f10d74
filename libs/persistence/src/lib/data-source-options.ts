import type { DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** Name of the table where TypeORM records applied migrations. */
export const MIGRATIONS_TABLE = 'migrations';

/** How to reach the server: a `postgres://` URL, or a host (TCP or unix socket directory) and port. */
export type PostgresTarget =
  | { readonly url: string }
  | {
      readonly host: string;
      readonly port: number;
      readonly username: string;
      readonly database: string;
    };

/**
 * The one set of TypeORM options of this library: entities and migrations registered, schema owned
 * by the migrations (`synchronize: false`, extensions installed by the first migration).
 */
export function buildDataSourceOptions(
  target: PostgresTarget,
  options: { readonly poolSize: number; readonly applicationName?: string },
): DataSourceOptions {
  return {
    type: 'postgres',
    ...target,
    poolSize: options.poolSize,
    applicationName: options.applicationName ?? 'mileva',
    entities: [...ENTITIES],
    migrations: [...MIGRATIONS],
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsRun: false,
    synchronize: false,
    installExtensions: false,
    // gen_random_uuid() is built into Postgres 13+: no uuid-ossp/pgcrypto extension needed.
    uuidExtension: 'pgcrypto',
    logging: false,
  };
}
