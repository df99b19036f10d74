import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  inject,
  Injector,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { filter, skip } from 'rxjs';
import { MAIN_NAVIGATION_ID, SiteHeader } from './layout/site-header';
import { SiteFooter } from './layout/site-footer';
import { SkipLink, SkipLinks } from './layout/skip-links';

/** Id of the `<main>` element, target of the first skip link. */
export const MAIN_CONTENT_ID = 'contenu';

@Component({
  selector: 'mlv-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet, SkipLinks, SiteHeader, SiteFooter],
  templateUrl: './app.html',
})
export class App {
  protected readonly mainContentId = MAIN_CONTENT_ID;
  protected readonly skipLinks: readonly SkipLink[] = [
    { label: 'Contenu', targetId: MAIN_CONTENT_ID },
    { label: 'Menu', targetId: `${MAIN_NAVIGATION_ID}-nav` },
    { label: 'Pied de page', targetId: 'footer' },
  ];

  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  constructor() {
    const injector = inject(Injector);
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd),
        // The first navigation is the page load: focus stays where the browser puts it.
        skip(1),
        takeUntilDestroyed(),
      )
      .subscribe(() => afterNextRender(() => this.focusPageHeading(), { injector }));
  }

  /**
   * After a client-side navigation, screen readers would otherwise stay on the clicked link: move focus to
   * the new page's main heading (or to the main region when the page has none).
   */
  private focusPageHeading(): void {
    const main = this.main().nativeElement;
    const heading = main.querySelector<HTMLElement>('h1');
    const target = heading ?? main;
    if (!target.hasAttribute('tabindex')) {
      target.setAttribute('tabindex', '-1');
    }
    target.focus();
  }
}
