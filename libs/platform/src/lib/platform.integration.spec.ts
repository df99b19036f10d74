import { CORRELATION_HEADER, SERVICE_NAMES, type PingResponse, type PlatformHealth, type ServiceHealth, type ServiceName } from '@mileva/contracts';
import { serveEmbeddedDatabase, type ServedEmbeddedDatabase } from '@mileva/persistence';
import { ConfigError, loadConfig, NatsTransport, type MilevaConfig } from '@mileva/runtime';
import { freePort, startNatsServer, type TestNatsServer } from '@mileva/runtime/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPlatform, type RunningPlatform } from './platform';

jest.setTimeout(120_000);

const BACKEND: readonly ServiceName[] = ['ingestion', 'retrieval', 'generation', 'anonymization', 'analytics'];
const WITH_DATABASE: readonly ServiceName[] = ['ingestion', 'retrieval', 'analytics'];

function config(env: Record<string, string>): MilevaConfig {
  return loadConfig({ MILEVA_PORT: '0', MILEVA_HOST: '127.0.0.1', MILEVA_LOG_LEVEL: 'silent', MILEVA_PORTAL_DIR: '/nonexistent', ...env });
}

/**
 * The scenario both run modes must pass: the gateway asks every service over the bus, each
 * service with a database makes a round trip to it, and the answers come back with the caller's
 * correlation id.
 */
async function expectFullRoundTrip(gatewayUrl: string, expectedCorpora: readonly string[]): Promise<void> {
  const healthResponse = await fetch(`${gatewayUrl}/api/health`);
  const health = (await healthResponse.json()) as PlatformHealth;
  expect(healthResponse.status).toBe(200);
  expect(health.status).toBe('up');
  const reports = health.services as ServiceHealth[];
  expect(reports.every((service) => service.status === 'up')).toBe(true);
  expect(new Set(reports.map((service) => service.service))).toEqual(new Set(SERVICE_NAMES));
  for (const corpus of expectedCorpora) {
    expect(reports.filter((service) => service.corpus === corpus).map((service) => service.service).sort()).toEqual(['ingestion', 'retrieval']);
  }
  for (const report of reports.filter((service) => WITH_DATABASE.includes(service.service) || service.service === 'gateway')) {
    expect(report.components['database']).toMatchObject({ status: 'up' });
  }

  const correlationId = 'itest-correlation-0001';
  const pingResponse = await fetch(`${gatewayUrl}/api/v1/ping`, { headers: { [CORRELATION_HEADER]: correlationId } });
  expect(pingResponse.headers.get(CORRELATION_HEADER)).toBe(correlationId);
  const pings = (await pingResponse.json()) as PingResponse[];
  expect(pings).toHaveLength(BACKEND.length + (expectedCorpora.length - 1) * 2);
  for (const ping of pings) {
    expect(ping.correlationId).toBe(correlationId);
    if (WITH_DATABASE.includes(ping.service)) {
      expect(ping.database?.schemaVersion).toMatch(/\d{13}/);
      expect(Number.isNaN(Date.parse(ping.database?.serverTime ?? ''))).toBe(false);
    } else {
      expect(ping.database).toBeUndefined();
    }
  }
}

describe('platform, one scenario in both run modes', () => {
  const directories: string[] = [];
  const tempDir = (): string => {
    const directory = mkdtempSync(join(tmpdir(), 'mileva-platform-'));
    directories.push(directory);
    return directory;
  };
  afterAll(() => directories.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

  describe('standalone: every service in one process over the in-process bus, embedded database', () => {
    let platform: RunningPlatform;
    const dataDir = tempDir();

    beforeAll(async () => {
      platform = await startPlatform({ config: config({ MILEVA_DATA_DIR: dataDir }), services: SERVICE_NAMES });
    });
    afterAll(() => platform?.close());

    it('should answer health and ping through every service and the database', async () => {
      expect(platform.transport.kind).toBe('local');
      await expectFullRoundTrip(platform.url ?? '', ['national']);
    });

    it('should reuse the data directory after a restart', async () => {
      await platform.close();
      platform = await startPlatform({ config: config({ MILEVA_DATA_DIR: dataDir }), services: SERVICE_NAMES });
      await expectFullRoundTrip(platform.url ?? '', ['national']);
    });
  });

  describe('distributed: each service with its own connection to nats-server, databases over the wire protocol', () => {
    let nats: TestNatsServer;
    let nationalDb: ServedEmbeddedDatabase;
    let lyonDb: ServedEmbeddedDatabase;
    const running: RunningPlatform[] = [];

    beforeAll(async () => {
      nats = await startNatsServer();
      nationalDb = await serveEmbeddedDatabase({ dataDir: tempDir(), host: '127.0.0.1', port: await freePort() });
      lyonDb = await serveEmbeddedDatabase({ dataDir: tempDir(), host: '127.0.0.1', port: await freePort() });
      const common = { MILEVA_NATS_URL: nats.url, MILEVA_DB_POOL_SIZE: '1', MILEVA_CORPORA: 'national,lyon' };
      const start = async (services: ServiceName[], env: Record<string, string>): Promise<void> => {
        const serviceConfig = config({ ...common, ...env });
        running.push(await startPlatform({ config: serviceConfig, services, transport: new NatsTransport(serviceConfig.nats.servers ?? []) }));
      };
      for (const service of BACKEND) {
        await start([service], { MILEVA_DATABASE_URL: nationalDb.url, MILEVA_CORPUS: 'national' });
      }
      await start(['ingestion'], { MILEVA_DATABASE_URL: lyonDb.url, MILEVA_CORPUS: 'lyon' });
      await start(['retrieval'], { MILEVA_DATABASE_URL: lyonDb.url, MILEVA_CORPUS: 'lyon' });
      await start(['gateway'], { MILEVA_DATABASE_URL: nationalDb.url });
    });

    afterAll(async () => {
      for (const platform of running.reverse()) await platform.close();
      await lyonDb?.close();
      await nationalDb?.close();
      await nats?.stop();
    });

    it('should answer health and ping through every service and the national and académie databases', async () => {
      const gateway = running.find((platform) => platform.url?.startsWith('http://127.0.0.1'));
      expect(gateway?.transport.kind).toBe('nats');
      await expectFullRoundTrip(gateway?.url ?? '', ['national', 'lyon']);
    });

    it('should report a stopped corpus service as down without failing the others', async () => {
      const gatewayUrl = running[running.length - 1].url ?? '';
      const lyonRetrieval = running[running.length - 2];
      await lyonRetrieval.close();
      const response = await fetch(`${gatewayUrl}/api/health`);
      const health = (await response.json()) as PlatformHealth;
      expect(response.status).toBe(503);
      const down = health.services.filter((service) => service.status === 'down');
      expect(down).toEqual([expect.objectContaining({ service: 'retrieval', corpus: 'lyon', error: expect.stringContaining('arrêté') })]);
    });
  });

  describe('bad configuration', () => {
    it('should name MILEVA_NATS_URL when nats-server is unreachable', async () => {
      const port = await freePort();
      const start = startPlatform({ config: config({ MILEVA_NATS_URL: `nats://127.0.0.1:${port}`, MILEVA_DATA_DIR: tempDir() }), services: ['generation'] });
      await expect(start).rejects.toBeInstanceOf(ConfigError);
      await expect(start).rejects.toMatchObject({ variable: 'MILEVA_NATS_URL' });
    });

    it('should name MILEVA_DATABASE_URL when the database is unreachable', async () => {
      const port = await freePort();
      const start = startPlatform({ config: config({ MILEVA_DATABASE_URL: `postgres://mileva@127.0.0.1:${port}/mileva` }), services: ['retrieval', 'gateway'] });
      await expect(start).rejects.toMatchObject({ variable: 'MILEVA_DATABASE_URL', message: expect.stringContaining('injoignable') });
    });
  });
});
