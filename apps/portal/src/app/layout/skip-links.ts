import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';

export interface SkipLink {
  readonly label: string;
  /** Id of the element to move focus to. */
  readonly targetId: string;
}

/**
 * DSFR "Accès rapide" links, in plain DSFR markup: ngx-dsfr's skiplinks route fragments relative to the root
 * route, which would send the user back to the home page. Here focus moves to the target on the current page.
 */
@Component({
  selector: 'mlv-skip-links',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="fr-skiplinks">
      <nav class="fr-container" role="navigation" aria-label="Accès rapide">
        <ul class="fr-skiplinks__list">
          @for (link of links(); track link.targetId) {
            <li>
              <a class="fr-link" [href]="'#' + link.targetId" (click)="moveFocus($event, link.targetId)">{{
                link.label
              }}</a>
            </li>
          }
        </ul>
      </nav>
    </div>
  `,
})
export class SkipLinks {
  readonly links = input.required<readonly SkipLink[]>();

  private readonly document = inject(DOCUMENT);

  protected moveFocus(event: Event, targetId: string): void {
    const target = this.document.getElementById(targetId);
    if (!target) {
      return;
    }
    event.preventDefault();
    if (!target.hasAttribute('tabindex')) {
      target.setAttribute('tabindex', '-1');
    }
    target.focus();
  }
}
