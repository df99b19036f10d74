import { Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { analyticsEventSubject, type AnalyticsEvent } from '@mileva/contracts';
import { openDatabase, type Database } from '@mileva/persistence';
import { JetStreamEventLog, loadConfig, MILEVA_EVENT_LOG, NatsTransport, OutboxEventLog, pause, RuntimeModule, type EventLog } from '@mileva/runtime';
import { startNatsServer, startServiceHarness, type ServiceHarness, type TestNatsServer } from '@mileva/runtime/testing';
import { connect } from 'nats';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalyticsModule } from '../analytics.module';
import { exchange } from '../testing/events';
import { FactStore } from './fact-store';

jest.setTimeout(120_000);

async function until(condition: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await pause(50);
  }
}

/** Five events of one user: three exchanges' questions and two answers. */
function someEvents(): AnalyticsEvent[] {
  const first = exchange({ user: 'agent-1', academie: 'lyon', theme: 'formation', at: '2026-03-02T09:00:00.000Z' });
  const second = exchange({ user: 'agent-1', academie: 'lyon', theme: 'retraite', at: '2026-03-02T10:00:00.000Z' });
  const third = exchange({ user: 'agent-2', academie: 'poitiers', theme: 'retraite', at: '2026-03-03T10:00:00.000Z' });
  return [first.question, first.answer, second.question, second.answer, third.question];
}

describe('analytics events are counted exactly once', () => {
  let dataDir: string;
  let database: Database;

  const factCount = async (): Promise<number> => Number(((await database.dataSource.query(`SELECT count(*) AS n FROM "analytics_facts"`)) as { n: string }[])[0].n);
  const countsByEvent = async (): Promise<Record<string, number>> => {
    const rows = (await database.dataSource.query(`SELECT "event_id", count(*)::int AS n FROM "analytics_facts" GROUP BY 1`)) as { event_id: string; n: number }[];
    return Object.fromEntries(rows.map((row) => [row.event_id, row.n]));
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mileva-analytics-once-'));
    database = await openDatabase({ dataDir, poolSize: 1 });
  });

  afterEach(async () => {
    await database.dataSource.query(`DELETE FROM "analytics_facts"`);
    await database.dataSource.query(`DELETE FROM "event_outbox"`);
  });

  afterAll(async () => {
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  describe('standalone: the outbox table of the in-process transport', () => {
    let harness: ServiceHarness | undefined;

    afterEach(async () => {
      await harness?.close();
      harness = undefined;
    });

    it('should count an event delivered twice once, and the others once each, across a restart of the analytics service', async () => {
      harness = await startServiceHarness(AnalyticsModule, { database });
      const events = someEvents();
      const log = harness.app.get<EventLog>(MILEVA_EVENT_LOG);
      expect(log.kind).toBe('outbox');
      for (const event of events.slice(0, 3)) await log.append(analyticsEventSubject(event.type), event);
      // The same event published again (a retry of its publisher).
      await log.append(analyticsEventSubject(events[0].type), events[0]);
      await until(async () => (await factCount()) === 3);

      // The service stops; meanwhile events keep coming, one of them a replay of an event already counted.
      await harness.close();
      harness = undefined;
      const offline = new OutboxEventLog(database);
      for (const event of [...events.slice(3), events[1]]) await offline.append(analyticsEventSubject(event.type), event);
      await offline.close();
      expect(await factCount()).toBe(3);

      harness = await startServiceHarness(AnalyticsModule, { database });
      await until(async () => Number(((await database.dataSource.query(`SELECT count(*) AS n FROM "event_outbox"`)) as { n: string }[])[0].n) === 0);
      expect(await factCount()).toBe(5);
      expect(Object.values(await countsByEvent())).toEqual([1, 1, 1, 1, 1]);
    });

    it('should never store an event that breaks the contract, and acknowledge it so that it does not block the others', async () => {
      harness = await startServiceHarness(AnalyticsModule, { database });
      const log = harness.app.get<EventLog>(MILEVA_EVENT_LOG);
      const [valid] = someEvents();
      const withText = { ...valid, eventId: randomUUID(), question: 'Mme Dupont demande la durée de son congé' };
      const wrongSubject = { ...valid, eventId: randomUUID() };
      await log.append(analyticsEventSubject('question.asked'), withText as unknown as AnalyticsEvent);
      await log.append(analyticsEventSubject('document.withdrawn'), wrongSubject);
      await log.append(analyticsEventSubject('question.asked'), valid);
      await until(async () => (await factCount()) === 1);
      await until(async () => Number(((await database.dataSource.query(`SELECT count(*) AS n FROM "event_outbox"`)) as { n: string }[])[0].n) === 0);
      expect(await countsByEvent()).toEqual({ [valid.eventId]: 1 });
      expect(JSON.stringify(await database.dataSource.query(`SELECT * FROM "analytics_facts"`))).not.toContain('Dupont');
    });
  });

  describe('distributed: NATS JetStream', () => {
    let nats: TestNatsServer;
    let service: INestMicroservice | undefined;

    /** The analytics service as its own process starts it: NATS transport, JetStream event log, the database. */
    async function startAnalytics(): Promise<INestMicroservice> {
      const config = loadConfig({ MILEVA_NATS_URL: nats.url, MILEVA_LOG_LEVEL: 'silent' });
      const transport = new NatsTransport([nats.url]);
      @Module({ imports: [RuntimeModule.forRoot({ config, transport, database, clientName: 'analytics-test' }), AnalyticsModule] })
      class AnalyticsProcess {}
      const app = await NestFactory.createMicroservice(AnalyticsProcess, { strategy: transport.createServer('analytics', '*'), logger: false });
      await app.listen();
      expect(app.get<EventLog>(MILEVA_EVENT_LOG).kind).toBe('jetstream');
      return app;
    }

    beforeAll(async () => {
      nats = await startNatsServer();
    });

    afterEach(async () => {
      await service?.close();
      service = undefined;
    });

    afterAll(async () => {
      await nats?.stop();
    });

    it('should count once an event stored twice in the stream, one taken by a process that died before its ack, and one replayed after a restart', async () => {
      const events = someEvents();
      const publisher = new JetStreamEventLog({ servers: [nats.url], name: 'gateway-test' });
      service = await startAnalytics();
      for (const event of events.slice(0, 2)) await publisher.append(analyticsEventSubject(event.type), event);
      await until(async () => (await factCount()) === 2);

      // Stored twice despite the dedup window: published again under another message id.
      const raw = await connect({ servers: nats.url });
      await raw.jetstream().publish(analyticsEventSubject(events[0].type), new TextEncoder().encode(JSON.stringify(events[0])), { msgID: randomUUID() });
      await until(async () => ((await (await raw.jetstreamManager()).consumers.info('MILEVA_EVENTS', 'analytics')).delivered.stream_seq ?? 0) >= 3);
      await service.close();
      service = undefined;

      // Another instance took the third event, recorded it and died before acknowledging it.
      await publisher.append(analyticsEventSubject(events[2].type), events[2]);
      const dying = await connect({ servers: nats.url });
      const taken = await (await dying.jetstream().consumers.get('MILEVA_EVENTS', 'analytics')).next({ expires: 5_000 });
      expect(taken?.json<AnalyticsEvent>().eventId).toBe(events[2].eventId);
      await new FactStore(database).record(events[2]);
      await dying.close();

      // Published while the service is down, with a replay of an event counted long ago (past the dedup window).
      await publisher.append(analyticsEventSubject(events[3].type), events[3]);
      await raw.jetstream().publish(analyticsEventSubject(events[1].type), new TextEncoder().encode(JSON.stringify(events[1])), { msgID: randomUUID() });
      await publisher.append(analyticsEventSubject(events[4].type), events[4]);

      service = await startAnalytics();
      await until(async () => (await (await raw.jetstreamManager()).consumers.info('MILEVA_EVENTS', 'analytics')).num_pending === 0);
      await until(async () => (await (await raw.jetstreamManager()).consumers.info('MILEVA_EVENTS', 'analytics')).num_ack_pending === 0, 30_000);
      expect(await factCount()).toBe(5);
      expect(Object.values(await countsByEvent())).toEqual([1, 1, 1, 1, 1]);
      await raw.close();
      await publisher.close();
    });
  });
});
