import { Routes } from '@angular/router';

export const statusRoutes: Routes = [
  {
    path: '',
    title: 'État des services',
    loadComponent: () => import('./status-page').then((m) => m.StatusPage),
  },
];
