import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService, type HealthCheckResult } from '@nestjs/terminus';
import type { PingResponse, PlatformHealth } from '@mileva/contracts';
import { ServiceHealthService } from '@mileva/runtime';
import type { Response } from 'express';
import { PlatformHealthService } from './platform-health.service';

@Controller()
export class HealthController {
  constructor(
    private readonly platformHealth: PlatformHealthService,
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly ownHealth: ServiceHealthService,
  ) {}

  /** Every service's status; 503 when one is down, so that probes and the portal see it. */
  @Get('health')
  async platform(@Res({ passthrough: true }) response: Response): Promise<PlatformHealth> {
    const report = await this.platformHealth.check();
    response.status(report.status === 'up' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }

  /** Readiness of the gateway process itself (bus and database), for orchestrators. */
  @Get('health/ready')
  @HealthCheck()
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      async () => {
        const report = await this.ownHealth.report('gateway', { usesDatabase: true });
        const indicator = this.indicators.check('gateway');
        return report.status === 'up' ? indicator.up(report.components) : indicator.down(report.components);
      },
    ]);
  }

  /** Round trip through every service and its database. */
  @Get('v1/ping')
  ping(): Promise<PingResponse[]> {
    return this.platformHealth.pingAll();
  }
}
