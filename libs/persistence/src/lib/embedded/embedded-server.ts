import { PGlite } from '@electric-sql/pglite';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { vector } from '@electric-sql/pglite-pgvector';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireDataDirLock } from './data-dir-lock';

/** Sub-directory of the data directory holding the PGlite cluster. */
export const PGLITE_SUBDIR = 'pglite';

/** Role and database PGlite answers as (it has no authentication). */
export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_DATABASE = 'postgres';

/** Where the wire-protocol server listens. */
export type EmbeddedListen =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  | { readonly kind: 'private-socket' };

/** What a `pg` client needs to reach the server: a TCP host or a unix socket directory. */
export interface EmbeddedEndpoint {
  readonly host: string;
  readonly port: number;
}

/** A running PGlite cluster served over the Postgres wire protocol. */
export interface EmbeddedServer {
  readonly endpoint: EmbeddedEndpoint;
  readonly dataDir: string;
  /** Stops accepting connections, closes PGlite (flushing to disk) and releases the lock. Idempotent. */
  close(): Promise<void>;
}

/** Port number in the unix socket file name (`.s.PGSQL.<port>`), as libpq and `pg` expect it. */
const SOCKET_PORT = 5432;

/**
 * Starts PGlite on `<dataDir>/pglite` with the `vector` and `unaccent` extensions, under the data
 * directory lock, and serves it with `PGLiteSocketServer`.
 *
 * The multiplexer of `PGLiteSocketServer` feeds one single PGlite backend: every connection shares
 * the same session, and outside an explicit transaction the protocol messages of two connections
 * can interleave. Callers keep a single client connection unless they know better (see README).
 */
export async function startEmbeddedServer(options: {
  readonly dataDir: string;
  readonly listen: EmbeddedListen;
  readonly maxConnections: number;
}): Promise<EmbeddedServer> {
  const lock = await acquireDataDirLock(options.dataDir);
  const cleanups: Array<() => Promise<void>> = [() => lock.release()];
  const runCleanups = async (): Promise<void> => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup();
    }
  };

  try {
    const pglite = await PGlite.create({
      dataDir: join(lock.dataDir, PGLITE_SUBDIR),
      extensions: { vector, unaccent },
    });
    cleanups.push(async () => {
      if (!pglite.closed) await pglite.close();
    });

    let endpoint: EmbeddedEndpoint;
    let server: PGLiteSocketServer;
    if (options.listen.kind === 'private-socket') {
      // mkdtemp creates the directory with mode 0700: only this user can reach the socket.
      const socketDir = await mkdtemp(join(tmpdir(), 'mileva-pg-'));
      cleanups.push(() => rm(socketDir, { recursive: true, force: true }));
      server = new PGLiteSocketServer({
        db: pglite,
        path: join(socketDir, `.s.PGSQL.${SOCKET_PORT}`),
        maxConnections: options.maxConnections,
      });
      endpoint = { host: socketDir, port: SOCKET_PORT };
    } else {
      server = new PGLiteSocketServer({
        db: pglite,
        host: options.listen.host,
        port: options.listen.port,
        maxConnections: options.maxConnections,
      });
      endpoint = { host: options.listen.host, port: options.listen.port };
    }
    await server.start();
    cleanups.push(() => server.stop());
    if (options.listen.kind === 'tcp') {
      endpoint = { host: options.listen.host, port: listeningPort(server) };
    }

    let closing: Promise<void> | undefined;
    return {
      endpoint,
      dataDir: lock.dataDir,
      close: () => (closing ??= runCleanups()),
    };
  } catch (error) {
    await runCleanups();
    throw error;
  }
}

/** `getServerConn()` returns `host:port` once listening, with the port the OS assigned. */
function listeningPort(server: PGLiteSocketServer): number {
  const connection = server.getServerConn();
  const port = Number(connection.slice(connection.lastIndexOf(':') + 1));
  if (!Number.isInteger(port) || port <= 0) {
    throw new Error(`Unexpected PGlite socket server address: ${connection}`);
  }
  return port;
}
