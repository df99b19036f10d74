import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { CORPUS_CHOICES, CorpusContext } from './corpus-context';

/** The corpus pages' own navigation, and for an administrator the corpus they act on. */
@Component({
  selector: 'mlv-corpus-nav',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, RouterLinkActive],
  template: `
    <nav class="mlv-corpus-nav fr-mb-4w" aria-label="Gestion du corpus">
      <ul class="fr-tags-group">
        @for (link of links; track link.path) {
          <li>
            <a
              class="fr-tag"
              [routerLink]="link.path"
              routerLinkActive="mlv-corpus-nav--active"
              #active="routerLinkActive"
              [routerLinkActiveOptions]="{ exact: true }"
              [attr.aria-current]="active.isActive ? 'page' : null">
              {{ link.label }}
            </a>
          </li>
        }
      </ul>
      @if (context.isAdmin()) {
        <div class="fr-select-group fr-mb-0">
          <label class="fr-label" for="corpus-choisi">Corpus géré</label>
          <select class="fr-select" id="corpus-choisi" (change)="choose($event)">
            <option value="" [selected]="context.chosen() === null">Celui de mon académie</option>
            @for (choice of choices; track choice.code) {
              <option [value]="choice.code" [selected]="choice.code === context.chosen()">{{ choice.label }}</option>
            }
          </select>
        </div>
      } @else {
        <p class="fr-text--sm fr-mb-0">Corpus géré : <strong>{{ context.label() }}</strong></p>
      }
    </nav>
  `,
  styles: `
    .mlv-corpus-nav {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      justify-content: space-between;
      gap: 1rem;
    }

    .mlv-corpus-nav--active {
      background-color: var(--background-action-high-blue-france);
      color: var(--text-inverted-blue-france);
    }
  `,
})
export class CorpusNav {
  protected readonly context = inject(CorpusContext);
  protected readonly choices = CORPUS_CHOICES;
  protected readonly links = [
    { path: '/corpus', label: 'Documents' },
    { path: '/corpus/reponses', label: 'Base de réponses' },
    { path: '/corpus/parametres', label: 'Consignes et contact' },
  ];

  protected choose(event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    this.context.chosen.set(value === '' ? null : value);
  }
}
