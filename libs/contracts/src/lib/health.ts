import type { ServiceName } from './services';

export type HealthStatus = 'up' | 'down';

/** Version of the health and ping payloads. */
export const HEALTH_CONTRACT_VERSION = 1 as const;

export interface HealthRequest {
  readonly v: typeof HEALTH_CONTRACT_VERSION;
}

/** One checked dependency of a service (database, broker…). */
export interface HealthComponent {
  readonly status: HealthStatus;
  readonly message?: string;
  /** Latency of the check, in milliseconds. */
  readonly ms?: number;
}

export interface ServiceHealth {
  readonly v: typeof HEALTH_CONTRACT_VERSION;
  readonly service: ServiceName;
  /** Corpus served, for corpus services. */
  readonly corpus?: string;
  readonly status: HealthStatus;
  readonly instanceId: string;
  readonly version: string;
  readonly uptimeSeconds: number;
  readonly components: Readonly<Record<string, HealthComponent>>;
}

/** What `GET /api/health` answers. */
export interface PlatformHealth {
  readonly status: HealthStatus;
  readonly mode: 'standalone' | 'distributed';
  readonly checkedAt: string;
  readonly services: readonly (ServiceHealth | UnreachableService)[];
}

export interface UnreachableService {
  readonly service: ServiceName;
  readonly corpus?: string;
  readonly status: 'down';
  readonly error: string;
}

export interface PingRequest {
  readonly v: typeof HEALTH_CONTRACT_VERSION;
  /** Free token echoed back, to prove the round trip. */
  readonly nonce: string;
}

export interface PingResponse {
  readonly v: typeof HEALTH_CONTRACT_VERSION;
  readonly service: ServiceName;
  readonly corpus?: string;
  readonly nonce: string;
  readonly instanceId: string;
  /** Result of a round trip to the service's database, when it has one. */
  readonly database?: { readonly serverTime: string; readonly schemaVersion: string; readonly ms: number };
  readonly correlationId?: string;
}
