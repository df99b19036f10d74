import { Controller, Get, Inject, type Type } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import { MILEVA_CONFIG, ServiceHealthService, type MilevaConfig, type ServiceDefinition } from '@mileva/runtime';

/** `GET /health` of a service process in distributed mode (orchestrator probes): bus and database. */
export function createProbeController(definitions: readonly ServiceDefinition[]): Type<unknown> {
  @Controller()
  class ProbeController {
    constructor(
      private readonly health: HealthCheckService,
      private readonly indicators: HealthIndicatorService,
      private readonly serviceHealth: ServiceHealthService,
      @Inject(MILEVA_CONFIG) private readonly config: MilevaConfig,
    ) {}

    @Get('health')
    @HealthCheck()
    check(): Promise<HealthCheckResult> {
      return this.health.check(
        definitions.map((definition) => async () => {
          const report = await this.serviceHealth.report(definition.name, {
            ...(definition.perCorpus ? { corpus: this.config.corpus } : {}),
            usesDatabase: definition.usesDatabase,
          });
          const indicator = this.indicators.check(definition.name);
          return report.status === 'up' ? indicator.up(report.components) : indicator.down(report.components);
        }),
      );
    }
  }
  return ProbeController;
}
