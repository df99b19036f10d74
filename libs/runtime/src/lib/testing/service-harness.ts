import type { INestMicroservice, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Module } from '@nestjs/common';
import type { Database } from '@mileva/persistence';
import { loadConfig, type MilevaConfig } from '../config/config';
import { RuntimeModule } from '../runtime.module';
import { ServiceClient } from '../transport/service-client';
import { LocalTransport } from '../transport/transport';

export interface ServiceHarness {
  readonly client: ServiceClient;
  readonly transport: LocalTransport;
  readonly app: INestMicroservice;
  readonly config: MilevaConfig;
  close(): Promise<void>;
}

/**
 * Hosts one service module on a fresh in-process bus, as the standalone mode does, and gives a
 * client to talk to it. For tests of a service's message handlers.
 */
export async function startServiceHarness(
  module: Type<unknown>,
  options: { readonly database?: Database; readonly env?: Record<string, string>; readonly corpus?: string } = {},
): Promise<ServiceHarness> {
  const config = loadConfig({ MILEVA_LOG_LEVEL: 'silent', ...options.env });
  const transport = new LocalTransport();
  @Module({ imports: [RuntimeModule.forRoot({ config, transport, database: options.database, clientName: 'harness' }), module] })
  class HarnessModule {}
  const app = await NestFactory.createMicroservice(HarnessModule, { strategy: transport.createServer('harness', options.corpus ?? '*'), logger: false });
  await app.listen();
  const client = new ServiceClient(transport.createClient('harness-client'), 2_000);
  return {
    client,
    transport,
    app,
    config,
    close: async () => {
      await client.close();
      await app.close();
    },
  };
}
