import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink } from '@angular/router';

/** What a signed-in user of another role sees at `/corpus…`. */
@Component({
  selector: 'mlv-corpus-forbidden-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <div class="fr-container fr-my-6w">
      <h1>Accès réservé</h1>
      <div class="fr-alert fr-alert--warning fr-mb-4w">
        <h2 class="fr-alert__title">La gestion du corpus est réservée aux experts et aux administrateurs</h2>
        <p>
          Votre rôle ne permet pas d’ajouter, de remplacer ou de retirer des documents, ni de relire la base de réponses.
          Adressez-vous à l’expert MILEVA de votre académie pour faire évoluer le corpus.
        </p>
      </div>
      <a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" routerLink="/">Retour à l’accueil</a>
    </div>
  `,
})
export class CorpusForbiddenPage {}
