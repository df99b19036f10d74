// Shape of `GET /api/health`, mirrored from the contracts library so the portal never imports server code.
// Replace with `import type { … } from '@mileva/contracts'` once the library exposes a browser-safe entry point.

export type HealthStatus = 'up' | 'down';

export type ServiceName = 'gateway' | 'ingestion' | 'retrieval' | 'generation' | 'anonymization' | 'analytics';

/** One checked dependency of a service (database, broker…). */
export interface HealthComponent {
  readonly status: HealthStatus;
  readonly message?: string;
  /** Latency of the check, in milliseconds. */
  readonly ms?: number;
}

export interface ServiceHealth {
  readonly v: 1;
  readonly service: ServiceName;
  /** Corpus served, for corpus services. */
  readonly corpus?: string;
  readonly status: HealthStatus;
  readonly instanceId: string;
  readonly version: string;
  readonly uptimeSeconds: number;
  readonly components: Readonly<Record<string, HealthComponent>>;
}

/** A service the gateway could not reach in time. */
export interface UnreachableService {
  readonly service: ServiceName;
  readonly corpus?: string;
  readonly status: 'down';
  readonly error: string;
}

/** What `GET /api/health` answers. */
export interface PlatformHealth {
  readonly status: HealthStatus;
  readonly mode: 'standalone' | 'distributed';
  readonly checkedAt: string;
  readonly services: readonly (ServiceHealth | UnreachableService)[];
}
