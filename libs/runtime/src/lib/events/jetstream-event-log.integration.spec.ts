import { connect, type NatsConnection } from 'nats';
import { randomUUID } from 'node:crypto';
import { startNatsServer, type TestNatsServer } from '../testing/nats-server';
import { pause, type EventConsumer, type EventLog } from './event-log';
import { EVENTS_STREAM, JetStreamEventLog } from './jetstream-event-log';

jest.setTimeout(60_000);

interface TestEvent {
  readonly eventId: string;
  readonly n: number;
}

async function until(condition: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await pause(20);
  }
}

describe(JetStreamEventLog.name, () => {
  let server: TestNatsServer;
  let inspector: NatsConnection;
  const logs: EventLog[] = [];
  const running: EventConsumer[] = [];

  /** A log as a process opens it; the consumer redelivers an unacknowledged event after a second. */
  const openLog = (): JetStreamEventLog => {
    const log = new JetStreamEventLog({ servers: [server.url], name: 'test', ackWaitMs: 1_000, retryDelayMs: 200 });
    logs.push(log);
    return log;
  };
  const event = (n: number): TestEvent => ({ eventId: randomUUID(), n });
  const numbers = (received: unknown[]): number[] => received.map((payload) => (payload as TestEvent).n);

  beforeAll(async () => {
    server = await startNatsServer();
    inspector = await connect({ servers: server.url });
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((consumer) => consumer.stop()));
    await Promise.all(logs.splice(0).map((log) => log.close()));
    const manager = await inspector.jetstreamManager();
    await manager.streams.delete(EVENTS_STREAM).catch(() => undefined);
  });

  afterAll(async () => {
    await inspector?.close();
    await server?.stop();
  });

  it('should create the stream once when several processes start together, capturing mileva.events.>', async () => {
    await Promise.all([openLog().append('mileva.events.question.asked', event(1)), openLog().append('mileva.events.question.asked', event(2))]);
    const info = await (await inspector.jetstreamManager()).streams.info(EVENTS_STREAM);
    expect(info.config.subjects).toEqual(['mileva.events.>']);
    expect(info.state.messages).toBe(2);
  });

  it('should store an event published twice with the same id once', async () => {
    const log = openLog();
    const twice = event(1);
    await log.append('mileva.events.question.asked', twice);
    await log.append('mileva.events.question.asked', twice);
    const info = await (await inspector.jetstreamManager()).streams.info(EVENTS_STREAM);
    expect(info.state.messages).toBe(1);
  });

  it('should deliver a failed event again, and acknowledge it once handled', async () => {
    const log = openLog();
    const received: unknown[] = [];
    let attempts = 0;
    running.push(
      await log.consume({
        durable: 'analytics',
        filter: 'mileva.events.>',
        handler: async (payload) => {
          attempts++;
          if (attempts === 1) throw new Error('database busy');
          received.push(payload);
        },
      }),
    );
    await log.append('mileva.events.question.asked', event(1));
    await until(() => received.length === 1);
    const manager = await inspector.jetstreamManager();
    await until(async () => (await manager.consumers.info(EVENTS_STREAM, 'analytics')).num_ack_pending === 0);
    await pause(1_500);
    expect(attempts).toBe(2);
    expect(numbers(received)).toEqual([1]);
    expect((await manager.consumers.info(EVENTS_STREAM, 'analytics')).config.ack_policy).toBe('explicit');
  });

  it('should resume a durable consumer where it stopped: acknowledged events are not delivered again, later ones are', async () => {
    const first = openLog();
    const before: unknown[] = [];
    const consumer = await first.consume({ durable: 'analytics', filter: 'mileva.events.>', handler: async (payload) => void before.push(payload) });
    await first.append('mileva.events.question.asked', event(1));
    await until(() => before.length === 1);
    await consumer.stop();
    await first.append('mileva.events.answer.delivered', event(2));
    await first.close();

    const second = openLog();
    const after: unknown[] = [];
    running.push(await second.consume({ durable: 'analytics', filter: 'mileva.events.>', handler: async (payload) => void after.push(payload) }));
    await until(() => after.length === 1);
    await pause(300);
    expect(numbers(before)).toEqual([1]);
    expect(numbers(after)).toEqual([2]);
  });

  it('should deliver to another instance an event a crashed instance took and never acknowledged', async () => {
    const log = openLog();
    // The durable consumer exists (an instance started it once).
    await (await log.consume({ durable: 'analytics', filter: 'mileva.events.>', handler: async () => undefined })).stop();
    await log.append('mileva.events.question.asked', event(1));
    // Another process takes the event and dies before acknowledging it.
    const crashed = await connect({ servers: server.url });
    const taken = await (await crashed.jetstream().consumers.get(EVENTS_STREAM, 'analytics')).next({ expires: 5_000 });
    expect(taken?.json<TestEvent>().n).toBe(1);
    await crashed.close();

    const received: unknown[] = [];
    running.push(await openLog().consume({ durable: 'analytics', filter: 'mileva.events.>', handler: async (payload) => void received.push(payload) }));
    await until(() => received.length === 1, 15_000);
    expect(numbers(received)).toEqual([1]);
  });

  it('should keep stored events across a restart of the NATS server', async () => {
    const log = openLog();
    await log.append('mileva.events.question.asked', event(1));
    await log.close();
    await server.kill();
    await server.restart();

    const after = openLog();
    const received: unknown[] = [];
    running.push(await after.consume({ durable: 'analytics', filter: 'mileva.events.>', handler: async (payload) => void received.push(payload) }));
    await until(() => received.length === 1, 15_000);
    expect(numbers(received)).toEqual([1]);
    await inspector.close();
    inspector = await connect({ servers: server.url });
  });
});
