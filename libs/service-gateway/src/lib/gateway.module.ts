import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import type { ServiceDefinition } from '@mileva/runtime';
import { HealthController } from './health/health.controller';
import { PlatformHealthService } from './health/platform-health.service';
import { CorpusSearchService } from './search/corpus-search.service';

/** HTTP API of the portal: orchestrates the backend services over the bus. */
@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [PlatformHealthService, CorpusSearchService],
  exports: [CorpusSearchService],
})
export class GatewayModule {}

export const GATEWAY_SERVICE: ServiceDefinition = {
  name: 'gateway',
  module: GatewayModule,
  usesDatabase: true,
  perCorpus: false,
};
