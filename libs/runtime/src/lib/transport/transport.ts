import { ClientNats, ServerNats, type NatsOptions } from '@nestjs/microservices';
import { CORPUS_PLACEHOLDER } from '@mileva/contracts';
import type { MilevaConfig } from '../config/config';
import { LocalBus } from './local-bus';

type NatsClientOptions = Required<NatsOptions>['options'];

/** Grace period during which a stopping server finishes the requests it already took. */
const GRACE_PERIOD_MS = 2_000;
/** In-process, nothing is in flight on a network: a short grace is enough. */
const LOCAL_GRACE_PERIOD_MS = 100;

/**
 * NATS server strategy that fills the `{corpus}` placeholder of corpus subjects with the corpus
 * this process serves (`*` when one process serves every corpus).
 */
export class MilevaNatsServer extends ServerNats {
  constructor(
    options: NatsClientOptions,
    private readonly corpus: string,
  ) {
    super(options);
  }

  override normalizePattern(pattern: Parameters<ServerNats['normalizePattern']>[0]): string {
    return super.normalizePattern(pattern).split(CORPUS_PLACEHOLDER).join(this.corpus);
  }

  /**
   * Each subject gets its own queue group named after it: every instance subscribed to the same
   * subject shares the load, whatever else the instance hosts, and each message is handled once.
   */
  override addHandler(...[pattern, callback, isEventHandler, extras]: Parameters<ServerNats['addHandler']>): void {
    super.addHandler(pattern, callback, isEventHandler, { queue: this.normalizePattern(pattern), ...extras });
  }
}

/** Same server over the in-process bus: the same serializer, handlers, errors and contexts as over NATS. */
export class LocalServer extends MilevaNatsServer {
  constructor(
    private readonly bus: LocalBus,
    private readonly localOptions: NatsClientOptions,
    corpus: string,
  ) {
    super(localOptions, corpus);
  }

  override async createNatsClient(): Promise<unknown> {
    return this.bus.connect(String(this.localOptions.name ?? 'local-server'));
  }
}

/** NATS client proxy over the in-process bus. */
export class LocalClient extends ClientNats {
  constructor(
    private readonly bus: LocalBus,
    options: NatsClientOptions,
  ) {
    super(options);
  }

  override async createClient(): Promise<Record<string, unknown>> {
    return this.bus.connect(String(this.options.name ?? 'local-client')) as unknown as Record<string, unknown>;
  }
}

/** How the services of this process reach each other: NATS, or the in-process bus. */
export interface Transport {
  readonly kind: 'nats' | 'local';
  /** Server strategy for the handlers of `service`; instances on the same subject share the load (queue groups). */
  createServer(service: string, corpus: string): MilevaNatsServer;
  createClient(name: string): ClientNats;
  /** A short description for logs and health, without credentials. */
  describe(): string;
}

function serverOptions(service: string, corpus: string, gracePeriodMs: number): NatsClientOptions {
  return {
    name: corpus === '*' ? `mileva-${service}` : `mileva-${service}-${corpus}`,
    gracefulShutdown: true,
    gracePeriod: gracePeriodMs,
  };
}

export class LocalTransport implements Transport {
  readonly kind = 'local' as const;

  constructor(readonly bus: LocalBus = new LocalBus()) {}

  createServer(service: string, corpus: string): MilevaNatsServer {
    return new LocalServer(this.bus, serverOptions(service, corpus, LOCAL_GRACE_PERIOD_MS), corpus);
  }

  createClient(name: string): ClientNats {
    return new LocalClient(this.bus, { name });
  }

  describe(): string {
    return 'bus interne';
  }
}

export class NatsTransport implements Transport {
  readonly kind = 'nats' as const;

  constructor(private readonly servers: readonly string[]) {}

  createServer(service: string, corpus: string): MilevaNatsServer {
    return new MilevaNatsServer({ ...this.connectionOptions(), ...serverOptions(service, corpus, GRACE_PERIOD_MS) }, corpus);
  }

  createClient(name: string): ClientNats {
    return new ClientNats({ ...this.connectionOptions(), name });
  }

  describe(): string {
    return this.servers.map((server) => server.replace(/\/\/[^@/]*@/, '//')).join(',');
  }

  private connectionOptions(): NatsClientOptions {
    return {
      servers: [...this.servers],
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      waitOnFirstConnect: false,
    };
  }
}

export function createTransport(config: Pick<MilevaConfig, 'nats'>): Transport {
  return config.nats.servers ? new NatsTransport(config.nats.servers) : new LocalTransport();
}
