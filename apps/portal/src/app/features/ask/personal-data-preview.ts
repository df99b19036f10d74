import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { previewPersonalData } from './personal-data';

/**
 * Live preview of a text being typed, with the personal data the gateway will replace highlighted. The count
 * sits in a polite live region so screen-reader users hear when a value is found, not every keystroke.
 */
@Component({
  selector: 'mlv-personal-data-preview',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="mlv-pii">
      <p class="fr-text--sm fr-mb-1v" aria-live="polite" [id]="statusId()">
        @if (preview().count > 0) {
          <span class="fr-icon-shield-line fr-icon--sm" aria-hidden="true"></span>
          {{ preview().count }} {{ preview().count > 1 ? 'données personnelles repérées' : 'donnée personnelle repérée' }}
          ({{ preview().kinds.join(', ') }}) : {{ preview().count > 1 ? 'elles seront remplacées' : 'elle sera remplacée' }}
          par des repères {{ replacedWhen() }}.
        } @else if (hasText()) {
          Aucune donnée personnelle repérée. Relisez tout de même : un nom ou un identifiant inhabituel peut échapper au
          repérage.
        }
      </p>
      @if (preview().count > 0) {
        <p class="mlv-pii__text fr-text--sm fr-mb-0">
          @for (segment of preview().segments; track $index) {
            @if (segment.kind === 'personal') {
              <mark class="mlv-pii__mark" [title]="segment.label + ', remplacé par ' + segment.placeholder">{{ segment.text }}<span class="fr-sr-only"> ({{ segment.label }}, masqué)</span></mark>
            } @else {
              <span>{{ segment.text }}</span>
            }
          }
        </p>
      }
    </div>
  `,
  styles: `
    .mlv-pii__text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      padding: 0.5rem 0.75rem;
      border-left: 2px solid var(--border-default-blue-france);
      background: var(--background-alt-grey);
    }

    .mlv-pii__mark {
      background: var(--background-contrast-warning);
      color: var(--text-default-warning);
      font-weight: 700;
      padding: 0 0.125rem;
    }
  `,
})
export class PersonalDataPreview {
  readonly text = input.required<string>();
  /** Id of the line that counts the values found, for the field's `aria-describedby`. */
  readonly statusId = input.required<string>();
  /** End of the sentence « … remplacées par des repères … ». */
  readonly replacedWhen = input('dès que la question arrive sur le serveur MILEVA, avant toute recherche ou rédaction');

  protected readonly preview = computed(() => previewPersonalData(this.text()));
  protected readonly hasText = computed(() => this.text().trim() !== '');
}
