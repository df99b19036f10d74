import { LocalBus, subjectMatches, type LocalMsg } from './local-bus';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function nextMessage(bus: LocalBus, subject: string, queue?: string): { received: LocalMsg[]; done: Promise<LocalMsg> } {
  const received: LocalMsg[] = [];
  let resolve!: (msg: LocalMsg) => void;
  const done = new Promise<LocalMsg>((r) => (resolve = r));
  bus.connect().subscribe(subject, {
    queue,
    callback: (_error, msg) => {
      received.push(msg);
      resolve(msg);
    },
  });
  return { received, done };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe(LocalBus.name, () => {
  describe('subjectMatches', () => {
    it.each([
      ['mileva.corpus.*.retrieval.search', 'mileva.corpus.lyon.retrieval.search', true],
      ['mileva.corpus.*.retrieval.search', 'mileva.corpus.lyon.ingestion.search', false],
      ['mileva.corpus.*.retrieval.search', 'mileva.corpus.retrieval.search', false],
      ['mileva.>', 'mileva.corpus.lyon.retrieval.search', true],
      ['mileva.>', 'mileva', false],
      ['mileva.generation.health', 'mileva.generation.health', true],
      ['mileva.generation.health', 'mileva.generation.health.extra', false],
    ])('should match %s against %s: %s', (pattern, subject, expected) => {
      expect(subjectMatches(pattern.split('.'), subject.split('.'))).toBe(expected);
    });
  });

  it('should deliver a copy of the bytes, so the sender cannot change what was received', async () => {
    const bus = new LocalBus();
    const { done } = nextMessage(bus, 'a.b');
    const payload = encoder.encode('{"x":1}');
    bus.connect().publish('a.b', payload);
    payload.fill(0);
    expect(decoder.decode((await done).data)).toBe('{"x":1}');
  });

  it('should give each message to one member of a queue group and to every plain subscriber', async () => {
    const bus = new LocalBus();
    const first = nextMessage(bus, 'jobs.*', 'workers');
    const second = nextMessage(bus, 'jobs.*', 'workers');
    const watcher = nextMessage(bus, 'jobs.>');
    const publisher = bus.connect();
    for (let i = 0; i < 10; i++) publisher.publish(`jobs.${i}`, encoder.encode(String(i)));
    await tick();
    expect(first.received.length + second.received.length).toBe(10);
    expect(first.received.length).toBeGreaterThan(0);
    expect(second.received.length).toBeGreaterThan(0);
    expect(watcher.received).toHaveLength(10);
  });

  it('should route a reply to the inbox given by the requester', async () => {
    const bus = new LocalBus();
    const server = bus.connect();
    server.subscribe('svc.echo', { callback: (_error, msg) => void msg.respond(msg.data) });
    const reply = nextMessage(bus, '_INBOX.one');
    bus.connect().publish('svc.echo', encoder.encode('ping'), { reply: '_INBOX.one' });
    expect(decoder.decode((await reply.done).data)).toBe('ping');
  });

  it('should stop delivering after close and end the status stream', async () => {
    const bus = new LocalBus();
    const connection = bus.connect();
    const received: string[] = [];
    connection.subscribe('x', { callback: (_error, msg) => void received.push(decoder.decode(msg.data)) });
    const statuses = connection.status()[Symbol.asyncIterator]();
    const ended = statuses.next();
    await connection.close();
    bus.connect().publish('x', encoder.encode('late'));
    await tick();
    expect(received).toEqual([]);
    await expect(ended).resolves.toEqual({ done: true, value: undefined });
    expect(bus.subscriptionCount).toBe(0);
    expect(() => connection.publish('x')).toThrow('fermée');
  });

  describe('observe', () => {
    it('should show every published message, replies and unrouted ones included, until stopped', async () => {
      const bus = new LocalBus();
      const seen: string[] = [];
      const stop = bus.observe((message) => seen.push(`${message.subject} ${decoder.decode(message.data)}${message.reply ? ` →${message.reply}` : ''}`));
      bus.connect().subscribe('svc.echo', { callback: (_error, msg) => void msg.respond(encoder.encode('pong')) });
      const reply = nextMessage(bus, '_INBOX.two');
      bus.connect().publish('svc.echo', encoder.encode('ping'), { reply: '_INBOX.two' });
      bus.connect().publish('nobody.listens', encoder.encode('lost'));
      await reply.done;
      expect(seen).toEqual(['svc.echo ping →_INBOX.two', 'nobody.listens lost', '_INBOX.two pong']);
      stop();
      bus.connect().publish('svc.echo', encoder.encode('unseen'));
      await tick();
      expect(seen).toHaveLength(3);
    });

    it('should leave the routing unchanged: a request nobody listens to still gets its empty "no responders" reply', async () => {
      const bus = new LocalBus();
      const subjects: string[] = [];
      bus.observe((message) => subjects.push(message.subject));
      const reply = nextMessage(bus, '_INBOX.three');
      bus.connect().publish('svc.absent', encoder.encode('hello'), { reply: '_INBOX.three' });
      expect((await reply.done).data).toHaveLength(0);
      expect(subjects).toEqual(['svc.absent', '_INBOX.three']);
    });

    it('should hand observers a copy, and survive an observer that throws', async () => {
      const bus = new LocalBus();
      bus.observe(() => {
        throw new Error('observer failure');
      });
      bus.observe((message) => message.data.fill(0));
      const { done } = nextMessage(bus, 'a.b');
      bus.connect().publish('a.b', encoder.encode('intact'));
      expect(decoder.decode((await done).data)).toBe('intact');
    });
  });

  it('should reject an invalid subject', () => {
    expect(() => new LocalBus().connect().publish('bad..subject')).toThrow('Sujet invalide');
  });
});
