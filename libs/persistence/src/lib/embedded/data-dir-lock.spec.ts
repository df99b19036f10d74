import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  access,
  mkdir,
  mkdtemp,
  readFile,
  rm,
  writeFile,
} from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseLockedError } from '../errors';
import {
  acquireDataDirLock,
  type DataDirLock,
  LOCK_FILE_NAME,
} from './data-dir-lock';

describe('acquireDataDirLock', () => {
  let root: string;
  let dataDir: string;
  const held: DataDirLock[] = [];

  const acquire = async (dir = dataDir): Promise<DataDirLock> => {
    const lock = await acquireDataDirLock(dir);
    held.push(lock);
    return lock;
  };
  const writeLockFile = async (content: string): Promise<void> => {
    await mkdir(dataDir, { recursive: true });
    await writeFile(join(dataDir, LOCK_FILE_NAME), content);
  };
  const writeLock = (owner: Record<string, unknown>): Promise<void> =>
    writeLockFile(
      JSON.stringify({
        hostname: hostname(),
        token: 'other',
        acquiredAt: '2026-01-01T00:00:00.000Z',
        ...owner,
      }),
    );
  const readLock = async (): Promise<{ pid: number; token: string }> =>
    JSON.parse(await readFile(join(dataDir, LOCK_FILE_NAME), 'utf8'));
  const deadPid = (): number => {
    const child = spawnSync(process.execPath, ['-e', '']);
    if (!child.pid) throw new Error('could not spawn a child process');
    return child.pid;
  };

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'mileva-lock-'));
    dataDir = join(root, 'data');
  });

  afterEach(async () => {
    await Promise.all(held.splice(0).map((lock) => lock.release()));
    await rm(root, { recursive: true, force: true });
  });

  it('should create the data directory and a lock file naming this process', async () => {
    const lock = await acquire();

    expect(lock.lockFile).toBe(join(dataDir, LOCK_FILE_NAME));
    await expect(readLock()).resolves.toMatchObject({ pid: process.pid });
  });

  it('should refuse a second hold of the same directory by this process', async () => {
    await acquire();

    await expect(acquireDataDirLock(dataDir)).rejects.toThrow(
      DatabaseLockedError,
    );
    await expect(acquireDataDirLock(dataDir)).rejects.toThrow(
      `La base embarquée ${dataDir} est déjà utilisée par un autre processus MILEVA (pid ${process.pid}). Arrêtez-le ou choisissez un autre MILEVA_DATA_DIR.`,
    );
  });

  describe('when another live process holds the lock', () => {
    let other: ChildProcess;

    beforeEach(async () => {
      other = spawn(
        process.execPath,
        ['-e', 'setInterval(() => undefined, 1000)'],
        { stdio: 'ignore' },
      );
      await writeLock({ pid: other.pid });
    });

    afterEach(() => {
      other.kill();
    });

    it('should fail with DatabaseLockedError naming its pid and leave its lock in place', async () => {
      const error = await acquireDataDirLock(dataDir).catch(
        (caught: unknown) => caught,
      );

      expect(error).toBeInstanceOf(DatabaseLockedError);
      expect(error).toMatchObject({
        code: 'PERSISTENCE_DATA_DIR_LOCKED',
        dataDir,
        ownerPid: other.pid,
      });
      expect((error as Error).message).toContain(`(pid ${other.pid})`);
      await expect(readLock()).resolves.toMatchObject({
        pid: other.pid,
        token: 'other',
      });
    });
  });

  it('should take over a lock left by a process that no longer exists', async () => {
    await writeLock({ pid: deadPid() });

    await acquire();

    await expect(readLock()).resolves.toMatchObject({ pid: process.pid });
  });

  it('should take over an unreadable lock file', async () => {
    await writeLockFile('{"pid":');

    await acquire();

    await expect(readLock()).resolves.toMatchObject({ pid: process.pid });
  });

  it('should treat a lock written on another host as held', async () => {
    await writeLock({ pid: deadPid(), hostname: `not-${hostname()}` });

    await expect(acquireDataDirLock(dataDir)).rejects.toThrow(
      DatabaseLockedError,
    );
  });

  it('should let exactly one of several simultaneous takeovers of a stale lock win', async () => {
    await writeLock({ pid: deadPid() });

    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => acquireDataDirLock(dataDir)),
    );
    for (const result of results)
      if (result.status === 'fulfilled') held.push(result.value);

    expect(
      results.filter((result) => result.status === 'fulfilled'),
    ).toHaveLength(1);
    for (const result of results) {
      if (result.status === 'rejected')
        expect(result.reason).toBeInstanceOf(DatabaseLockedError);
    }
  });

  it('should remove its lock file on release, once, without touching a lock taken after it', async () => {
    const first = await acquire();
    await first.release();
    await expect(access(first.lockFile)).rejects.toThrow();

    await acquire();
    await first.release();

    await expect(readLock()).resolves.toMatchObject({ pid: process.pid });
    await expect(acquireDataDirLock(dataDir)).rejects.toThrow(
      DatabaseLockedError,
    );
  });
});
