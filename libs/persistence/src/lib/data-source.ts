import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source-options';
import { validateDatabaseUrl } from './database';
import { DatabaseConfigError } from './errors';

/**
 * DataSource of the TypeORM migration CLI, for a Postgres server given by `MILEVA_DATABASE_URL`:
 * `npx nx run persistence:migration-show` (see README). The application itself uses `openDatabase`.
 */
function migrationCliDataSource(): DataSource {
  const url = process.env['MILEVA_DATABASE_URL'];
  if (!url) {
    throw new DatabaseConfigError(
      'MILEVA_DATABASE_URL',
      'MILEVA_DATABASE_URL doit être défini pour lancer les migrations en ligne de commande (postgres://…).',
    );
  }
  validateDatabaseUrl(url);
  return new DataSource(
    buildDataSourceOptions(
      { url },
      { poolSize: 1, applicationName: 'mileva-migrations' },
    ),
  );
}

export default migrationCliDataSource();
