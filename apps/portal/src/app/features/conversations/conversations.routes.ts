import { Routes } from '@angular/router';
import { ASKING_ROLES } from '../../core/api.model';
import { sessionGuard } from '../../core/session.guard';

export const conversationsRoutes: Routes = [
  {
    path: '',
    title: 'Mes conversations',
    canActivate: [sessionGuard(ASKING_ROLES)],
    loadComponent: () => import('./conversations-page').then((m) => m.ConversationsPage),
  },
  {
    path: ':id',
    title: 'Conversation',
    canActivate: [sessionGuard(ASKING_ROLES)],
    loadComponent: () => import('../ask/ask-page').then((m) => m.AskPage),
  },
];
