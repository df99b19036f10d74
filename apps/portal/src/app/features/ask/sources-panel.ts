import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DraftCitation } from '../../core/api.model';
import { openableUri, validityLabel } from './draft-text';

/** Id of a source in the panel; the draft's citation links point at it. */
export function sourceId(n: number): string {
  return `source-${n}`;
}

interface SourceView {
  readonly n: number;
  readonly id: string;
  readonly title: string;
  readonly headingPath: string;
  readonly page: string | null;
  readonly validity: string | null;
  readonly local: boolean;
  readonly passage: string;
  readonly uri: string | null;
}

/** The passages a draft cites, numbered as the draft cites them. */
@Component({
  selector: 'mlv-sources-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h2 class="fr-h4" [id]="headingId">{{ heading() }}</h2>
    @if (sources().length === 0) {
      <p class="fr-text--sm">{{ emptyText() }}</p>
    } @else {
      <ol class="mlv-sources" [attr.aria-labelledby]="headingId">
        @for (source of sources(); track source.n) {
          <li class="mlv-source fr-p-2w fr-mb-2w" [id]="source.id" tabindex="-1">
            <p class="fr-text--bold fr-mb-1v">
              <span class="mlv-source__number">[{{ source.n }}]</span> {{ source.title }}
            </p>
            <p class="fr-mb-1v">
              @if (source.local) {
                <span class="fr-badge fr-badge--sm fr-badge--blue-ecume">Académie</span>
              } @else {
                <span class="fr-badge fr-badge--sm fr-badge--blue-france">National</span>
              }
            </p>
            @if (source.headingPath) {
              <p class="fr-text--xs fr-mb-1v"><span class="fr-sr-only">Section : </span>{{ source.headingPath }}</p>
            }
            @if (source.page || source.validity) {
              <p class="fr-text--xs fr-mb-1v">
                @if (source.page) {
                  <span>{{ source.page }}</span>
                }
                @if (source.page && source.validity) {
                  <span aria-hidden="true"> · </span>
                }
                @if (source.validity) {
                  <span>{{ source.validity }}</span>
                }
              </p>
            }
            <blockquote class="mlv-source__passage fr-text--sm fr-my-1w">{{ source.passage }}</blockquote>
            @if (source.uri) {
              <a
                class="fr-link fr-link--sm"
                [href]="source.uri"
                target="_blank"
                rel="noopener noreferrer"
                [title]="'Ouvrir le document « ' + source.title + ' » - nouvelle fenêtre'"
                >Ouvrir le document</a
              >
            }
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .mlv-sources {
      list-style: none;
      margin: 0;
      padding: 0;

      > li::marker {
        content: none;
      }
    }

    .mlv-source {
      border: 1px solid var(--border-default-grey);
      scroll-margin-top: 1rem;

      &:focus {
        outline: 2px solid var(--border-active-blue-france);
        outline-offset: 2px;
      }
    }

    .mlv-source__passage {
      margin-left: 0;
      padding-left: 0.75rem;
      border-left: 2px solid var(--border-default-grey);
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
  `,
})
export class SourcesPanel {
  readonly citations = input.required<readonly DraftCitation[]>();
  readonly heading = input('Sources du brouillon');
  readonly emptyText = input('Les passages cités par le brouillon s’afficheront ici.');

  protected readonly headingId = 'sources-titre';

  protected readonly sources = computed<SourceView[]>(() =>
    [...this.citations()]
      .sort((a, b) => a.n - b.n)
      .map((citation) => ({
        n: citation.n,
        id: sourceId(citation.n),
        title: citation.title,
        headingPath: (citation.headingPath ?? []).join(' › '),
        page: citation.page === null || citation.page === undefined ? null : `Page ${citation.page}`,
        validity: validityLabel(citation.validFrom ?? null, citation.validTo ?? null),
        local: citation.local,
        passage: citation.passage,
        uri: openableUri(citation.sourceUri),
      })),
  );
}
