import { Routes } from '@angular/router';

/** The corpus pages, for experts and administrators (the parent route checks the role). */
export const corpusRoutes: Routes = [
  { path: '', title: 'Documents du corpus', loadComponent: () => import('./documents-page').then((m) => m.DocumentsPage) },
  { path: 'reponses', title: 'Base de réponses', loadComponent: () => import('./answers-page').then((m) => m.AnswersPage) },
  { path: 'parametres', title: 'Consignes et contact', loadComponent: () => import('./settings-page').then((m) => m.SettingsPage) },
];
