import { ChangeDetectionStrategy, Component, computed, effect, inject, signal, untracked } from '@angular/core';
import { THEMES } from '@mileva/rh-taxonomy';
import { ApiError, toApiError } from '../../core/api-error';
import { DocumentSummary } from '../../core/api.model';
import { CorpusApi } from '../../core/corpus-api';
import { CorpusContext } from './corpus-context';
import { CorpusNav } from './corpus-nav';
import { UploadForm } from './upload-form';

const THEME_LABELS: ReadonlyMap<string, string> = new Map(THEMES.map((theme) => [theme.code, theme.label]));
const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'medium' });

const STATUS_LABELS: Readonly<Record<DocumentSummary['status'], { label: string; badge: string }>> = {
  active: { label: 'En vigueur', badge: 'fr-badge--success' },
  superseded: { label: 'Remplacé', badge: 'fr-badge--info' },
  withdrawn: { label: 'Retiré', badge: 'fr-badge--warning' },
};

export function themeLabel(code: string | null): string {
  return code ? (THEME_LABELS.get(code) ?? code) : '—';
}

/** « Du 1 sept. 2024 au 31 août 2025 », « À partir du … », « Jusqu’au … », « Sans limite ». */
export function validityLabel(document: Pick<DocumentSummary, 'validFrom' | 'validTo'>): string {
  const format = (day: string): string => {
    const date = new Date(`${day}T12:00:00`);
    return Number.isNaN(date.getTime()) ? day : DATE.format(date);
  };
  if (document.validFrom && document.validTo) return `Du ${format(document.validFrom)} au ${format(document.validTo)}`;
  if (document.validFrom) return `À partir du ${format(document.validFrom)}`;
  if (document.validTo) return `Jusqu’au ${format(document.validTo)}`;
  return 'Sans limite';
}

type RowAction = { readonly kind: 'edit' | 'replace' | 'withdraw'; readonly id: string };

/**
 * `/corpus`: the documents of the corpus with their status, version, validity, passages and theme; filters; upload of
 * new files with a progress bar; for each document in force, theme and validity edition, replacement by a new
 * version, and withdrawal after confirmation.
 */
@Component({
  selector: 'mlv-corpus-documents-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CorpusNav, UploadForm],
  template: `
    <div class="fr-container fr-my-6w">
      <h1>Documents du corpus</h1>
      <mlv-corpus-nav />

      <section class="fr-mb-6w" aria-labelledby="ajout-titre">
        <h2 class="fr-h4" id="ajout-titre">Ajouter des documents</h2>
        <mlv-corpus-upload-form [corpus]="context.requested()" (finished)="reload()" />
      </section>

      <section aria-labelledby="liste-titre">
        <h2 class="fr-h4" id="liste-titre">Documents</h2>
        <div class="mlv-filters fr-mb-2w">
          <div class="fr-input-group">
            <label class="fr-label" for="filtre-titre">Titre contient</label>
            <input class="fr-input" type="search" id="filtre-titre" [value]="query()" (input)="query.set(valueOf($event))" />
          </div>
          <div class="fr-select-group">
            <label class="fr-label" for="filtre-theme">Thème</label>
            <select class="fr-select" id="filtre-theme" (change)="themeFilter.set(valueOf($event))">
              <option value="">Tous les thèmes</option>
              <option value="-">Sans thème</option>
              @for (theme of themes; track theme.code) {
                <option [value]="theme.code">{{ theme.label }}</option>
              }
            </select>
          </div>
          <div class="fr-select-group">
            <label class="fr-label" for="filtre-statut">Statut</label>
            <select class="fr-select" id="filtre-statut" (change)="setStatusFilter(valueOf($event))">
              <option value="active">En vigueur</option>
              <option value="all">Toutes les versions (remplacées, retirées)</option>
            </select>
          </div>
        </div>

        <p class="fr-sr-only" role="status" id="documents-statut">{{ status() }}</p>
        @if (failure(); as error) {
          <div class="fr-alert fr-alert--error fr-mb-2w" role="alert">
            <h3 class="fr-alert__title">{{ failureTitle() }}</h3>
            <p>{{ error.message }}</p>
          </div>
        }

        @if (documents(); as all) {
          @if (visible().length === 0) {
            <p>{{ all.length === 0 ? 'Ce corpus ne contient encore aucun document.' : 'Aucun document ne correspond aux filtres.' }}</p>
          } @else {
            <div class="fr-table fr-table--no-caption">
              <div class="fr-table__wrapper">
                <div class="fr-table__container">
                  <div class="fr-table__content">
                    <table>
                      <caption>Documents du corpus {{ context.label() }}</caption>
                      <thead>
                        <tr>
                          <th scope="col">Titre</th>
                          <th scope="col">Statut</th>
                          <th scope="col">Version</th>
                          <th scope="col">Validité</th>
                          <th scope="col">Passages</th>
                          <th scope="col">Thème</th>
                          <th scope="col">Actions</th>
                        </tr>
                      </thead>
                      <tbody>
                        @for (document of visible(); track document.id) {
                          <tr [attr.data-document]="document.id">
                            <td>
                              {{ document.title }}
                              <span class="fr-hint-text">{{ document.kind === 'answer' ? 'Réponse approuvée' : document.sourceUri }}</span>
                            </td>
                            <td><p class="fr-badge fr-badge--sm fr-badge--no-icon" [class]="statusOf(document).badge">{{ statusOf(document).label }}</p></td>
                            <td>{{ document.version }}</td>
                            <td>{{ validity(document) }}</td>
                            <td>{{ document.chunks }}</td>
                            <td>{{ theme(document.theme) }}</td>
                            <td>
                              @if (document.status === 'active') {
                                <ul class="fr-btns-group fr-btns-group--sm fr-btns-group--inline-lg">
                                  <li>
                                    <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" [attr.aria-label]="'Modifier thème et validité de « ' + document.title + ' »'" (click)="open('edit', document)">
                                      Modifier
                                    </button>
                                  </li>
                                  @if (document.kind === 'document') {
                                    <li>
                                      <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" [attr.aria-label]="'Remplacer « ' + document.title + ' » par une nouvelle version'" (click)="open('replace', document)">
                                        Remplacer
                                      </button>
                                    </li>
                                  }
                                  <li>
                                    <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" [attr.aria-label]="'Retirer « ' + document.title + ' »'" (click)="open('withdraw', document)">
                                      Retirer
                                    </button>
                                  </li>
                                </ul>
                              }
                            </td>
                          </tr>
                          @if (action()?.id === document.id) {
                            <tr class="mlv-row-panel">
                              <td colspan="7">
                                @switch (action()?.kind) {
                                  @case ('withdraw') {
                                    <p class="fr-mb-1w" [id]="'retrait-' + document.id">
                                      Retirer « {{ document.title }} » ? Il ne sera plus proposé dans les réponses ; sa trace reste dans l’historique.
                                    </p>
                                    <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                                      <li>
                                        <button type="button" class="fr-btn fr-btn--sm" [attr.aria-describedby]="'retrait-' + document.id" [disabled]="saving()" (click)="withdraw(document)">
                                          Confirmer le retrait
                                        </button>
                                      </li>
                                      <li><button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" (click)="close()">Annuler</button></li>
                                    </ul>
                                  }
                                  @case ('edit') {
                                    <form novalidate class="mlv-edit" (submit)="save($event, document)">
                                      <div class="fr-select-group">
                                        <label class="fr-label" [for]="'theme-' + document.id">Thème</label>
                                        <select class="fr-select" [id]="'theme-' + document.id" (change)="editTheme.set(valueOf($event))">
                                          <option value="" [selected]="editTheme() === ''">Sans thème</option>
                                          @for (theme of themes; track theme.code) {
                                            <option [value]="theme.code" [selected]="theme.code === editTheme()">{{ theme.label }}</option>
                                          }
                                        </select>
                                      </div>
                                      <div class="fr-input-group">
                                        <label class="fr-label" [for]="'debut-' + document.id">En vigueur à partir du</label>
                                        <input class="fr-input" type="date" [id]="'debut-' + document.id" [value]="editFrom()" (change)="editFrom.set(valueOf($event))" />
                                      </div>
                                      <div class="fr-input-group">
                                        <label class="fr-label" [for]="'fin-' + document.id">Jusqu’au</label>
                                        <input class="fr-input" type="date" [id]="'fin-' + document.id" [value]="editTo()" (change)="editTo.set(valueOf($event))" />
                                      </div>
                                      <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                                        <li><button type="submit" class="fr-btn fr-btn--sm" [disabled]="saving()">Enregistrer</button></li>
                                        <li><button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" (click)="close()">Annuler</button></li>
                                      </ul>
                                    </form>
                                  }
                                  @case ('replace') {
                                    <mlv-corpus-upload-form [corpus]="context.requested()" [replacing]="document" (finished)="replaced()" (cancelled)="close()" />
                                  }
                                }
                              </td>
                            </tr>
                          }
                        }
                      </tbody>
                    </table>
                  </div>
                </div>
              </div>
            </div>
          }
        } @else if (!failure()) {
          <p role="status">Chargement des documents…</p>
        }
      </section>
    </div>
  `,
  styles: `
    .mlv-filters,
    .mlv-edit {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5rem;
      align-items: flex-start;

      > * {
        margin-top: 0;
      }
    }

    .mlv-row-panel td {
      background-color: var(--background-alt-grey);
    }
  `,
})
export class DocumentsPage {
  private readonly api = inject(CorpusApi);
  protected readonly context = inject(CorpusContext);

  protected readonly themes = THEMES;
  protected readonly theme = themeLabel;
  protected readonly validity = validityLabel;

  protected readonly documents = signal<readonly DocumentSummary[] | null>(null);
  protected readonly query = signal('');
  protected readonly themeFilter = signal('');
  protected readonly includeInactive = signal(false);
  protected readonly failure = signal<ApiError | null>(null);
  protected readonly failureTitle = signal('');
  protected readonly status = signal('');
  protected readonly action = signal<RowAction | null>(null);
  protected readonly saving = signal(false);
  protected readonly editTheme = signal('');
  protected readonly editFrom = signal('');
  protected readonly editTo = signal('');

  protected readonly visible = computed(() => {
    const query = this.query().trim().toLocaleLowerCase('fr');
    const theme = this.themeFilter();
    return (this.documents() ?? []).filter(
      (document) =>
        (query === '' || document.title.toLocaleLowerCase('fr').includes(query)) &&
        (theme === '' || (theme === '-' ? document.theme === null : document.theme === theme)),
    );
  });

  constructor() {
    effect(() => {
      const corpus = this.context.requested();
      const inactive = this.includeInactive();
      untracked(() => this.load(corpus, inactive));
    });
  }

  protected statusOf(document: DocumentSummary): { label: string; badge: string } {
    return STATUS_LABELS[document.status] ?? { label: document.status, badge: '' };
  }

  protected setStatusFilter(value: string): void {
    this.includeInactive.set(value === 'all');
  }

  protected reload(): void {
    this.load(this.context.requested(), this.includeInactive());
  }

  protected open(kind: RowAction['kind'], document: DocumentSummary): void {
    this.failure.set(null);
    this.editTheme.set(document.theme ?? '');
    this.editFrom.set(document.validFrom ?? '');
    this.editTo.set(document.validTo ?? '');
    this.action.set({ kind, id: document.id });
  }

  protected close(): void {
    this.action.set(null);
  }

  protected save(event: Event, document: DocumentSummary): void {
    event.preventDefault();
    if (this.editFrom() && this.editTo() && this.editTo() < this.editFrom()) {
      this.fail('Modification refusée', new ApiError(400, 'BAD_REQUEST', 'La date de fin précède la date de début : corrigez l’une des deux dates.'));
      return;
    }
    this.saving.set(true);
    const patch = { theme: this.editTheme() || null, validFrom: this.editFrom() || null, validTo: this.editTo() || null };
    this.api.update(this.context.requested(), document.id, patch).subscribe({
      next: (updated) => {
        this.saving.set(false);
        this.action.set(null);
        this.documents.update((list) => (list ?? []).map((candidate) => (candidate.id === updated.id ? updated : candidate)));
        this.status.set(`« ${updated.title} » modifié : ${themeLabel(updated.theme)}, ${validityLabel(updated).toLocaleLowerCase('fr')}.`);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.fail('Modification refusée', error);
      },
    });
  }

  protected withdraw(document: DocumentSummary): void {
    this.saving.set(true);
    this.api.withdraw(this.context.requested(), document.id).subscribe({
      next: () => {
        this.saving.set(false);
        this.action.set(null);
        this.status.set(`« ${document.title} » retiré du corpus.`);
        this.reload();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.fail('Le document n’a pas été retiré', error);
      },
    });
  }

  protected replaced(): void {
    this.status.set('Nouvelle version enregistrée.');
    this.reload();
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  private load(corpus: string | null, includeInactive: boolean): void {
    this.failure.set(null);
    this.api.documents(corpus, includeInactive).subscribe({
      next: (list) => this.documents.set(list.documents),
      error: (error: unknown) => this.fail('Les documents n’ont pas pu être chargés', error),
    });
  }

  private fail(title: string, error: unknown): void {
    this.failureTitle.set(title);
    this.failure.set(toApiError(error));
  }
}
