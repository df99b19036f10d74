import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { catchError, Observable, of, throwError } from 'rxjs';
import { PlatformHealth } from './health.model';

/** Relative on purpose: the gateway serves the portal and the API from the same origin. */
export const HEALTH_URL = '/api/health';

@Injectable({ providedIn: 'root' })
export class HealthApi {
  private readonly http = inject(HttpClient);

  /**
   * Reads the platform health. A health endpoint may answer 503 with the report when a service is down:
   * that is a degraded platform, not a failure, so the report is returned as data.
   */
  getPlatformHealth(): Observable<PlatformHealth> {
    return this.http.get<PlatformHealth>(HEALTH_URL).pipe(
      catchError((error: unknown) =>
        error instanceof HttpErrorResponse && isPlatformHealth(error.error)
          ? of(error.error)
          : throwError(() => error),
      ),
    );
  }
}

function isPlatformHealth(body: unknown): body is PlatformHealth {
  if (typeof body !== 'object' || body === null) {
    return false;
  }
  const candidate = body as Partial<Record<keyof PlatformHealth, unknown>>;
  return (
    (candidate.status === 'up' || candidate.status === 'down') &&
    typeof candidate.checkedAt === 'string' &&
    Array.isArray(candidate.services)
  );
}
