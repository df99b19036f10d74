import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { Draft } from '../../core/api.model';
import { copyToClipboard } from './clipboard';
import { draftBody, draftForClipboard, toParagraphs } from './draft-text';
import { FeedbackForm } from './feedback-form';
import { sourceId } from './sources-panel';

/** A citation link was followed: which source, and the click to cancel (focus moves within the page). */
export interface CitationSelection {
  readonly n: number;
  readonly event: Event;
}

/**
 * A finished draft: its text with numbered citation links to the sources panel, what to check, the questions to
 * ask the agent, the AI-use mention, "Copier le brouillon" and the feedback form.
 */
@Component({
  selector: 'mlv-draft-answer',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FeedbackForm],
  template: `
    @if (draft().refusal === 'excluded-use') {
      <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w">
        <p>Demande hors du champ de MILEVA : il n’évalue ni CV, ni lettre de motivation, ni personne.</p>
      </div>
    } @else if (!draft().answerable) {
      <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-2w">
        <p>Les documents disponibles ne répondent pas à cette question : le brouillon l’indique à l’agent et l’oriente vers le bon contact.</p>
      </div>
    }

    <div class="mlv-draft__text">
      <!-- Segments are written on one line: whitespace in the template would show around citations. -->
      @for (paragraph of paragraphs(); track $index) {
        <p>@for (segment of paragraph.segments; track $index) {@if (segment.kind === 'text') {{{ segment.text }}} @else {[@for (n of segment.numbers; track $index; let last = $last) {@if (cited().has(n)) {<a class="mlv-cite" [href]="'#' + sourceId(n)" [attr.aria-label]="'Source ' + n + ' : ' + cited().get(n)" (click)="cite.emit({ n, event: $event })">{{ n }}</a>} @else {{{ n }}}@if (!last) {{{ ', ' }}}}]}}</p>
      }
    </div>

    @if (draft().unsupported.length > 0) {
      <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w">
        <h4 class="fr-alert__title">À vérifier</h4>
        <p>Ces phrases ne sont pas étayées par les passages qu’elles citent :</p>
        <ul>
          @for (sentence of draft().unsupported; track $index) {
            <li>{{ sentence }}</li>
          }
        </ul>
      </div>
    }
    @if (degraded().length > 0) {
      <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w">
        <p>
          Corpus indisponible ({{ degraded().join(', ') }}) : le brouillon repose sur les autres documents. Réessayez
          plus tard pour une réponse complète.
        </p>
      </div>
    }
    @if (draft().fallback) {
      <p class="fr-text--xs fr-mb-2w">
        Le modèle de rédaction n’a pas répondu : ce brouillon a été composé directement à partir des passages cités.
      </p>
    }

    @if (followUpsToList().length > 0) {
      <h4 class="fr-h6 fr-mb-1w">Questions à poser à l’agent</h4>
      <p class="fr-text--sm fr-mb-1w">Ses réponses indiquent quelle règle s’applique à sa situation.</p>
      <ul class="fr-mb-2w">
        @for (question of followUpsToList(); track $index) {
          <li>{{ question }}</li>
        }
      </ul>
    }

    <div class="fr-highlight fr-mb-2w">
      <p class="fr-text--sm">
        <span class="fr-text--bold">Mention d’usage de l’IA</span> (reprise dans la copie) : « {{ draft().aiNotice }} »
      </p>
    </div>

    <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
      <li>
        <button type="button" class="fr-btn fr-btn--secondary" (click)="copy()">
          Copier le brouillon
        </button>
      </li>
    </ul>
    <p class="fr-text--xs fr-mb-0" role="status">{{ copyStatus() }}</p>

    @if (messageId(); as messageId) {
      <mlv-feedback-form [messageId]="messageId" />
    }
  `,
  styles: `
    .mlv-draft__text {
      overflow-wrap: anywhere;

      p {
        white-space: pre-line;
      }
    }

    .mlv-cite {
      font-weight: 700;
    }
  `,
})
export class DraftAnswer {
  readonly draft = input.required<Draft>();
  /** The stored assistant message, for feedback (absent when the gateway did not store the draft). */
  readonly messageId = input<string | undefined>(undefined);
  readonly cite = output<CitationSelection>();

  private readonly document = inject(DOCUMENT);

  protected readonly sourceId = sourceId;
  protected readonly copyStatus = signal('');
  protected readonly paragraphs = computed(() => toParagraphs(draftBody(this.draft())));
  protected readonly cited = computed(() => new Map(this.draft().citations.map((citation) => [citation.n, citation.title])));
  /** The questions to ask the agent, unless the draft's text already lists them (extractive drafts do). */
  protected readonly followUpsToList = computed(() => {
    const { answer, followUpQuestions } = this.draft();
    return followUpQuestions.every((question) => answer.includes(question)) ? [] : followUpQuestions;
  });
  protected readonly degraded = computed(() => ((this.draft() as { degraded?: { corpus: string }[] }).degraded ?? []).map((d) => d.corpus));

  protected async copy(): Promise<void> {
    const copied = await copyToClipboard(this.document, draftForClipboard(this.draft()));
    this.copyStatus.set(
      copied
        ? 'Brouillon copié, avec la mention d’usage de l’IA.'
        : 'La copie n’a pas abouti : sélectionnez le texte du brouillon puis copiez-le.',
    );
  }
}
