import {
  EMBEDDED_DATABASE,
  EMBEDDED_USER,
  startEmbeddedServer,
} from './embedded/embedded-server';

/** Options of `serveEmbeddedDatabase`. */
export interface ServeEmbeddedOptions {
  /** Same directory as `MILEVA_DATA_DIR`; guarded by the same lock as `openDatabase`. */
  readonly dataDir: string;
  /** Interface to listen on, `127.0.0.1` unless the clients run elsewhere. */
  readonly host: string;
  /** TCP port, 0 for one assigned by the OS. */
  readonly port: number;
  /** Client connections accepted at once, all processes together (default 32). */
  readonly maxConnections?: number;
}

/** A served embedded database: `url` is usable as `MILEVA_DATABASE_URL` by other processes. */
export interface ServedEmbeddedDatabase {
  readonly url: string;
  close(): Promise<void>;
}

const DEFAULT_MAX_CONNECTIONS = 32;

/**
 * Starts the embedded PGlite (same extensions, same lock) and serves it over TCP without
 * authentication, so that separate processes can share it as if it were a Postgres server. Meant for
 * the tests of the distributed mode: every connection shares one backend session (see README).
 */
export async function serveEmbeddedDatabase(
  options: ServeEmbeddedOptions,
): Promise<ServedEmbeddedDatabase> {
  const server = await startEmbeddedServer({
    dataDir: options.dataDir,
    listen: { kind: 'tcp', host: options.host, port: options.port },
    maxConnections: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
  });
  const { host, port } = server.endpoint;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `postgresql://${EMBEDDED_USER}@${urlHost}:${port}/${EMBEDDED_DATABASE}`,
    close: () => server.close(),
  };
}
