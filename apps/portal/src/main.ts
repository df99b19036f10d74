import { bootstrapApplication } from '@angular/platform-browser';
import { appConfig } from './app/app.config';
import { App } from './app/app';

bootstrapApplication(App, appConfig).catch((error: unknown) => {
  const root = document.querySelector('mlv-root');
  if (root) {
    root.innerHTML =
      '<p class="fr-container fr-my-6w">MILEVA n\'a pas pu démarrer. Rechargez la page ; si le problème persiste, ' +
      "signalez-le au référent MILEVA de votre académie ou de votre direction.</p>";
  }
  // Rethrown so the browser console keeps the cause for whoever investigates.
  throw error;
});
