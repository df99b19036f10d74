import { Inject, Injectable } from '@nestjs/common';
import {
  BACKEND_SERVICE_NAMES,
  HEALTH_CONTRACT_VERSION,
  Subjects,
  corpusSubject,
  isCorpusService,
  type BackendServiceName,
  type PingResponse,
  type PlatformHealth,
  type ServiceHealth,
  type UnreachableService,
} from '@mileva/contracts';
import { MILEVA_CONFIG, ServiceClient, ServiceError, ServiceHealthService, type MilevaConfig } from '@mileva/runtime';
import { randomUUID } from 'node:crypto';

/** Health checks answer fast or count as down: a slow service must not make the health page hang. */
const HEALTH_TIMEOUT_MS = 3_000;

interface Target {
  readonly service: BackendServiceName;
  readonly corpus?: string;
  readonly subject: { readonly health: string; readonly ping: string };
}

/** Asks every backend service (and every corpus service the gateway relies on) how it is. */
@Injectable()
export class PlatformHealthService {
  constructor(
    @Inject(MILEVA_CONFIG) private readonly config: MilevaConfig,
    private readonly client: ServiceClient,
    private readonly ownHealth: ServiceHealthService,
  ) {}

  async check(): Promise<PlatformHealth> {
    const [gateway, ...others] = await Promise.all([
      this.ownHealth.report('gateway', { usesDatabase: true }),
      ...this.targets().map((target) => this.checkOne(target)),
    ]);
    const services = [gateway, ...others];
    return {
      status: services.every((service) => service.status === 'up') ? 'up' : 'down',
      mode: this.config.mode,
      checkedAt: new Date().toISOString(),
      services,
    };
  }

  /** Round trip through every service and its database, proving the whole wiring. */
  async pingAll(): Promise<PingResponse[]> {
    return Promise.all(
      this.targets().map((target) =>
        this.client.request<PingResponse>(target.subject.ping, { v: HEALTH_CONTRACT_VERSION, nonce: randomUUID() }, { timeoutMs: HEALTH_TIMEOUT_MS }),
      ),
    );
  }

  private targets(): Target[] {
    return BACKEND_SERVICE_NAMES.flatMap((service): Target[] => {
      const subjects = Subjects[service];
      if (!isCorpusService(service)) return [{ service, subject: subjects }];
      return this.config.corpora.map((corpus) => ({
        service,
        corpus,
        subject: { health: corpusSubject(subjects.health, corpus), ping: corpusSubject(subjects.ping, corpus) },
      }));
    });
  }

  private async checkOne(target: Target): Promise<ServiceHealth | UnreachableService> {
    try {
      return await this.client.request<ServiceHealth>(target.subject.health, { v: HEALTH_CONTRACT_VERSION }, { timeoutMs: HEALTH_TIMEOUT_MS });
    } catch (error) {
      const message = error instanceof ServiceError ? error.message : 'Service injoignable';
      return { service: target.service, ...(target.corpus ? { corpus: target.corpus } : {}), status: 'down', error: message };
    }
  }
}
