import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { ApiError, toApiError } from '../../core/api-error';
import { ANSWERS_FILE_EXTENSIONS, AnswerEntry, AnswerReviewRequest, AnswersImportResult } from '../../core/api.model';
import { CorpusApi } from '../../core/corpus-api';
import { CorpusContext } from './corpus-context';
import { CorpusNav } from './corpus-nav';
import { themeLabel } from './documents-page';

type ReviewStatus = AnswerEntry['reviewStatus'];

const STATUS_CHOICES: readonly { readonly value: ReviewStatus; readonly label: string }[] = [
  { value: 'to_review', label: 'À relire' },
  { value: 'approved', label: 'Approuvées' },
  { value: 'rejected', label: 'Rejetées' },
];

/**
 * `/corpus/reponses`: the base of previous answers. Import of a CSV or JSONL file (pseudonymized by MILEVA before it
 * is stored), then the review queue: each pseudonymized question and answer is approved as it is, corrected then
 * approved, or rejected. Only approved answers are searched.
 */
@Component({
  selector: 'mlv-corpus-answers-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CorpusNav],
  template: `
    <div class="fr-container fr-my-6w">
      <h1>Base de réponses</h1>
      <mlv-corpus-nav />

      <section class="fr-mb-6w" aria-labelledby="import-titre">
        <h2 class="fr-h4" id="import-titre">Importer des réponses déjà faites</h2>
        <p>
          Fichier CSV (séparateur « ; » ou « , », colonnes <code>question</code> et <code>reponse</code>, <code>theme</code> facultative)
          ou JSONL. Les noms, numéros et adresses sont remplacés par des repères ([PERSONNE_1]…) avant tout enregistrement ; chaque
          réponse attend ensuite votre relecture.
        </p>
        <form novalidate class="mlv-import" (submit)="importFile($event)">
          <div class="fr-upload-group" [class.fr-upload-group--error]="importError()">
            <label class="fr-label" for="import-fichier">
              Fichier de réponses
              <span class="fr-hint-text">Formats acceptés : {{ extensions }}.</span>
            </label>
            <input class="fr-upload" type="file" id="import-fichier" [accept]="extensions" (change)="pick($event)" />
            @if (importError(); as error) {
              <p class="fr-error-text">{{ error }}</p>
            }
          </div>
          <button type="submit" class="fr-btn fr-btn--icon-left fr-icon-upload-line" [disabled]="importing()">Importer</button>
        </form>
        @if (importing()) {
          <p role="status">Import et anonymisation en cours…</p>
        }
        @if (imported(); as result) {
          <div class="fr-alert fr-alert--sm fr-mt-2w" [class.fr-alert--success]="result.failed.length === 0" [class.fr-alert--warning]="result.failed.length > 0" role="status">
            <p>
              {{ result.stored }} réponse{{ result.stored > 1 ? 's' : '' }} à relire{{ result.duplicates ? ', ' + result.duplicates + ' déjà présente' + (result.duplicates > 1 ? 's' : '') : '' }}{{
                result.failed.length ? ', ' + result.failed.length + ' refusée' + (result.failed.length > 1 ? 's' : '') : ''
              }}.
            </p>
            @if (result.failed.length) {
              <ul>
                @for (failure of result.failed; track $index) {
                  <li>{{ failure.message }}</li>
                }
              </ul>
            }
          </div>
        }
      </section>

      <section aria-labelledby="relecture-titre">
        <h2 class="fr-h4" id="relecture-titre">Relecture</h2>
        <div class="fr-select-group">
          <label class="fr-label" for="filtre-relecture">Afficher</label>
          <select class="fr-select" id="filtre-relecture" (change)="statusFilter.set(statusOf($event))">
            @for (choice of statusChoices; track choice.value) {
              <option [value]="choice.value" [selected]="choice.value === statusFilter()">{{ choice.label }}</option>
            }
          </select>
        </div>

        <p class="fr-sr-only" role="status">{{ status() }}</p>
        @if (failure(); as error) {
          <div class="fr-alert fr-alert--error fr-mb-2w" role="alert">
            <h3 class="fr-alert__title">{{ failureTitle() }}</h3>
            <p>{{ error.message }}</p>
          </div>
        }

        @if (answers(); as answers) {
          @if (answers.length === 0) {
            <p>{{ statusFilter() === 'to_review' ? 'Aucune réponse à relire.' : 'Aucune réponse dans cette liste.' }}</p>
          } @else {
            <ul class="mlv-answers">
              @for (entry of answers; track entry.id) {
                <li class="mlv-answer fr-p-2w fr-mb-2w" [attr.data-entry]="entry.id">
                  <p class="fr-text--xs fr-mb-1w">{{ entry.sourceRef ?? 'Import' }} · Thème : {{ theme(entry.theme) }}</p>
                  @if (editing() === entry.id) {
                    <form novalidate (submit)="approveEdited($event, entry)">
                      <div class="fr-input-group">
                        <label class="fr-label" [for]="'question-' + entry.id">Question</label>
                        <textarea class="fr-input" rows="3" [id]="'question-' + entry.id" [value]="editQuestion()" (input)="editQuestion.set(valueOf($event))"></textarea>
                      </div>
                      <div class="fr-input-group">
                        <label class="fr-label" [for]="'reponse-' + entry.id">
                          Réponse
                          <span class="fr-hint-text">Le texte corrigé est de nouveau anonymisé avant d’être enregistré.</span>
                        </label>
                        <textarea class="fr-input" rows="6" [id]="'reponse-' + entry.id" [value]="editAnswer()" (input)="editAnswer.set(valueOf($event))"></textarea>
                      </div>
                      <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                        <li><button type="submit" class="fr-btn fr-btn--sm" [disabled]="busy() === entry.id">Enregistrer et approuver</button></li>
                        <li><button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" (click)="editing.set(null)">Annuler</button></li>
                      </ul>
                    </form>
                  } @else {
                    <h3 class="fr-h6 fr-mb-1w">{{ entry.question }}</h3>
                    <p class="mlv-answer__text">{{ entry.answer }}</p>
                    <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm fr-btns-group--icon-left">
                      @if (entry.reviewStatus !== 'approved') {
                        <li>
                          <button type="button" class="fr-btn fr-btn--sm fr-btn--icon-left fr-icon-check-line" [disabled]="busy() === entry.id" (click)="review(entry, { decision: 'approve' })">
                            Approuver
                          </button>
                        </li>
                      }
                      <li>
                        <button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" [disabled]="busy() === entry.id" (click)="edit(entry)">Modifier puis approuver</button>
                      </li>
                      @if (entry.reviewStatus !== 'rejected') {
                        <li>
                          <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" [disabled]="busy() === entry.id" (click)="review(entry, { decision: 'reject' })">Rejeter</button>
                        </li>
                      }
                    </ul>
                  }
                </li>
              }
            </ul>
          }
        } @else if (!failure()) {
          <p role="status">Chargement des réponses…</p>
        }
      </section>
    </div>
  `,
  styles: `
    .mlv-import {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem 1.5rem;
      align-items: flex-end;
    }

    .mlv-answers {
      list-style: none;
      padding: 0;

      > li::marker {
        content: none;
      }
    }

    .mlv-answer {
      border: 1px solid var(--border-default-grey);
    }

    .mlv-answer__text {
      white-space: pre-line;
    }
  `,
})
export class AnswersPage {
  private readonly api = inject(CorpusApi);
  protected readonly context = inject(CorpusContext);

  protected readonly extensions = ANSWERS_FILE_EXTENSIONS.join(', ');
  protected readonly statusChoices = STATUS_CHOICES;
  protected readonly theme = themeLabel;

  protected readonly statusFilter = signal<ReviewStatus>('to_review');
  protected readonly answers = signal<readonly AnswerEntry[] | null>(null);
  protected readonly failure = signal<ApiError | null>(null);
  protected readonly failureTitle = signal('');
  protected readonly status = signal('');
  protected readonly busy = signal<string | null>(null);
  protected readonly editing = signal<string | null>(null);
  protected readonly editQuestion = signal('');
  protected readonly editAnswer = signal('');
  protected readonly file = signal<File | null>(null);
  protected readonly importing = signal(false);
  protected readonly importError = signal<string | null>(null);
  protected readonly imported = signal<AnswersImportResult | null>(null);

  constructor() {
    effect(() => {
      const corpus = this.context.requested();
      const status = this.statusFilter();
      untracked(() => this.load(corpus, status));
    });
  }

  protected pick(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
    this.importError.set(null);
  }

  protected importFile(event: Event): void {
    event.preventDefault();
    const file = this.file();
    if (!file) {
      this.importError.set('Choisissez un fichier de réponses.');
      return;
    }
    this.importing.set(true);
    this.imported.set(null);
    this.api.importAnswers(this.context.requested(), file).subscribe({
      next: (result) => {
        this.importing.set(false);
        this.imported.set(result);
        if (this.statusFilter() === 'to_review') this.load(this.context.requested(), 'to_review');
      },
      error: (error: unknown) => {
        this.importing.set(false);
        this.importError.set(toApiError(error).message);
      },
    });
  }

  protected edit(entry: AnswerEntry): void {
    this.editQuestion.set(entry.question);
    this.editAnswer.set(entry.answer);
    this.editing.set(entry.id);
  }

  protected approveEdited(event: Event, entry: AnswerEntry): void {
    event.preventDefault();
    const question = this.editQuestion().trim();
    const answer = this.editAnswer().trim();
    if (question === '' || answer === '') {
      this.fail('Relecture refusée', new ApiError(400, 'BAD_REQUEST', 'La question et la réponse ne peuvent pas être vides.'));
      return;
    }
    this.review(entry, {
      decision: 'approve',
      ...(question !== entry.question ? { question } : {}),
      ...(answer !== entry.answer ? { answer } : {}),
    });
  }

  protected review(entry: AnswerEntry, request: AnswerReviewRequest): void {
    this.busy.set(entry.id);
    this.failure.set(null);
    this.api.review(this.context.requested(), entry.id, request).subscribe({
      next: (reviewed) => {
        this.busy.set(null);
        this.editing.set(null);
        // The entry leaves a list of another status; it is updated in its own list.
        this.answers.update((list) =>
          (list ?? []).flatMap((candidate) => (candidate.id !== reviewed.id ? [candidate] : reviewed.reviewStatus === this.statusFilter() ? [reviewed] : [])),
        );
        this.status.set(reviewed.reviewStatus === 'approved' ? 'Réponse approuvée : elle est désormais proposée dans les recherches.' : 'Réponse rejetée.');
      },
      error: (error: unknown) => {
        this.busy.set(null);
        this.fail('La relecture n’a pas été enregistrée', error);
      },
    });
  }

  protected statusOf(event: Event): ReviewStatus {
    const value = (event.target as HTMLSelectElement).value;
    return STATUS_CHOICES.find((choice) => choice.value === value)?.value ?? 'to_review';
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLTextAreaElement).value;
  }

  private load(corpus: string | null, status: ReviewStatus): void {
    this.failure.set(null);
    this.answers.set(null);
    this.api.answers(corpus, status).subscribe({
      next: (list) => this.answers.set(list.answers),
      error: (error: unknown) => this.fail('Les réponses n’ont pas pu être chargées', error),
    });
  }

  private fail(title: string, error: unknown): void {
    this.failureTitle.set(title);
    this.failure.set(toApiError(error));
  }
}
