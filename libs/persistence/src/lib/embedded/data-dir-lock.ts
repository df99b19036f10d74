import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { DatabaseLockedError } from '../errors';

/** Name of the lock file written at the root of the data directory. */
export const LOCK_FILE_NAME = 'pglite.lock';

const MAX_ATTEMPTS = 10;
const TAKEOVER_GUARD_SUFFIX = '.takeover';

/** Content of a lock file: who holds the data directory. */
export interface LockOwner {
  readonly pid: number;
  readonly hostname: string;
  readonly token: string;
  readonly acquiredAt: string;
}

/** Exclusive hold on an embedded data directory, released by `release()` (idempotent). */
export interface DataDirLock {
  readonly dataDir: string;
  readonly lockFile: string;
  release(): Promise<void>;
}

/** Lock files held by this process, so that a second open in the same process is refused too. */
const heldLockFiles = new Set<string>();

/**
 * Takes the lock file of `dataDir` (created if missing). Fails with `DatabaseLockedError` when a live
 * process holds it; takes over a stale lock left by a process that no longer exists.
 */
export async function acquireDataDirLock(
  dataDir: string,
): Promise<DataDirLock> {
  const dir = resolve(dataDir);
  await mkdir(dir, { recursive: true });
  const lockFile = join(dir, LOCK_FILE_NAME);
  const owner: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    token: randomUUID(),
    acquiredAt: new Date().toISOString(),
  };

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    if (await createExclusively(lockFile, owner)) {
      heldLockFiles.add(lockFile);
      return {
        dataDir: dir,
        lockFile,
        release: once(() => releaseLock(lockFile, owner.token)),
      };
    }
    const current = await readOwner(lockFile);
    if (current === 'missing') continue;
    if (current !== 'unreadable' && isAlive(current, lockFile)) {
      throw new DatabaseLockedError(dir, current.pid);
    }
    await removeStaleLock(lockFile, current);
  }
  throw new Error(
    `Could not acquire ${lockFile} after ${MAX_ATTEMPTS} attempts`,
  );
}

/** Writes the owner to a private file, then hard-links it into place: atomic and never half-written. */
async function createExclusively(
  lockFile: string,
  owner: LockOwner,
): Promise<boolean> {
  const staging = `${lockFile}.${owner.token}.tmp`;
  await writeFile(staging, JSON.stringify(owner), { mode: 0o600 });
  try {
    await link(staging, lockFile);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(staging).catch(() => undefined);
  }
}

async function readOwner(
  lockFile: string,
): Promise<LockOwner | 'missing' | 'unreadable'> {
  let raw: string;
  try {
    raw = await readFile(lockFile, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'missing';
    throw error;
  }
  return parseOwner(raw) ?? 'unreadable';
}

function parseOwner(raw: string): LockOwner | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return undefined;
    const {
      pid,
      hostname: host,
      token,
      acquiredAt,
    } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || !Number.isInteger(pid) || pid <= 0)
      return undefined;
    if (typeof host !== 'string' || typeof token !== 'string') return undefined;
    return {
      pid,
      hostname: host,
      token,
      acquiredAt: typeof acquiredAt === 'string' ? acquiredAt : '',
    };
  } catch {
    return undefined;
  }
}

/**
 * A lock from another host cannot be checked and counts as alive. A lock carrying this process's pid
 * is alive only if this process really holds it (a container restarted with the same pid left it).
 */
function isAlive(owner: LockOwner, lockFile: string): boolean {
  if (owner.hostname !== hostname()) return true;
  if (owner.pid === process.pid) return heldLockFiles.has(lockFile);
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/**
 * Removes a stale lock under a short-lived guard file, so that two processes taking over the same
 * stale lock cannot delete each other's fresh lock. The winner is then decided by the exclusive create.
 */
async function removeStaleLock(
  lockFile: string,
  stale: LockOwner | 'unreadable',
): Promise<void> {
  const guard = `${lockFile}${TAKEOVER_GUARD_SUFFIX}`;
  const guardOwner: LockOwner = {
    pid: process.pid,
    hostname: hostname(),
    token: randomUUID(),
    acquiredAt: new Date().toISOString(),
  };
  if (!(await createExclusively(guard, guardOwner))) {
    const current = await readOwner(guard);
    // A guard left by a crashed process is removed; a live one is waited for.
    if (
      current === 'unreadable' ||
      (current !== 'missing' && !isAlive(current, guard))
    ) {
      await unlink(guard).catch(() => undefined);
    } else {
      await delay(50);
    }
    return;
  }
  heldLockFiles.add(guard);
  try {
    const current = await readOwner(lockFile);
    const unchanged =
      stale === 'unreadable'
        ? current === 'unreadable'
        : typeof current === 'object' && current.token === stale.token;
    if (unchanged) await unlink(lockFile).catch(() => undefined);
  } finally {
    heldLockFiles.delete(guard);
    await unlink(guard).catch(() => undefined);
  }
}

async function releaseLock(lockFile: string, token: string): Promise<void> {
  heldLockFiles.delete(lockFile);
  const current = await readOwner(lockFile);
  if (typeof current === 'object' && current.token === token) {
    await unlink(lockFile).catch(() => undefined);
  }
}

function once(action: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= action());
}

function delay(ms: number): Promise<void> {
  return new Promise((resolveDelay) => setTimeout(resolveDelay, ms));
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}
