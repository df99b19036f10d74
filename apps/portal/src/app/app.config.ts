import { provideHttpClient, withInterceptors, withXhr } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, TitleStrategy, withInMemoryScrolling } from '@angular/router';
import { appRoutes } from './app.routes';
import { PageTitleStrategy } from './core/page-title-strategy';
import { unauthenticatedInterceptor } from './core/session.guard';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(appRoutes, withInMemoryScrolling({ scrollPositionRestoration: 'top' })),
    { provide: TitleStrategy, useClass: PageTitleStrategy },
    // XMLHttpRequest rather than fetch: only it reports the bytes sent of an upload (the corpus page's progress bar);
    // the drafts' event stream is read with fetch by AskApi itself.
    provideHttpClient(withXhr(), withInterceptors([unauthenticatedInterceptor])),
  ],
};
