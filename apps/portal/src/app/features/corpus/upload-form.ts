import { ChangeDetectionStrategy, Component, computed, DestroyRef, ElementRef, inject, input, output, signal, viewChild } from '@angular/core';
import { THEMES } from '@mileva/rh-taxonomy';
import { Subscription } from 'rxjs';
import { CORPUS_DOCUMENT_EXTENSIONS, CORPUS_UPLOAD_MAX_FILES, CorpusJob, DocumentSummary } from '../../core/api.model';
import { CorpusApi, UploadFields } from '../../core/corpus-api';
import { followUpload, JOB_POLL_INTERVAL, UploadState } from './upload-progress';
import { UploadProgressView } from './upload-progress-view';

let nextId = 0;

/**
 * Sends documents to the corpus: new files (one or more), or a new version of one document (`replacing`). Theme and
 * validity dates are optional (for a replacement, the document's own are kept when left empty). Shows the progress,
 * then each file's outcome.
 */
@Component({
  selector: 'mlv-corpus-upload-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UploadProgressView],
  template: `
    <form novalidate (submit)="submit($event)" [attr.aria-labelledby]="legendId">
      <fieldset class="fr-fieldset">
        <!-- The page's own heading names a new upload; a replacement says which document. -->
        <legend class="fr-fieldset__legend" [class.fr-sr-only]="!replacing()" [id]="legendId">{{ replacing() ? 'Nouvelle version de « ' + replacing()?.title + ' »' : 'Ajouter des documents' }}</legend>
        <div class="fr-fieldset__element">
          <div class="fr-upload-group" [class.fr-upload-group--error]="fileError()">
            <label class="fr-label" [for]="id + '-fichiers'">
              {{ replacing() ? 'Fichier de la nouvelle version' : 'Fichiers' }}
              <span class="fr-hint-text">
                Formats acceptés : {{ extensions }}. {{ replacing() ? 'Un seul fichier.' : 'Jusqu’à ' + maxFiles + ' fichiers à la fois.' }}
                PDF avec couche texte (les documents numérisés ne sont pas lus).
              </span>
            </label>
            <input
              #fileInput
              class="fr-upload"
              type="file"
              [id]="id + '-fichiers'"
              [attr.multiple]="replacing() ? null : ''"
              [accept]="extensions"
              [attr.aria-describedby]="fileError() ? id + '-fichiers-erreur' : null"
              (change)="pick($event)" />
            @if (fileError(); as error) {
              <p class="fr-error-text" [id]="id + '-fichiers-erreur'">{{ error }}</p>
            }
          </div>
        </div>
        <div class="fr-fieldset__element fr-fieldset__element--inline">
          <div class="fr-select-group">
            <label class="fr-label" [for]="id + '-theme'">
              Thème
              <span class="fr-hint-text">{{ replacing() ? 'Laissez vide pour garder celui du document.' : 'Laissez vide pour qu’il soit déduit du contenu.' }}</span>
            </label>
            <select class="fr-select" [id]="id + '-theme'" (change)="theme.set(valueOf($event))">
              <option value="" [selected]="theme() === ''">{{ replacing() ? 'Inchangé' : 'Déduit du contenu' }}</option>
              @for (choice of themes; track choice.code) {
                <option [value]="choice.code" [selected]="choice.code === theme()">{{ choice.label }}</option>
              }
            </select>
          </div>
        </div>
        <div class="fr-fieldset__element fr-fieldset__element--inline">
          <div class="fr-input-group">
            <label class="fr-label" [for]="id + '-debut'">En vigueur à partir du <span class="fr-hint-text">Facultatif</span></label>
            <input class="fr-input" type="date" [id]="id + '-debut'" [value]="validFrom()" (change)="validFrom.set(valueOf($event))" />
          </div>
        </div>
        <div class="fr-fieldset__element fr-fieldset__element--inline">
          <div class="fr-input-group" [class.fr-input-group--error]="datesError()">
            <label class="fr-label" [for]="id + '-fin'">Jusqu’au <span class="fr-hint-text">Facultatif</span></label>
            <input
              class="fr-input"
              type="date"
              [id]="id + '-fin'"
              [value]="validTo()"
              [attr.aria-describedby]="datesError() ? id + '-dates-erreur' : null"
              (change)="validTo.set(valueOf($event))" />
            @if (datesError(); as error) {
              <p class="fr-error-text" [id]="id + '-dates-erreur'">{{ error }}</p>
            }
          </div>
        </div>
        <div class="fr-fieldset__element">
          <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
            <li>
              <button type="submit" class="fr-btn fr-btn--icon-left fr-icon-upload-line" [disabled]="busy()">
                {{ replacing() ? 'Envoyer la nouvelle version' : 'Envoyer' }}
              </button>
            </li>
            @if (replacing()) {
              <li><button type="button" class="fr-btn fr-btn--tertiary" [disabled]="busy()" (click)="cancelled.emit()">Annuler</button></li>
            }
          </ul>
        </div>
      </fieldset>
    </form>
    <mlv-upload-progress [state]="state()" />
  `,
})
export class UploadForm {
  private readonly api = inject(CorpusApi);
  private readonly pollMs = inject(JOB_POLL_INTERVAL);

  /** The corpus named in the calls (null: the user's own). */
  readonly corpus = input<string | null>(null);
  /** The document a new version is sent for; null for new documents. */
  readonly replacing = input<DocumentSummary | null>(null);
  /** A job is over (some files may have failed): the list of documents changed. */
  readonly finished = output<CorpusJob>();
  readonly cancelled = output<void>();

  protected readonly id = `mlv-envoi-${nextId++}`;
  protected readonly legendId = `${this.id}-legende`;
  protected readonly themes = THEMES;
  protected readonly extensions = CORPUS_DOCUMENT_EXTENSIONS.join(', ');
  protected readonly maxFiles = CORPUS_UPLOAD_MAX_FILES;

  protected readonly files = signal<readonly File[]>([]);
  protected readonly theme = signal('');
  protected readonly validFrom = signal('');
  protected readonly validTo = signal('');
  protected readonly fileError = signal<string | null>(null);
  protected readonly state = signal<UploadState>({ phase: 'idle' });
  protected readonly busy = computed(() => this.state().phase === 'sending' || this.state().phase === 'processing');
  protected readonly datesError = computed(() =>
    this.validFrom() && this.validTo() && this.validTo() < this.validFrom() ? 'La date de fin précède la date de début.' : null,
  );

  private readonly fileInput = viewChild<ElementRef<HTMLInputElement>>('fileInput');
  private running: Subscription | null = null;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.running?.unsubscribe());
  }

  protected pick(event: Event): void {
    this.files.set(Array.from((event.target as HTMLInputElement).files ?? []));
    this.fileError.set(null);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const files = this.files();
    const limit = this.replacing() ? 1 : this.maxFiles;
    if (files.length === 0) {
      this.fileError.set(this.replacing() ? 'Choisissez le fichier de la nouvelle version.' : 'Choisissez au moins un fichier.');
      this.fileInput()?.nativeElement.focus();
      return;
    }
    if (files.length > limit) {
      this.fileError.set(`Au plus ${limit} fichier${limit > 1 ? 's' : ''} à la fois.`);
      this.fileInput()?.nativeElement.focus();
      return;
    }
    if (this.datesError()) return;
    const fields: UploadFields = { theme: this.theme(), validFrom: this.validFrom(), validTo: this.validTo() };
    const document = this.replacing();
    const upload = document ? this.api.replace(this.corpus(), document.id, files[0], fields) : this.api.upload(this.corpus(), files, fields);
    this.running?.unsubscribe();
    // Busy from the click on: no second submission while the first request is being prepared.
    this.state.set({ phase: 'sending', loaded: 0, total: files.reduce((sum, file) => sum + file.size, 0) });
    this.running = followUpload(upload, (id) => this.api.job(id), this.pollMs).subscribe((state) => {
      this.state.set(state);
      if (state.phase === 'finished') {
        this.finished.emit(state.job);
        this.reset();
      }
    });
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  private reset(): void {
    this.files.set([]);
    const input = this.fileInput()?.nativeElement;
    if (input) input.value = '';
  }
}
