import { computed, inject, Injectable, signal } from '@angular/core';
import { ACADEMIES, NATIONAL_CORPUS } from '@mileva/rh-taxonomy';
import { academieLabel, NATIONAL_LABEL } from '../../core/academie-names';
import { SessionStore } from '../../core/session-store';

/** The corpora an administrator may pick: the national one, then every académie by name. */
export const CORPUS_CHOICES: readonly { readonly code: string; readonly label: string }[] = [
  { code: NATIONAL_CORPUS, label: NATIONAL_LABEL },
  ...[...ACADEMIES].sort((a, b) => a.name.localeCompare(b.name, 'fr')).map((academie) => ({ code: academie.code, label: academie.name })),
];

/**
 * Which corpus the corpus pages act on. An expert always runs their own académie's (the gateway decides it from the
 * session); an administrator may pick another one, kept while they move between the corpus pages.
 */
@Injectable({ providedIn: 'root' })
export class CorpusContext {
  private readonly session = inject(SessionStore);

  /** Picked by an administrator; null: the user's own. */
  readonly chosen = signal<string | null>(null);
  readonly isAdmin = computed(() => this.session.user()?.role === 'admin');
  /** What the API calls name (`?corpus=`): null lets the gateway take the user's own. */
  readonly requested = computed(() => (this.isAdmin() ? this.chosen() : null));
  readonly current = computed(() => this.requested() ?? this.session.user()?.academie ?? null);
  readonly label = computed(() => {
    const code = this.current();
    return code ? academieLabel(code) : '';
  });
}
