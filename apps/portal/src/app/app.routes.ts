import { Routes } from '@angular/router';
import { legalRoutes } from './features/legal/legal.routes';

export const appRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    title: 'Accueil',
    loadComponent: () => import('./features/home/home-page').then((m) => m.HomePage),
  },
  {
    path: 'etat',
    loadChildren: () => import('./features/status/status.routes').then((m) => m.statusRoutes),
  },
  ...legalRoutes,
  {
    path: '**',
    title: 'Page non trouvée',
    loadComponent: () => import('./features/not-found/not-found-page').then((m) => m.NotFoundPage),
  },
];
