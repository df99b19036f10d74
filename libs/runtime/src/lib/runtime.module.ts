import { Global, Module, type DynamicModule, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import type { Database } from '@mileva/persistence';
import type { MilevaConfig } from './config/config';
import { ServiceHealthService } from './health/service-health.service';
import { MilevaExceptionFilter } from './http/exception.filter';
import { createEmbeddingProvider } from '@mileva/embeddings';
import { MILEVA_CONFIG, MILEVA_DATABASE, MILEVA_EMBEDDINGS, MILEVA_EVENT_LOG, MILEVA_TRANSPORT } from './tokens';
import { createEventLog } from './events/create-event-log';
import type { EventLog } from './events/event-log';
import { embeddingsConfig } from './config/embeddings-config';
import { CorrelationInterceptor } from './transport/correlation.interceptor';
import { ServiceClient } from './transport/service-client';
import type { Transport } from './transport/transport';

export interface RuntimeModuleOptions {
  readonly config: MilevaConfig;
  readonly transport: Transport;
  /** The opened database, when a hosted service needs one. */
  readonly database?: Database;
  /** Close the database when the application shuts down (the process that opened it owns it). */
  readonly ownsDatabase?: boolean;
  readonly clientName: string;
}

/** Closes the event log, the bus client and the database when the application shuts down. */
class ResourceCloser implements OnApplicationShutdown {
  constructor(
    private readonly client: ServiceClient,
    private readonly events: EventLog,
    private readonly database: Database | undefined,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    // Events being appended are stored before the database closes.
    await this.events.close().catch(() => undefined);
    await this.client.close().catch(() => undefined);
    await this.database?.close();
  }
}

/**
 * What every MILEVA process provides to the service modules it hosts: configuration, the
 * transport and a {@link ServiceClient} over it, the database, health reporting, the
 * catch-all exception filter and correlation ids.
 */
@Global()
@Module({})
export class RuntimeModule {
  static forRoot(options: RuntimeModuleOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: MILEVA_CONFIG, useValue: options.config },
      { provide: MILEVA_TRANSPORT, useValue: options.transport },
      {
        provide: ServiceClient,
        useFactory: () => new ServiceClient(options.transport.createClient(options.clientName), options.config.requestTimeoutMs),
      },
      ServiceHealthService,
      // One embedding provider per process, shared by ingestion and retrieval.
      { provide: MILEVA_EMBEDDINGS, useFactory: () => createEmbeddingProvider(embeddingsConfig(options.config.embeddings)) },
      // Durable events: JetStream over NATS, the outbox table of the shared database in standalone mode.
      { provide: MILEVA_EVENT_LOG, useFactory: () => createEventLog(options.config, options.transport, options.database) },
      {
        provide: ResourceCloser,
        useFactory: (client: ServiceClient, events: EventLog) => new ResourceCloser(client, events, options.ownsDatabase ? options.database : undefined),
        inject: [ServiceClient, MILEVA_EVENT_LOG],
      },
      { provide: APP_FILTER, useClass: MilevaExceptionFilter },
      { provide: APP_INTERCEPTOR, useClass: CorrelationInterceptor },
    ];
    if (options.database) {
      providers.push({ provide: MILEVA_DATABASE, useValue: options.database });
    }
    return {
      module: RuntimeModule,
      providers,
      exports: [MILEVA_CONFIG, MILEVA_TRANSPORT, MILEVA_EMBEDDINGS, MILEVA_EVENT_LOG, ServiceClient, ServiceHealthService, ...(options.database ? [MILEVA_DATABASE] : [])],
    };
  }
}
