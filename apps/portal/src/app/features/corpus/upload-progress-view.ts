import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { describeOutcome, progressOf, summarize, UploadState } from './upload-progress';

let nextId = 0;

/**
 * An upload under way and its outcome: a progress bar (bytes sent, then files handled), announced politely to
 * screen readers, then the outcome of each file.
 */
@Component({
  selector: 'mlv-upload-progress',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let current = state();
    @if (progress(); as progress) {
      <div class="mlv-progress fr-my-2w">
        <p class="fr-text--sm fr-mb-1v" [id]="labelId">{{ progress.label }}</p>
        <progress class="mlv-progress__bar" max="100" [value]="progress.percent" [attr.aria-labelledby]="labelId">{{ progress.percent }} %</progress>
      </div>
    }
    <p class="fr-sr-only" role="status">{{ announcement() }}</p>
    @if (outcomeJob(); as job) {
      @if (job.files.length > 0) {
        <div class="fr-alert fr-alert--sm fr-my-2w" [class.fr-alert--success]="!hasFailures()" [class.fr-alert--warning]="hasFailures()">
          <p>{{ summary() }}</p>
        </div>
        <ul class="mlv-outcomes fr-text--sm">
          @for (file of job.files; track $index) {
            <li [class.mlv-outcomes__failed]="file.status === 'failed'">
              <span [class]="file.status === 'failed' ? 'fr-icon-error-line' : 'fr-icon-success-line'" aria-hidden="true"></span>
              <strong>{{ file.file }}</strong> — {{ describe(file) }}
            </li>
          }
        </ul>
      }
    }
    @if (current.phase === 'failed') {
      <div class="fr-alert fr-alert--error fr-alert--sm fr-my-2w" role="alert">
        <p>{{ current.error.message }}</p>
      </div>
    }
  `,
  styles: `
    .mlv-progress__bar {
      width: 100%;
      height: 0.75rem;
      accent-color: var(--background-action-high-blue-france);
    }

    .mlv-outcomes {
      list-style: none;
      padding-left: 0;

      > li::marker {
        content: none;
      }
    }

    .mlv-outcomes__failed {
      color: var(--text-default-error);
    }
  `,
})
export class UploadProgressView {
  readonly state = input.required<UploadState>();

  protected readonly labelId = `mlv-progression-${nextId++}`;
  protected readonly describe = describeOutcome;
  protected readonly progress = computed(() => progressOf(this.state()));
  /** The job whose files are all handled (finished, or failed after some files). */
  protected readonly outcomeJob = computed(() => {
    const state = this.state();
    return state.phase === 'finished' || state.phase === 'failed' ? (state.job ?? null) : null;
  });
  protected readonly hasFailures = computed(() => this.outcomeJob()?.files.some((file) => file.status === 'failed') ?? false);
  protected readonly summary = computed(() => {
    const job = this.outcomeJob();
    return job ? summarize(job) : '';
  });
  /** Phase changes only (not every percent), so that screen readers are not flooded. */
  protected readonly announcement = computed(() => {
    const state = this.state();
    switch (state.phase) {
      case 'sending':
        return 'Envoi des fichiers en cours.';
      case 'processing':
        return 'Fichiers reçus : traitement en cours.';
      case 'finished':
        return `Traitement terminé. ${summarize(state.job)}`;
      case 'failed':
        return `Échec : ${state.error.message}`;
      default:
        return '';
    }
  });
}
