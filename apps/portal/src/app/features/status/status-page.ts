import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { DsfrAlertModule, DsfrBadgeModule, DsfrButtonModule } from '@edugouvfr/ngx-dsfr';
import {
  catchError,
  distinctUntilChanged,
  EMPTY,
  fromEvent,
  map,
  merge,
  Observable,
  of,
  startWith,
  Subject,
  switchMap,
  tap,
  timeout,
  timer,
} from 'rxjs';
import { HealthApi } from '../../core/health-api';
import { PlatformHealth } from '../../core/health.model';
import { describeFailure, toPlatformView } from './status-view';

/** How often the page asks again while it is visible. */
export const REFRESH_INTERVAL_MS = 15_000;

/** A request still pending after this delay counts as "the server does not answer". */
export const REQUEST_TIMEOUT_MS = 10_000;

type HealthResult = { readonly health: PlatformHealth } | { readonly failure: string };

@Component({
  selector: 'mlv-status-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DsfrAlertModule, DsfrBadgeModule, DsfrButtonModule],
  templateUrl: './status-page.html',
  styleUrl: './status-page.scss',
})
export class StatusPage {
  private readonly healthApi = inject(HealthApi);
  private readonly document = inject(DOCUMENT);
  private readonly refreshRequests = new Subject<void>();

  protected readonly refreshIntervalSeconds = REFRESH_INTERVAL_MS / 1000;
  protected readonly loading = signal(false);
  protected readonly failure = signal<string | null>(null);
  private readonly health = signal<PlatformHealth | null>(null);
  protected readonly platform = computed(() => {
    const health = this.health();
    return health ? toPlatformView(health) : null;
  });

  constructor() {
    // Poll while the page is visible; a manual refresh asks at once and restarts the interval.
    merge(this.pageVisibility(), this.refreshRequests.pipe(map(() => true)))
      .pipe(
        switchMap((visible) => (visible ? timer(REFRESH_INTERVAL_MS, REFRESH_INTERVAL_MS).pipe(startWith(0)) : EMPTY)),
        tap(() => this.loading.set(true)),
        switchMap(() => this.fetchHealth()),
        takeUntilDestroyed(),
      )
      .subscribe((result) => {
        this.loading.set(false);
        if ('health' in result) {
          this.health.set(result.health);
          this.failure.set(null);
        } else {
          // Showing the last known state would suggest services are fine while nothing answers.
          this.health.set(null);
          this.failure.set(result.failure);
        }
      });
  }

  protected refresh(): void {
    this.refreshRequests.next();
  }

  private fetchHealth(): Observable<HealthResult> {
    return this.healthApi.getPlatformHealth().pipe(
      timeout(REQUEST_TIMEOUT_MS),
      map((health): HealthResult => ({ health })),
      catchError((error: unknown) => of<HealthResult>({ failure: describeFailure(error) })),
    );
  }

  private pageVisibility(): Observable<boolean> {
    return fromEvent(this.document, 'visibilitychange').pipe(
      startWith(null),
      map(() => this.document.visibilityState !== 'hidden'),
      distinctUntilChanged(),
    );
  }
}
