import { Routes } from '@angular/router';

/** Pages the DSFR footer must link to. Paths are French because users read them in the address bar. */
export const LEGAL_PATHS = {
  accessibility: 'accessibilite',
  legalNotice: 'mentions-legales',
  personalData: 'donnees-personnelles',
} as const;

export const legalRoutes: Routes = [
  {
    path: LEGAL_PATHS.accessibility,
    title: 'Accessibilité',
    loadComponent: () => import('./accessibility-page').then((m) => m.AccessibilityPage),
  },
  {
    path: LEGAL_PATHS.legalNotice,
    title: 'Mentions légales',
    loadComponent: () => import('./legal-notice-page').then((m) => m.LegalNoticePage),
  },
  {
    path: LEGAL_PATHS.personalData,
    title: 'Données personnelles',
    loadComponent: () => import('./personal-data-page').then((m) => m.PersonalDataPage),
  },
];
