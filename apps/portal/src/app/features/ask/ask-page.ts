import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  ElementRef,
  inject,
  Injector,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { DOCUMENT } from '@angular/common';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { THEMES } from '@mileva/rh-taxonomy';
import { distinctUntilChanged, map, Subscription } from 'rxjs';
import { ApiError, toApiError } from '../../core/api-error';
import { AskedDraft, Conversation, Draft, QUESTION_MAX_CHARS, QuestionRequest } from '../../core/api.model';
import { ConversationsApi } from '../../core/conversations-api';
import { AskApi } from './ask-api';
import { CitationSelection, DraftAnswer } from './draft-answer';
import { PersonalDataPreview } from './personal-data-preview';
import { sourceId, SourcesPanel } from './sources-panel';

/** One question of the conversation and what came back. */
export interface Exchange {
  readonly key: number;
  readonly question: string;
  readonly state: 'streaming' | 'done' | 'failed' | 'stopped';
  /** Draft text received so far, while it streams. */
  readonly streamed: string;
  readonly draft?: AskedDraft | Draft;
  /** The stored reply text, for an assistant message kept without its draft. */
  readonly text?: string;
  readonly messageId?: string;
  readonly error?: ApiError;
}

/**
 * The question page: a new conversation (themes as entry points), or a reopened one (`/conversations/:id`).
 * Drafts stream in; their citations link to the sources panel; each draft gets its feedback form.
 */
@Component({
  selector: 'mlv-ask-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, DraftAnswer, PersonalDataPreview, SourcesPanel],
  templateUrl: './ask-page.html',
  styleUrl: './ask-page.scss',
})
export class AskPage {
  private readonly api = inject(AskApi);
  private readonly conversations = inject(ConversationsApi);
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);

  protected readonly themes = THEMES;
  protected readonly questionMax = QUESTION_MAX_CHARS;

  protected readonly question = signal('');
  protected readonly questionError = signal<string | null>(null);
  protected readonly theme = signal<string | null>(null);
  protected readonly conversationId = signal<string | null>(null);
  protected readonly title = signal<string | null>(null);
  protected readonly exchanges = signal<readonly Exchange[]>([]);
  protected readonly loading = signal(false);
  protected readonly loadError = signal<ApiError | null>(null);
  /** Text of the live region: progress of the draft, then its outcome. */
  protected readonly status = signal('');
  /** The exchange whose sources the panel shows (by default the last one with a draft). */
  private readonly selectedKey = signal<number | null>(null);

  protected readonly streaming = computed(() => this.exchanges().some((exchange) => exchange.state === 'streaming'));
  protected readonly themeLabel = computed(() => THEMES.find((theme) => theme.code === this.theme())?.label ?? null);
  protected readonly drafted = computed(() => this.exchanges().filter((exchange) => exchange.draft));
  protected readonly activeSources = computed(() => {
    const drafted = this.drafted();
    const selected = drafted.find((exchange) => exchange.key === this.selectedKey()) ?? drafted.at(-1);
    return selected ? { key: selected.key, index: this.exchanges().indexOf(selected) + 1, citations: selected.draft?.citations ?? [] } : null;
  });

  private readonly questionField = viewChild<ElementRef<HTMLTextAreaElement>>('questionField');
  private subscription: Subscription | null = null;
  private keys = 0;

  constructor() {
    this.route.paramMap
      .pipe(
        map((params) => params.get('id')),
        distinctUntilChanged(),
        takeUntilDestroyed(),
      )
      .subscribe((id) => (id ? this.open(id) : this.reset()));
    inject(DestroyRef).onDestroy(() => this.subscription?.unsubscribe());
  }

  protected chooseTheme(code: string): void {
    this.theme.update((current) => (current === code ? null : code));
  }

  protected onQuestionInput(event: Event): void {
    this.question.set((event.target as HTMLTextAreaElement).value);
    this.questionError.set(null);
  }

  /** Ctrl+Entrée (or ⌘+Entrée) sends, as in most chat tools; Entrée alone makes a new line. */
  protected onQuestionKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.send();
    }
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.send();
  }

  private send(): void {
    const text = this.question().trim();
    if (this.streaming()) return;
    if (text === '') {
      this.questionError.set('Saisissez la question de l’agent.');
      this.questionField()?.nativeElement.focus();
      return;
    }
    const key = ++this.keys;
    const conversationId = this.conversationId();
    const theme = this.theme();
    const request: QuestionRequest = {
      question: text,
      ...(conversationId ? { conversationId } : {}),
      ...(theme ? { theme } : {}),
    };
    this.exchanges.update((exchanges) => [...exchanges, { key, question: text, state: 'streaming', streamed: '' }]);
    this.setQuestion('');
    this.status.set('Rédaction du brouillon en cours…');
    this.subscription = this.api.ask(request).subscribe({
      next: (event) => {
        if (event.type === 'token') {
          this.update(key, (exchange) => ({ ...exchange, streamed: exchange.streamed + event.text }));
          return;
        }
        const draft = event.draft;
        this.conversationId.set(draft.conversationId ?? this.conversationId());
        this.update(key, (exchange) => ({ ...exchange, draft, messageId: draft.messageId }));
        this.selectedKey.set(key);
      },
      error: (error: unknown) => {
        this.update(key, (exchange) => ({ ...exchange, state: 'failed', error: toApiError(error) }));
        this.status.set('');
        this.restoreQuestion(text);
      },
      complete: () => {
        const exchange = this.exchanges().find((candidate) => candidate.key === key);
        const count = exchange?.draft?.citations.length ?? 0;
        this.update(key, (current) => ({ ...current, state: 'done' }));
        this.status.set(`Brouillon prêt : ${count === 0 ? 'aucune source citée' : count === 1 ? '1 source citée' : `${count} sources citées`}.`);
      },
    });
  }

  /** Stops the draft being written; the question goes back into the box. */
  protected stop(): void {
    const current = this.exchanges().find((exchange) => exchange.state === 'streaming');
    this.subscription?.unsubscribe();
    this.subscription = null;
    if (!current) return;
    this.update(current.key, (exchange) => ({ ...exchange, state: 'stopped' }));
    this.status.set('Rédaction arrêtée.');
    this.restoreQuestion(current.question);
  }

  protected newConversation(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    if (this.route.snapshot.paramMap.get('id')) {
      void this.router.navigate(['/']);
      return;
    }
    this.reset();
    afterNextRender(() => this.questionField()?.nativeElement.focus(), { injector: this.injector });
  }

  /** A citation link: shows that draft's sources in the panel and moves focus to the passage. */
  protected showSource(key: number, selection: CitationSelection): void {
    selection.event.preventDefault();
    this.selectedKey.set(key);
    afterNextRender(
      () => {
        const source = this.document.getElementById(sourceId(selection.n));
        source?.scrollIntoView?.({ block: 'nearest' });
        source?.focus();
      },
      { injector: this.injector },
    );
  }

  protected showSourcesOf(key: number): void {
    this.selectedKey.set(key);
  }

  private open(id: string): void {
    this.reset();
    this.loading.set(true);
    this.conversations.get(id).subscribe({
      next: (conversation) => {
        this.loading.set(false);
        this.conversationId.set(conversation.id);
        this.title.set(conversation.title);
        this.exchanges.set(this.toExchanges(conversation));
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.loadError.set(toApiError(error));
      },
    });
  }

  /** Pairs each stored question with the reply that follows it. */
  private toExchanges(conversation: Conversation): Exchange[] {
    const exchanges: Exchange[] = [];
    for (const message of conversation.messages) {
      const last = exchanges.at(-1);
      if (message.role === 'user' || !last || last.draft || last.text !== undefined) {
        exchanges.push({ key: ++this.keys, question: message.role === 'user' ? message.text : '', state: 'done', streamed: '' });
      }
      if (message.role === 'assistant') {
        const current = exchanges[exchanges.length - 1];
        exchanges[exchanges.length - 1] = {
          ...current,
          messageId: message.id,
          ...(message.draft ? { draft: message.draft } : { text: message.text }),
        };
      }
    }
    return exchanges;
  }

  private reset(): void {
    this.subscription?.unsubscribe();
    this.subscription = null;
    this.exchanges.set([]);
    this.conversationId.set(null);
    this.title.set(null);
    this.theme.set(null);
    this.setQuestion('');
    this.questionError.set(null);
    this.status.set('');
    this.loadError.set(null);
    this.selectedKey.set(null);
  }

  private restoreQuestion(text: string): void {
    if (this.question().trim() === '') this.setQuestion(text);
  }

  /**
   * Sets the question and the field's value. Written to the element as well: a `[value]` binding would skip the
   * write when no change detection ran since the last keystroke (its last bound value would still be the same).
   */
  private setQuestion(text: string): void {
    this.question.set(text);
    const field = this.questionField()?.nativeElement;
    if (field) field.value = text;
  }

  private update(key: number, change: (exchange: Exchange) => Exchange): void {
    this.exchanges.update((exchanges) => exchanges.map((exchange) => (exchange.key === key ? change(exchange) : exchange)));
  }
}
