import { Routes } from '@angular/router';
import { ASKING_ROLES, CORPUS_MANAGING_ROLES } from './core/api.model';
import { roleMatch, sessionGuard } from './core/session.guard';
import { SIGN_IN_PATH } from './core/session-store';
import { legalRoutes } from './features/legal/legal.routes';

export const appRoutes: Routes = [
  {
    path: SIGN_IN_PATH,
    title: 'Connexion',
    loadComponent: () => import('./features/sign-in/sign-in-page').then((m) => m.SignInPage),
  },
  {
    // The DGRH's home is the national space; everyone else asks questions here.
    path: '',
    pathMatch: 'full',
    title: 'Espace national',
    canMatch: [roleMatch(['dgrh'])],
    loadComponent: () => import('./features/national/national-home-page').then((m) => m.NationalHomePage),
  },
  {
    path: '',
    pathMatch: 'full',
    title: 'Poser une question',
    canActivate: [sessionGuard(ASKING_ROLES)],
    loadComponent: () => import('./features/ask/ask-page').then((m) => m.AskPage),
  },
  {
    path: 'conversations',
    loadChildren: () => import('./features/conversations/conversations.routes').then((m) => m.conversationsRoutes),
  },
  {
    // Experts and administrators run the corpus; any other signed-in user is told why they cannot.
    path: 'corpus',
    canMatch: [roleMatch(CORPUS_MANAGING_ROLES)],
    loadChildren: () => import('./features/corpus/corpus.routes').then((m) => m.corpusRoutes),
  },
  {
    path: 'corpus',
    canActivate: [sessionGuard()],
    children: [{ path: '**', title: 'Accès réservé', loadComponent: () => import('./features/corpus/forbidden-page').then((m) => m.CorpusForbiddenPage) }],
  },
  {
    path: 'a-propos',
    title: 'À propos',
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
