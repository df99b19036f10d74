import { openDatabase, type Database } from '@mileva/persistence';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pause, type EventConsumer } from './event-log';
import { OutboxEventLog, subjectPattern } from './outbox-event-log';

jest.setTimeout(60_000);

interface TestEvent {
  readonly eventId: string;
  readonly n: number;
}

/** Resolves once `condition` holds, polling; fails after `ms`. */
async function until(condition: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await pause(20);
  }
}

describe(OutboxEventLog.name, () => {
  let dataDir: string;
  let database: Database;
  const running: EventConsumer[] = [];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mileva-outbox-'));
    database = await openDatabase({ dataDir, poolSize: 1 });
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((consumer) => consumer.stop()));
    await database.dataSource.query(`DELETE FROM "event_outbox"`);
  });

  afterAll(async () => {
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const event = (n: number): TestEvent => ({ eventId: randomUUID(), n });
  const outboxSize = async (): Promise<number> => Number(((await database.dataSource.query(`SELECT count(*) AS n FROM "event_outbox"`)) as { n: string }[])[0].n);

  it('should keep events appended while nobody consumes, deliver them to the consumer that starts later, then delete them', async () => {
    const log = new OutboxEventLog(database, { pollMs: 50 });
    await log.append('mileva.events.question.asked', event(1));
    await log.append('mileva.events.answer.delivered', event(2));
    expect(await outboxSize()).toBe(2);

    const received: { subject: string; n: number }[] = [];
    running.push(await log.consume({ durable: 'test', filter: 'mileva.events.>', handler: async (payload, subject) => void received.push({ subject, n: (payload as TestEvent).n }) }));

    await until(() => received.length === 2);
    expect(received).toEqual([
      { subject: 'mileva.events.question.asked', n: 1 },
      { subject: 'mileva.events.answer.delivered', n: 2 },
    ]);
    await until(async () => (await outboxSize()) === 0);
  });

  it('should deliver a failed event again after a delay, and meanwhile the ones behind it', async () => {
    const log = new OutboxEventLog(database, { pollMs: 50, retryDelayMs: 300 });
    const attempts = new Map<number, number>();
    const handled: number[] = [];
    running.push(
      await log.consume({
        durable: 'test',
        filter: 'mileva.events.>',
        handler: async (payload) => {
          const { n } = payload as TestEvent;
          attempts.set(n, (attempts.get(n) ?? 0) + 1);
          if (n === 1 && attempts.get(n) === 1) throw new Error('database busy');
          handled.push(n);
        },
      }),
    );
    await log.append('mileva.events.question.asked', event(1));
    await log.append('mileva.events.question.asked', event(2));

    await until(() => handled.length === 2);
    expect(handled).toEqual([2, 1]);
    expect(attempts.get(1)).toBe(2);
  });

  it('should deliver after a restart what a stopped consumer had not handled, and nothing it had', async () => {
    const first = new OutboxEventLog(database, { pollMs: 50 });
    const handledBefore: number[] = [];
    const consumer = await first.consume({ durable: 'test', filter: 'mileva.events.>', handler: async (payload) => void handledBefore.push((payload as TestEvent).n) });
    await first.append('mileva.events.question.asked', event(1));
    await until(() => handledBefore.length === 1);
    await consumer.stop();
    await first.append('mileva.events.question.asked', event(2));
    await first.close();

    const second = new OutboxEventLog(database, { pollMs: 50 });
    const handledAfter: number[] = [];
    running.push(await second.consume({ durable: 'test', filter: 'mileva.events.>', handler: async (payload) => void handledAfter.push((payload as TestEvent).n) }));
    await until(() => handledAfter.length === 1);
    await pause(200);
    expect(handledBefore).toEqual([1]);
    expect(handledAfter).toEqual([2]);
  });

  it('should leave events of other subjects to their own consumer', async () => {
    const log = new OutboxEventLog(database, { pollMs: 50 });
    const handled: string[] = [];
    running.push(await log.consume({ durable: 'test', filter: 'mileva.events.*.asked', handler: async (_payload, subject) => void handled.push(subject) }));
    await log.append('mileva.events.document.ingested', event(1));
    await log.append('mileva.events.question.asked', event(2));
    await until(() => handled.length === 1);
    await pause(200);
    expect(handled).toEqual(['mileva.events.question.asked']);
    expect(await outboxSize()).toBe(1);
  });

  it('should wait for appends in flight when it closes', async () => {
    const log = new OutboxEventLog(database);
    const appends = [1, 2, 3].map((n) => log.append('mileva.events.question.asked', event(n)));
    await log.close();
    await Promise.all(appends);
    expect(await outboxSize()).toBe(3);
    await expect(log.append('mileva.events.question.asked', event(4))).rejects.toThrow('closed');
  });
});

describe(subjectPattern.name, () => {
  it('should match NATS wildcards token by token', () => {
    const matches = (filter: string, subject: string) => new RegExp(subjectPattern(filter)).test(subject);
    expect(matches('mileva.events.>', 'mileva.events.answer.delivered')).toBe(true);
    expect(matches('mileva.events.>', 'mileva.events')).toBe(false);
    expect(matches('mileva.events.*.asked', 'mileva.events.question.asked')).toBe(true);
    expect(matches('mileva.events.*.asked', 'mileva.events.question.x.asked')).toBe(false);
    expect(matches('mileva.events.time-saved.declared', 'mileva.events.time-saved.declared')).toBe(true);
    expect(matches('mileva.events.question.asked', 'mileva.eventsXquestion.asked')).toBe(false);
  });
});
