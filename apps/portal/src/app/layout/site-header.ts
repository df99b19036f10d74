import { ChangeDetectionStrategy, Component } from '@angular/core';
import { DsfrHeaderMenuItem, DsfrHeaderModule, DsfrNavigation } from '@edugouvfr/ngx-dsfr';
import { APP_NAME, APP_TAGLINE, MINISTRY_LOGO_LABEL, MINISTRY_NAME } from '../core/app-identity';

/** Id of the main navigation container; the skip links point at its `<nav>` (`<id>-nav`). */
export const MAIN_NAVIGATION_ID = 'menu-principal';

@Component({
  selector: 'mlv-site-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DsfrHeaderModule],
  template: `
    <dsfr-header
      [logoLabel]="logoLabel"
      [logoLink]="homeLink"
      [logoTooltipMessage]="logoTooltip"
      [serviceTitle]="serviceTitle"
      [serviceTagline]="serviceTagline"
      [navigationId]="navigationId"
      [menu]="menu" />
  `,
})
export class SiteHeader {
  protected readonly logoLabel = MINISTRY_LOGO_LABEL;
  protected readonly homeLink: DsfrNavigation = { routerLink: '/' };
  protected readonly logoTooltip = `Accueil - ${APP_NAME} - ${MINISTRY_NAME}`;
  protected readonly serviceTitle = APP_NAME;
  protected readonly serviceTagline = APP_TAGLINE;
  protected readonly navigationId = MAIN_NAVIGATION_ID;
  protected readonly menu: DsfrHeaderMenuItem[] = [
    { label: 'Accueil', routerLink: '/', routerLinkActiveOptions: { exact: true } },
    { label: 'État des services', routerLink: '/etat' },
  ];
}
