import { Inject, Injectable, Optional } from '@nestjs/common';
import { HEALTH_CONTRACT_VERSION, type HealthComponent, type PingResponse, type ServiceHealth, type ServiceName } from '@mileva/contracts';
import type { Database } from '@mileva/persistence';
import type { MilevaConfig } from '../config/config';
import { currentCorrelationId } from '../logging/correlation';
import { MILEVA_CONFIG, MILEVA_DATABASE, MILEVA_TRANSPORT } from '../tokens';
import type { Transport } from '../transport/transport';

const startedAt = Date.now();

/** Builds the health report and the ping answer of a service from its real dependencies. */
@Injectable()
export class ServiceHealthService {
  constructor(
    @Inject(MILEVA_CONFIG) private readonly config: MilevaConfig,
    @Inject(MILEVA_TRANSPORT) private readonly transport: Transport,
    @Optional() @Inject(MILEVA_DATABASE) private readonly database?: Database,
  ) {}

  async report(service: ServiceName, options: { corpus?: string; usesDatabase: boolean }): Promise<ServiceHealth> {
    const components: Record<string, HealthComponent> = { bus: { status: 'up', message: this.transport.describe() } };
    if (options.usesDatabase) {
      components['database'] = await this.checkDatabase();
    }
    const status = Object.values(components).every((component) => component.status === 'up') ? 'up' : 'down';
    return {
      v: HEALTH_CONTRACT_VERSION,
      service,
      ...(options.corpus ? { corpus: options.corpus } : {}),
      status,
      instanceId: this.config.instanceId,
      version: this.config.version,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      components,
    };
  }

  async ping(service: ServiceName, nonce: string, options: { corpus?: string; usesDatabase: boolean }): Promise<PingResponse> {
    const correlationId = currentCorrelationId();
    return {
      v: HEALTH_CONTRACT_VERSION,
      service,
      ...(options.corpus ? { corpus: options.corpus } : {}),
      nonce,
      instanceId: this.config.instanceId,
      ...(options.usesDatabase ? { database: await this.requireDatabase().ping() } : {}),
      ...(correlationId ? { correlationId } : {}),
    };
  }

  private async checkDatabase(): Promise<HealthComponent> {
    if (!this.database) return { status: 'down', message: 'Base de données non configurée' };
    try {
      const { ms } = await this.database.ping();
      return { status: 'up', ms, message: this.database.kind === 'embedded' ? 'base embarquée' : 'postgres' };
    } catch (error) {
      return { status: 'down', message: `Base de données injoignable : ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  private requireDatabase(): Database {
    if (!this.database) throw new Error('Database required but not provided');
    return this.database;
  }
}
