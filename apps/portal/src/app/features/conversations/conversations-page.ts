import { DOCUMENT } from '@angular/common';
import { afterNextRender, ChangeDetectionStrategy, Component, ElementRef, inject, Injector, signal, viewChildren } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ApiError, toApiError } from '../../core/api-error';
import { ConversationSummary } from '../../core/api.model';
import { ConversationsApi } from '../../core/conversations-api';

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short' });

export function formatWhen(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE_TIME.format(date);
}

/** `/conversations`: the user's conversations, newest first, to reopen or delete (after confirmation). */
@Component({
  selector: 'mlv-conversations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <div class="fr-container fr-my-6w">
      <div class="mlv-conversations__top fr-mb-2w">
        <h1 class="fr-mb-0">Mes conversations</h1>
        <a class="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-add-line" routerLink="/">Nouvelle conversation</a>
      </div>
      <p>
        Rouvrez une conversation pour relire ses brouillons ou la poursuivre. Les conversations sont effacées
        automatiquement au terme de leur durée de conservation. Les données personnelles y sont gardées sous forme de
        repères ([PERSONNE_1]…) : elles ne sont rétablies que tant que l’échange est récent.
      </p>

      <p class="fr-sr-only" role="status">{{ status() }}</p>

      @if (failure(); as error) {
        <div class="fr-alert fr-alert--error fr-mb-4w" role="alert">
          <h2 class="fr-alert__title">{{ failureTitle() }}</h2>
          <p>{{ error.message }}</p>
        </div>
      }

      @if (conversations(); as conversations) {
        @if (conversations.length === 0) {
          <p>Vous n’avez pas encore de conversation. <a class="fr-link" routerLink="/">Posez une première question</a>.</p>
        } @else {
          <ul class="mlv-conversations">
            @for (conversation of conversations; track conversation.id) {
              <li class="mlv-conversation fr-py-2w">
                <div class="mlv-conversation__main">
                  <h2 class="fr-h6 fr-mb-1v">
                    <a [routerLink]="['/conversations', conversation.id]">{{ conversation.title || 'Conversation sans titre' }}</a>
                  </h2>
                  <p class="fr-text--xs fr-mb-0">
                    Mise à jour le <time [attr.datetime]="conversation.updatedAt">{{ formatWhen(conversation.updatedAt) }}</time>
                  </p>
                </div>
                <div class="mlv-conversation__actions">
                  @if (confirming() === conversation.id) {
                    <p class="fr-text--sm fr-mb-1w" [id]="'confirmation-' + conversation.id">
                      Supprimer définitivement cette conversation ?
                    </p>
                    <ul class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                      <li>
                        <button
                          #confirmButton
                          type="button"
                          class="fr-btn fr-btn--sm"
                          [attr.aria-describedby]="'confirmation-' + conversation.id"
                          [disabled]="deleting() === conversation.id"
                          (click)="remove(conversation)">
                          Confirmer la suppression
                        </button>
                      </li>
                      <li>
                        <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" (click)="cancel(conversation)">Annuler</button>
                      </li>
                    </ul>
                  } @else {
                    <button
                      type="button"
                      class="fr-btn fr-btn--sm fr-btn--tertiary fr-btn--icon-left fr-icon-delete-bin-line"
                      [id]="'supprimer-' + conversation.id"
                      [attr.aria-label]="'Supprimer la conversation « ' + (conversation.title || 'sans titre') + ' »'"
                      (click)="confirm(conversation)">
                      Supprimer
                    </button>
                  }
                </div>
              </li>
            }
          </ul>
        }
      } @else if (!failure()) {
        <p role="status">Chargement de vos conversations…</p>
      }
    </div>
  `,
  styles: `
    .mlv-conversations__top,
    .mlv-conversation {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 1rem;
    }

    .mlv-conversations {
      list-style: none;
      margin: 0;
      padding: 0;

      > li::marker {
        content: none;
      }
    }

    .mlv-conversation {
      border-bottom: 1px solid var(--border-default-grey);
    }

    .mlv-conversation__main {
      flex: 1 1 20rem;
      min-width: 0;
      overflow-wrap: anywhere;
    }
  `,
})
export class ConversationsPage {
  private readonly api = inject(ConversationsApi);
  private readonly injector = inject(Injector);
  private readonly document = inject(DOCUMENT);

  protected readonly formatWhen = formatWhen;
  protected readonly conversations = signal<readonly ConversationSummary[] | null>(null);
  protected readonly failure = signal<ApiError | null>(null);
  protected readonly failureTitle = signal('');
  protected readonly confirming = signal<string | null>(null);
  protected readonly deleting = signal<string | null>(null);
  protected readonly status = signal('');

  private readonly confirmButtons = viewChildren<ElementRef<HTMLButtonElement>>('confirmButton');

  constructor() {
    this.api.list().subscribe({
      next: (conversations) => this.conversations.set(conversations),
      error: (error: unknown) => this.fail('Vos conversations n’ont pas pu être chargées', error),
    });
  }

  protected confirm(conversation: ConversationSummary): void {
    this.confirming.set(conversation.id);
    afterNextRender(() => this.confirmButtons()[0]?.nativeElement.focus(), { injector: this.injector });
  }

  protected cancel(conversation: ConversationSummary): void {
    this.confirming.set(null);
    this.focusAfterRender(`supprimer-${conversation.id}`);
  }

  protected remove(conversation: ConversationSummary): void {
    this.deleting.set(conversation.id);
    this.failure.set(null);
    this.api.delete(conversation.id).subscribe({
      next: () => {
        this.deleting.set(null);
        this.confirming.set(null);
        this.conversations.update((list) => (list ?? []).filter((candidate) => candidate.id !== conversation.id));
        this.status.set(`Conversation « ${conversation.title || 'sans titre'} » supprimée.`);
        this.focusAfterRender(null);
      },
      error: (error: unknown) => {
        this.deleting.set(null);
        this.fail('La conversation n’a pas été supprimée', error);
      },
    });
  }

  private fail(title: string, error: unknown): void {
    this.failureTitle.set(title);
    this.failure.set(toApiError(error));
  }

  /** Keeps keyboard users in place: back on the row's button, or on the page heading once the row is gone. */
  private focusAfterRender(id: string | null): void {
    afterNextRender(
      () => {
        const target = id ? this.document.getElementById(id) : this.document.querySelector<HTMLElement>('main h1');
        if (target && !id) target.setAttribute('tabindex', '-1');
        target?.focus();
      },
      { injector: this.injector },
    );
  }
}
