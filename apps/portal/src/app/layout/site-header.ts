import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DsfrHeaderMenuItem, DsfrHeaderModule, DsfrNavigation } from '@edugouvfr/ngx-dsfr';
import { ASKING_ROLES, CORPUS_MANAGING_ROLES } from '../core/api.model';
import { APP_NAME, APP_TAGLINE, MINISTRY_LOGO_LABEL, MINISTRY_NAME } from '../core/app-identity';
import { roleLabel } from '../core/labels';
import { SessionStore, SIGN_IN_PATH } from '../core/session-store';

/** Id of the main navigation container; the skip links point at its `<nav>` (`<id>-nav`). */
export const MAIN_NAVIGATION_ID = 'menu-principal';

/**
 * DSFR header. Its tools show who is signed in (role and académie) with a "Se déconnecter" button, or a
 * "Se connecter" link; the same tools are rendered in the mobile menu.
 */
@Component({
  selector: 'mlv-site-header',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DsfrHeaderModule, NgTemplateOutlet, RouterLink],
  template: `
    <dsfr-header
      [logoLabel]="logoLabel"
      [logoLink]="homeLink"
      [logoTooltipMessage]="logoTooltip"
      [serviceTitle]="serviceTitle"
      [serviceTagline]="serviceTagline"
      [navigationId]="navigationId"
      [menu]="menu()">
      <ng-template #headerTools>
        <ng-container *ngTemplateOutlet="tools" />
      </ng-template>
      <ng-template #headerToolsMobile>
        <ng-container *ngTemplateOutlet="tools" />
      </ng-template>
    </dsfr-header>

    <ng-template #tools>
      <ul class="fr-btns-group mlv-session">
        @if (user(); as user) {
          <li>
            <p class="fr-btn fr-btn--account mlv-session__user">
              <span>
                {{ user.name ?? roleLabel(user.role) }}
                <span class="fr-sr-only">, </span>
                <span class="mlv-session__detail">
                  {{ user.name ? roleLabel(user.role) + ' · ' : '' }}{{ academieLabel()(user.academie) }}
                </span>
              </span>
            </p>
          </li>
          <li>
            <button type="button" class="fr-btn fr-icon-logout-box-r-line" (click)="signOut()">Se déconnecter</button>
          </li>
        } @else if (known()) {
          <li>
            <a class="fr-btn fr-icon-lock-line" [routerLink]="signInLink">Se connecter</a>
          </li>
        }
      </ul>
    </ng-template>
  `,
  styles: `
    .mlv-session__user {
      cursor: default;
      text-align: left;
    }

    .mlv-session__detail {
      display: block;
      font-size: 0.75rem;
      line-height: 1rem;
      font-weight: 400;
    }
  `,
})
export class SiteHeader {
  private readonly session = inject(SessionStore);

  protected readonly logoLabel = MINISTRY_LOGO_LABEL;
  protected readonly homeLink: DsfrNavigation = { routerLink: '/' };
  protected readonly logoTooltip = `Accueil - ${APP_NAME} - ${MINISTRY_NAME}`;
  protected readonly serviceTitle = APP_NAME;
  protected readonly serviceTagline = APP_TAGLINE;
  protected readonly navigationId = MAIN_NAVIGATION_ID;
  protected readonly signInLink = `/${SIGN_IN_PATH}`;
  protected readonly roleLabel = roleLabel;
  /** The académie's name once the taxonomy has loaded (lazily: it stays out of the initial bundle); its code until then. */
  protected readonly academieLabel = signal<(code: string) => string>((code) => code);

  protected readonly user = this.session.user;
  protected readonly known = this.session.known;

  protected readonly menu = computed<DsfrHeaderMenuItem[]>(() => {
    const user = this.user();
    const asks = user !== null && ASKING_ROLES.includes(user.role);
    const managesCorpus = user !== null && CORPUS_MANAGING_ROLES.includes(user.role);
    return [
      { label: asks ? 'Poser une question' : 'Accueil', routerLink: '/', routerLinkActiveOptions: { exact: true } },
      ...(asks ? [{ label: 'Mes conversations', routerLink: '/conversations' }] : []),
      ...(managesCorpus ? [{ label: 'Corpus', routerLink: '/corpus' }] : []),
      { label: 'À propos', routerLink: '/a-propos' },
      { label: 'État des services', routerLink: '/etat' },
    ];
  });

  constructor() {
    // The header shows who is signed in on every page, public ones included.
    void this.session.current();
    void import('../core/academie-names').then(({ academieLabel }) => this.academieLabel.set(academieLabel));
  }

  protected signOut(): void {
    void this.session.signOut();
  }
}
