// Shape of `GET /api/health`: type-only re-export of the shared contracts (no server code reaches the bundle).
export type { HealthComponent, HealthStatus, PlatformHealth, ServiceHealth, ServiceName, UnreachableService } from '@mileva/contracts';
