import { ChangeDetectionStrategy, Component } from '@angular/core';
import { DsfrFooterComponent, DsfrFooterModule, DsfrLink } from '@edugouvfr/ngx-dsfr';
import { APP_NAME, MINISTRY_LOGO_LABEL, MINISTRY_NAME } from '../core/app-identity';
import { LEGAL_PATHS } from '../features/legal/legal.routes';

function externalLink(host: string): DsfrLink {
  return {
    label: host,
    link: `https://www.${host}`,
    linkTarget: '_blank',
    tooltipMessage: `${host} - nouvelle fenêtre`,
  };
}

@Component({
  selector: 'mlv-site-footer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [DsfrFooterModule],
  template: `
    <dsfr-footer
      [logo]="logo"
      [presentation]="presentation"
      [institutionalLinks]="institutionalLinks"
      [mandatoryLinks]="mandatoryLinks"
      [license]="license" />
  `,
})
export class SiteFooter {
  // The library does not export its logo model; the input type is the same.
  protected readonly logo: DsfrFooterComponent['logo'] = {
    label: MINISTRY_LOGO_LABEL,
    navigation: { routerLink: '/' },
    tooltipMessage: `Accueil - ${APP_NAME} - ${MINISTRY_NAME}`,
  };

  protected readonly presentation =
    `${APP_NAME} aide les gestionnaires RH du ministère et des académies à préparer les réponses ` +
    'aux questions des personnels, à partir des documents officiels.';

  /** Links the DSFR requires in every State website footer. */
  protected readonly institutionalLinks: DsfrLink[] = [
    externalLink('info.gouv.fr'),
    externalLink('service-public.fr'),
    externalLink('legifrance.gouv.fr'),
    externalLink('data.gouv.fr'),
  ];

  /**
   * Mandatory legal links. The accessibility status must say "non conforme" until an RGAA audit is done.
   * No cookie management link: the portal sets no cookie that needs consent.
   */
  protected readonly mandatoryLinks: DsfrLink[] = [
    { label: 'Accessibilité : non conforme', routerLink: `/${LEGAL_PATHS.accessibility}` },
    { label: 'Mentions légales', routerLink: `/${LEGAL_PATHS.legalNotice}` },
    { label: 'Données personnelles', routerLink: `/${LEGAL_PATHS.personalData}` },
  ];

  protected readonly license =
    'Sauf mention explicite de propriété intellectuelle détenue par des tiers, les contenus de ce site ' +
    'sont proposés sous <a href="https://github.com/etalab/licence-ouverte/blob/master/LO.md" ' +
    'target="_blank" rel="noopener" title="licence etalab-2.0 - nouvelle fenêtre">licence etalab-2.0</a>';
}
