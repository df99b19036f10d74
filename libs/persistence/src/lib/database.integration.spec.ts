import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Database } from './database';

describe('openDatabase (embedded)', () => {
  let dataDir: string;
  let database: Database | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'mileva-persistence-'));
  });

  afterAll(async () => {
    await database?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('should open and report the schema diff', async () => {
    database = await openDatabase({ dataDir, poolSize: 4 });
    console.log(await database.ping());
    const diff = await database.dataSource.driver.createSchemaBuilder().log();
    console.log(diff.upQueries.map((q) => q.query));
  });
});
