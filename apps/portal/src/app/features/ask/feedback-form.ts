import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { ApiError, toApiError } from '../../core/api-error';
import {
  FEEDBACK_COMMENT_MAX_CHARS,
  FEEDBACK_MINUTES_MAX,
  FEEDBACK_OUTCOMES,
  FEEDBACK_REASONS,
  FeedbackOutcome,
  FeedbackReason,
} from '../../core/api.model';
import { AskApi } from './ask-api';
import { OUTCOME_LABELS, REASON_LABELS, toFeedbackRequest } from './feedback';
import { PersonalDataPreview } from './personal-data-preview';

/**
 * "Votre avis" under a draft: useful or not (with reasons), what became of it, minutes saved and a comment
 * (pseudonymized by the gateway before storage). Sending again replaces the previous feedback.
 */
@Component({
  selector: 'mlv-feedback-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PersonalDataPreview],
  template: `
    <section class="mlv-feedback fr-mt-3w fr-p-2w" [attr.aria-labelledby]="id('titre')">
      <h4 class="fr-h6 fr-mb-2w" [id]="id('titre')">Votre avis sur ce brouillon</h4>
      @if (sent()) {
        <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-2w" role="status">
          <p>Merci : votre avis a été enregistré. Il aide à améliorer les réponses de MILEVA.</p>
        </div>
        <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm" (click)="edit()">Modifier mon avis</button>
      } @else {
        <form novalidate (submit)="submit($event)">
          <fieldset
            class="fr-fieldset"
            [class.fr-fieldset--error]="errors().useful"
            [attr.aria-labelledby]="id('utile-legende') + (errors().useful ? ' ' + id('utile-erreur') : '')">
            <legend class="fr-fieldset__legend--regular fr-fieldset__legend" [id]="id('utile-legende')">
              Ce brouillon vous a-t-il été utile ?
            </legend>
            <div class="fr-fieldset__element fr-fieldset__element--inline">
              <div class="fr-radio-group">
                <input type="radio" [id]="id('utile-oui')" [name]="id('utile')" [checked]="useful() === true" (change)="setUseful(true)" />
                <label class="fr-label" [for]="id('utile-oui')">Utile</label>
              </div>
            </div>
            <div class="fr-fieldset__element fr-fieldset__element--inline">
              <div class="fr-radio-group">
                <input type="radio" [id]="id('utile-non')" [name]="id('utile')" [checked]="useful() === false" (change)="setUseful(false)" />
                <label class="fr-label" [for]="id('utile-non')">Pas utile</label>
              </div>
            </div>
            @if (errors().useful) {
              <div class="fr-messages-group" [id]="id('utile-erreur')" aria-live="assertive">
                <p class="fr-message fr-message--error">{{ errors().useful }}</p>
              </div>
            }
          </fieldset>

          @if (useful() === false) {
            <fieldset class="fr-fieldset" [attr.aria-labelledby]="id('raisons-legende')">
              <legend class="fr-fieldset__legend--regular fr-fieldset__legend" [id]="id('raisons-legende')">
                Pourquoi ?
                <span class="fr-hint-text">Plusieurs réponses possibles.</span>
              </legend>
              @for (reason of reasonChoices; track reason.value) {
                <div class="fr-fieldset__element fr-fieldset__element--inline">
                  <div class="fr-checkbox-group fr-checkbox-group--sm">
                    <input
                      type="checkbox"
                      [id]="id('raison-' + reason.value)"
                      [checked]="reasons().includes(reason.value)"
                      (change)="toggleReason(reason.value)" />
                    <label class="fr-label" [for]="id('raison-' + reason.value)">{{ reason.label }}</label>
                  </div>
                </div>
              }
            </fieldset>
          }

          @if (useful() !== null) {
            <fieldset class="fr-fieldset" [attr.aria-labelledby]="id('usage-legende')">
              <legend class="fr-fieldset__legend--regular fr-fieldset__legend" [id]="id('usage-legende')">
                Qu’avez-vous fait de cette réponse ?
                <span class="fr-hint-text">Facultatif.</span>
              </legend>
              @for (outcome of outcomeChoices; track outcome.value) {
                <div class="fr-fieldset__element fr-fieldset__element--inline">
                  <div class="fr-radio-group fr-radio-group--sm">
                    <input
                      type="radio"
                      [id]="id('usage-' + outcome.value)"
                      [name]="id('usage')"
                      [checked]="outcome.value === selectedOutcome()"
                      (change)="selectedOutcome.set(outcome.value)" />
                    <label class="fr-label" [for]="id('usage-' + outcome.value)">{{ outcome.label }}</label>
                  </div>
                </div>
              }
            </fieldset>

            <div class="fr-input-group" [class.fr-input-group--error]="errors().minutes">
              <label class="fr-label" [for]="id('minutes')">
                Temps gagné, en minutes
                <span class="fr-hint-text">Facultatif. Un nombre entier entre 0 et {{ minutesMax }}.</span>
              </label>
              <input
                class="fr-input mlv-feedback__minutes"
                [class.fr-input--error]="errors().minutes"
                type="number"
                inputmode="numeric"
                min="0"
                [max]="minutesMax"
                step="1"
                [id]="id('minutes')"
                [value]="minutes()"
                [attr.aria-describedby]="errors().minutes ? id('minutes-erreur') : null"
                (input)="minutes.set(valueOf($event))" />
              @if (errors().minutes) {
                <p class="fr-error-text" [id]="id('minutes-erreur')">{{ errors().minutes }}</p>
              }
            </div>

            <div class="fr-input-group" [class.fr-input-group--error]="errors().comment">
              <label class="fr-label" [for]="id('commentaire')">
                Commentaire
                <span class="fr-hint-text" [id]="id('commentaire-aide')">
                  Facultatif, {{ commentMax }} caractères au plus. Il est pseudonymisé avant d’être enregistré : les
                  données personnelles y sont remplacées par des repères.
                </span>
              </label>
              <textarea
                class="fr-input"
                rows="3"
                [id]="id('commentaire')"
                [attr.maxlength]="commentMax"
                [value]="comment()"
                [attr.aria-describedby]="id('commentaire-aide') + ' ' + id('commentaire-donnees')"
                (input)="comment.set(valueOf($event))"></textarea>
              @if (errors().comment) {
                <p class="fr-error-text">{{ errors().comment }}</p>
              }
              <mlv-personal-data-preview
                [text]="comment()"
                [statusId]="id('commentaire-donnees')"
                replacedWhen="avant l’enregistrement du commentaire" />
            </div>

            @if (failure(); as failure) {
              <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
                <p>Votre avis n’a pas été enregistré. {{ failure.message }}</p>
              </div>
            }

            <button type="submit" class="fr-btn fr-btn--secondary fr-btn--sm" [disabled]="sending()">
              {{ sending() ? 'Envoi en cours…' : 'Envoyer mon avis' }}
            </button>
          }
        </form>
      }
    </section>
  `,
  styles: `
    .mlv-feedback {
      border: 1px solid var(--border-default-grey);
    }

    .mlv-feedback__minutes {
      max-width: 10rem;
    }
  `,
})
export class FeedbackForm {
  /** Id of the assistant message the feedback is about. */
  readonly messageId = input.required<string>();

  private readonly api = inject(AskApi);

  protected readonly reasonChoices = FEEDBACK_REASONS.map((value) => ({ value, label: REASON_LABELS[value] }));
  protected readonly outcomeChoices = FEEDBACK_OUTCOMES.map((value) => ({ value, label: OUTCOME_LABELS[value] }));
  protected readonly minutesMax = FEEDBACK_MINUTES_MAX;
  protected readonly commentMax = FEEDBACK_COMMENT_MAX_CHARS;

  protected readonly useful = signal<boolean | null>(null);
  protected readonly reasons = signal<readonly FeedbackReason[]>([]);
  protected readonly selectedOutcome = signal<FeedbackOutcome | null>(null);
  protected readonly minutes = signal('');
  protected readonly comment = signal('');
  protected readonly submitted = signal(false);
  protected readonly sending = signal(false);
  protected readonly sent = signal(false);
  protected readonly failure = signal<ApiError | null>(null);

  private readonly check = computed(() =>
    toFeedbackRequest({
      useful: this.useful(),
      reasons: this.reasons(),
      outcome: this.selectedOutcome(),
      minutes: this.minutes(),
      comment: this.comment(),
    }),
  );
  /** Field errors, shown once the user has tried to send. */
  protected readonly errors = computed(() => {
    const check = this.check();
    return this.submitted() && !check.ok ? check.errors : {};
  });

  private readonly prefix = computed(() => `avis-${this.messageId().replace(/[^A-Za-z0-9_-]/g, '')}`);

  protected id(name: string): string {
    return `${this.prefix()}-${name}`;
  }

  protected setUseful(useful: boolean): void {
    this.useful.set(useful);
  }

  protected toggleReason(reason: FeedbackReason): void {
    this.reasons.update((reasons) => (reasons.includes(reason) ? reasons.filter((r) => r !== reason) : [...reasons, reason]));
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.submitted.set(true);
    const check = this.check();
    if (!check.ok || this.sending()) return;
    this.sending.set(true);
    this.failure.set(null);
    this.api.sendFeedback(this.messageId(), check.request).subscribe({
      next: () => {
        this.sending.set(false);
        this.sent.set(true);
      },
      error: (error: unknown) => {
        this.sending.set(false);
        this.failure.set(toApiError(error));
      },
    });
  }

  protected edit(): void {
    this.sent.set(false);
    this.submitted.set(false);
  }
}
