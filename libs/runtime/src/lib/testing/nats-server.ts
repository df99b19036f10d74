import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

export interface TestNatsServer {
  readonly url: string;
  readonly port: number;
  /** Stops the server (SIGTERM, then SIGKILL). */
  stop(): Promise<void>;
  /** Kills the server at once, keeping its JetStream store so that {@link restart} finds it. */
  kill(): Promise<void>;
  restart(): Promise<void>;
}

const BINARY_CANDIDATES = ['nats-server', '/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'];

function findBinary(): string {
  for (const candidate of BINARY_CANDIDATES) {
    const probe = spawnSync(candidate, ['--version'], { stdio: 'ignore' });
    if (probe.status === 0) return candidate;
  }
  throw new Error('nats-server introuvable : installez le paquet Debian « nats-server » (apt-get install nats-server).');
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connectTcp(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`nats-server did not listen on ${port} within ${timeoutMs} ms`);
}

/** Starts a throw-away `nats-server` with JetStream on a free loopback port. */
export async function startNatsServer(): Promise<TestNatsServer> {
  const binary = findBinary();
  const port = await freePort();
  const storeDir = mkdtempSync(join(tmpdir(), 'mileva-nats-'));
  let child: ChildProcess | undefined;
  const launch = async (): Promise<void> => {
    child = spawn(binary, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], { stdio: 'ignore' });
    await waitForPort(port, 10_000);
  };
  const terminate = async (signal: NodeJS.Signals): Promise<void> => {
    const running = child;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill(signal);
      setTimeout(() => running.kill('SIGKILL'), 3_000).unref();
    });
  };
  await launch();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    stop: async () => {
      await terminate('SIGTERM');
      rmSync(storeDir, { recursive: true, force: true });
    },
    kill: () => terminate('SIGKILL'),
    restart: launch,
  };
}
