import { Module, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TerminusModule } from '@nestjs/terminus';
import { ALL_CORPORA, type IngestionProgressEvent, type IngestionSummary, type ServiceName } from '@mileva/contracts';
import { NATIONAL_CORPUS } from '@mileva/rh-taxonomy';
import { NationalSeeder } from '@mileva/service-ingestion';
import { RetrievalService } from '@mileva/service-retrieval';
import { DatabaseConfigError, DatabaseLockedError, openDatabase, type Database } from '@mileva/persistence';
import {
  ConfigError,
  PinoNestLogger,
  RuntimeModule,
  correlationMiddleware,
  createRootLogger,
  createTransport,
  type MilevaConfig,
  type ServiceDefinition,
  type Transport,
} from '@mileva/runtime';
import { connect } from 'nats';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DestinationStream, Logger as PinoLogger } from 'pino';
import { createProbeController } from './probe.controller';
import { securityHeaders } from './security-headers';
import { SERVICE_DEFINITIONS } from './services';

export interface PlatformOptions {
  readonly config: MilevaConfig;
  /** Services this process hosts; every service in one process is the standalone mode. */
  readonly services: readonly ServiceName[];
  /** Overrides the transport built from the configuration (tests share one in-process bus). */
  readonly transport?: Transport;
  /** Where logs go (defaults to stderr). */
  readonly logDestination?: DestinationStream;
  /**
   * Seed an empty national corpus in the background once started (when `MILEVA_SEED` allows it and
   * this process hosts the national ingestion), reporting progress here.
   */
  readonly seed?: { readonly onProgress?: (event: IngestionProgressEvent) => void; readonly onDone?: (summary: IngestionSummary | undefined) => void };
}

export interface RunningPlatform {
  readonly app: INestApplication;
  /** Base URL of the HTTP server, when this process serves one. */
  readonly url: string | undefined;
  readonly transport: Transport;
  readonly logger: PinoLogger;
  close(): Promise<void>;
}

const NATS_CONNECT_TIMEOUT_MS = 5_000;

/**
 * Starts a MILEVA process hosting `services`: opens the database if one of them needs it,
 * connects the transport, serves the HTTP API (gateway) or a health probe, and shuts down
 * cleanly. Configuration problems surface as a {@link ConfigError} naming the variable.
 */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const { config } = options;
  const logger = createRootLogger(config, options.logDestination);
  const definitions = options.services.map((name) => SERVICE_DEFINITIONS[name]);
  const hostsGateway = options.services.includes('gateway');
  const transport = options.transport ?? createTransport(config);
  if (transport.kind === 'nats' && config.nats.servers) {
    await assertNatsReachable(config.nats.servers);
  }

  const database = definitions.some((definition) => definition.usesDatabase) ? await openConfiguredDatabase(config) : undefined;
  const nestLogger = new PinoNestLogger(logger);
  let app: INestApplication | undefined;
  try {
    const rootModule = createRootModule({ config, transport, database, definitions, hostsGateway, logger });
    app = await NestFactory.create(rootModule, { logger: nestLogger, abortOnError: false });
    // Standalone (in-process bus), one database holds every corpus, so the process serves them all;
    // over NATS a process serves its configured corpus only, so académie corpus services can join.
    const corpus = transport.kind === 'local' ? ALL_CORPORA : config.corpus;
    const label = definitions.length > 1 ? 'platform' : definitions[0].name;
    app.connectMicroservice({ strategy: transport.createServer(label, corpus) }, { inheritAppConfig: true });
    await app.startAllMicroservices();

    let url: string | undefined;
    if (hostsGateway) {
      app.use(securityHeaders(config.nodeEnv === 'production'));
      app.use(correlationMiddleware);
      app.setGlobalPrefix('api');
      await app.listen(config.http.port, config.http.host);
      url = `http://${displayHost(config.http.host)}:${(app.getHttpServer().address() as { port: number }).port}`;
    } else if (config.healthPort > 0) {
      app.use(correlationMiddleware);
      await app.listen(config.healthPort, config.http.host);
      url = `http://${displayHost(config.http.host)}:${(app.getHttpServer().address() as { port: number }).port}`;
    } else {
      await app.init();
    }
    const started = app;
    if (options.seed && config.ingestion.seed && options.services.includes('ingestion') && (corpus === ALL_CORPORA || corpus === NATIONAL_CORPUS)) {
      const { onProgress, onDone } = options.seed;
      void started
        .get(NationalSeeder)
        .seedIfEmpty(onProgress)
        .then((summary) => {
          onDone?.(summary);
          // The first question on the seeded corpus should not wait for its statistics and index.
          if (summary && options.services.includes('retrieval')) {
            started
              .get(RetrievalService)
              .prepare(NATIONAL_CORPUS)
              .catch((error: unknown) => logger.warn({ err: error }, 'Preparation of the seeded corpus for search failed'));
          }
        })
        .catch((error: unknown) => logger.error({ err: error }, 'Seeding of the national corpus failed'));
    }
    logger.info(`MILEVA ${config.version} started (${options.services.join(', ')}; bus: ${transport.describe()}${url ? `; ${url}` : ''})`);
    let closing: Promise<void> | undefined;
    return {
      app: started,
      url,
      transport,
      logger,
      close: () => (closing ??= closePlatform(started, database)),
    };
  } catch (error) {
    await app?.close().catch(() => undefined);
    await database?.close().catch(() => undefined);
    throw error;
  }
}

async function closePlatform(app: INestApplication, database: Database | undefined): Promise<void> {
  try {
    // Shutdown hooks close the bus client and the database.
    await app.close();
  } finally {
    await database?.close();
  }
}

function displayHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? 'localhost' : host;
}

function createRootModule(input: {
  config: MilevaConfig;
  transport: Transport;
  database: Database | undefined;
  definitions: readonly ServiceDefinition[];
  hostsGateway: boolean;
  logger: PinoLogger;
}): Type<unknown> {
  const imports: (Type<unknown> | DynamicModule)[] = [
    RuntimeModule.forRoot({ config: input.config, transport: input.transport, database: input.database, ownsDatabase: true, clientName: `mileva-${input.config.instanceId}` }),
    ...input.definitions.map((definition) => definition.module),
  ];
  if (input.hostsGateway) {
    const portalDir = input.config.portalDir ?? resolve(process.cwd(), 'dist/apps/portal/browser');
    if (existsSync(join(portalDir, 'index.html'))) {
      imports.push(ServeStaticModule.forRoot({ rootPath: portalDir, exclude: ['/api/{*path}'] }));
    } else {
      input.logger.warn(`Portal not built (${portalDir} has no index.html): serving the API only`);
    }
  }
  const controllers = input.hostsGateway ? [] : [createProbeController(input.definitions)];
  @Module({ imports: [...imports, ...(input.hostsGateway ? [] : [TerminusModule.forRoot({ logger: false })])], controllers })
  class PlatformModule {}
  return PlatformModule;
}

async function openConfiguredDatabase(config: MilevaConfig): Promise<Database> {
  try {
    return await openDatabase({
      url: config.database.url,
      dataDir: config.database.dataDir,
      poolSize: config.database.poolSize,
      applicationName: `mileva-${config.instanceId}`,
    });
  } catch (error) {
    if (error instanceof DatabaseConfigError) throw new ConfigError('MILEVA_DATABASE_URL', error.message);
    if (error instanceof DatabaseLockedError) throw new ConfigError('MILEVA_DATA_DIR', error.message);
    if (config.database.url) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ConfigError('MILEVA_DATABASE_URL', `Base de données injoignable (MILEVA_DATABASE_URL) : ${reason}`);
    }
    throw error;
  }
}

async function assertNatsReachable(servers: readonly string[]): Promise<void> {
  try {
    const connection = await connect({ servers: [...servers], timeout: NATS_CONNECT_TIMEOUT_MS, maxReconnectAttempts: 0, name: 'mileva-probe' });
    await connection.close();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ConfigError('MILEVA_NATS_URL', `Serveur NATS injoignable (MILEVA_NATS_URL=${servers.join(',')}) : ${reason}`);
  }
}
