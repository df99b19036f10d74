import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, validateDatabaseUrl } from './database';
import { DatabaseConfigError } from './errors';

describe('openDatabase', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'mileva-config-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('should reject a URL whose scheme is not postgres, naming MILEVA_DATABASE_URL and the scheme', async () => {
    const dataDir = join(root, 'data');

    const error = await openDatabase({
      url: 'mysql://mileva@localhost:3306/mileva',
      dataDir,
      poolSize: 2,
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(DatabaseConfigError);
    expect(error).toMatchObject({
      variable: 'MILEVA_DATABASE_URL',
      code: 'PERSISTENCE_INVALID_CONFIG',
    });
    expect((error as Error).message).toContain('MILEVA_DATABASE_URL');
    expect((error as Error).message).toContain('mysql://');
    // Failing on the URL must not fall back to the embedded database.
    await expect(access(dataDir)).rejects.toThrow();
  });

  it('should reject a value that is not a URL at all', async () => {
    await expect(
      openDatabase({
        url: 'db.example.org',
        dataDir: join(root, 'data'),
        poolSize: 2,
      }),
    ).rejects.toThrow(/MILEVA_DATABASE_URL n'est pas une URL valide/);
  });

  it('should reject a pool size below one, naming MILEVA_DB_POOL_SIZE', async () => {
    await expect(
      openDatabase({ dataDir: join(root, 'data'), poolSize: 0 }),
    ).rejects.toThrow(
      new DatabaseConfigError(
        'MILEVA_DB_POOL_SIZE',
        'MILEVA_DB_POOL_SIZE doit être un entier supérieur ou égal à 1 (reçu : 0).',
      ),
    );
  });
});

describe('validateDatabaseUrl', () => {
  it.each([
    'postgres://mileva:secret@db:5432/mileva',
    'postgresql://mileva@db/mileva?sslmode=require',
  ])('should accept %s', (url) => {
    expect(() => validateDatabaseUrl(url)).not.toThrow();
  });

  it.each([
    ['http://db:5432/mileva', 'http://'],
    ['sqlite:///var/mileva.db', 'sqlite://'],
  ])('should reject %s naming the scheme %s', (url, scheme) => {
    expect(() => validateDatabaseUrl(url)).toThrow(scheme);
  });
});
