import { HttpException, HttpStatus, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { PseudonymizationSession, pseudonymize } from '@mileva/anonymizer';
import { ANALYTICS_NO_THEME, type ConversationDetail, type ConversationMessage, type ConversationSummary, type Draft, type FeedbackCreated, type FeedbackRequest } from '@mileva/contracts';
import type { Database } from '@mileva/persistence';
import { MILEVA_CONFIG, MILEVA_DATABASE, type MilevaConfig } from '@mileva/runtime';
import { randomUUID } from 'node:crypto';
import { concatMap, Observable } from 'rxjs';
import { AnalyticsEvents, type AnswerAnalytics } from '../analytics/analytics-events';
import { GatewaySecrets } from '../auth/gateway-secrets';
import type { RequestUser } from '../auth/user';
import { AskService, refillDraft, type AskedDraft, type PseudonymizedExchange } from '../questions/ask.service';
import { QuestionService, type AskedQuestion } from '../questions/question.service';
import { ConversationRepository, type Owner } from './conversation.repository';

/** Conversations listed at most. */
const LIST_LIMIT = 200;
const TITLE_MAX_CHARS = 80;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A question as the HTTP API receives it. */
export interface QuestionInput {
  readonly question: string;
  readonly conversationId?: string;
  readonly theme?: string;
  readonly date?: string;
}

/** What the asking user receives: tokens, then the draft with its conversation and message ids. */
export type ConversationEvent = { readonly type: 'token'; readonly text: string } | { readonly type: 'draft'; readonly draft: AskedDraft };

/**
 * The draft as stored with an assistant message: pseudonymized, with the corpora that did not
 * answer and what ties it to its analytics events (never given back to the client).
 */
type StoredDraft = Draft & { readonly degraded?: AskedDraft['degraded']; readonly analytics?: AnswerAnalytics };

/**
 * A user's conversations. Each question and its draft are stored pseudonymized (the values the
 * user typed stay in the gateway's memory only), owned by the user's académie and the keyed hash
 * of their id, and deleted MILEVA_CONVERSATION_RETENTION_DAYS after the last message. Reading a
 * conversation back re-fills its texts while its pseudonymization session is alive.
 */
@Injectable()
export class ConversationsService {
  private readonly logger = new Logger(ConversationsService.name);
  private readonly repository: ConversationRepository | undefined;

  constructor(
    private readonly asking: AskService,
    private readonly questions: QuestionService,
    private readonly secrets: GatewaySecrets,
    private readonly analytics: AnalyticsEvents,
    @Inject(MILEVA_CONFIG) private readonly config: MilevaConfig,
    @Optional() @Inject(MILEVA_DATABASE) database?: Database,
  ) {
    this.repository = database ? new ConversationRepository(database) : undefined;
  }

  /**
   * Asks a question in a new conversation or in one of the user's own (404 otherwise), then stores
   * the exchange before the draft is given, so that the draft carries its message id.
   */
  async ask(user: RequestUser, input: QuestionInput): Promise<Observable<ConversationEvent>> {
    const conversationId = input.conversationId ? await this.ownConversationId(user, input.conversationId) : randomUUID();
    const question: AskedQuestion = {
      text: input.question,
      userId: user.id,
      academie: user.academie === 'national' ? undefined : user.academie,
      conversationId,
      ...(input.theme ? { theme: input.theme } : {}),
      ...(input.date ? { date: input.date } : {}),
    };
    const askedAt = new Date();
    const analytics = this.analytics.questionAsked(user, input.question, input.theme);
    return this.asking.ask(question).pipe(
      concatMap(async (event): Promise<ConversationEvent> => {
        if (event.type === 'token') return event;
        this.analytics.answerDelivered(user, analytics, event.draft, event.draft.degraded.length > 0);
        const messageId = await this.store(user, conversationId, event.pseudonymized, askedAt, event.draft.degraded, analytics);
        return { type: 'draft', draft: { ...event.draft, ...(messageId ? { messageId } : {}) } };
      }),
    );
  }

  /** The user's conversations, most recently active first. */
  async list(user: RequestUser): Promise<ConversationSummary[]> {
    const conversations = await this.required().list(this.owner(user), LIST_LIMIT);
    return conversations.map((conversation) => ({
      id: conversation.id,
      title: this.questions.reidentify(user.id, conversation.id, conversation.title),
      createdAt: conversation.createdAt.toISOString(),
      updatedAt: conversation.updatedAt.toISOString(),
    }));
  }

  /** One of the user's conversations with its messages; 404 for anybody else's. */
  async detail(user: RequestUser, id: string): Promise<ConversationDetail> {
    const repository = this.required();
    const conversation = UUID.test(id) ? await repository.find(this.owner(user), id) : null;
    if (!conversation) throw notFound();
    const refill = (text: string): string => this.questions.reidentify(user.id, conversation.id, text);
    const messages = await repository.messages(conversation.id);
    return {
      id: conversation.id,
      title: refill(conversation.title),
      createdAt: conversation.createdAt.toISOString(),
      messages: messages.map((message): ConversationMessage => {
        const stored = message.role === 'assistant' && message.draft ? withoutAnalytics(message.draft as unknown as StoredDraft) : undefined;
        return {
          id: message.id,
          role: message.role,
          text: refill(message.content),
          ...(stored ? { draft: { ...refillDraft(stored, refill), conversationId: conversation.id, messageId: message.id, degraded: stored.degraded ?? [] } } : {}),
          createdAt: message.createdAt.toISOString(),
        };
      }),
    };
  }

  /** Deletes one of the user's conversations and forgets the values masked in it; 404 for anybody else's. */
  async remove(user: RequestUser, id: string): Promise<void> {
    const deleted = UUID.test(id) && (await this.required().delete(this.owner(user), id));
    if (!deleted) throw notFound();
    this.questions.forget(user.id, id);
  }

  /**
   * The user's feedback on an answer of one of their conversations (404 otherwise): the comment is
   * pseudonymized here before it is stored; a second feedback on the same answer replaces the first.
   */
  async giveFeedback(user: RequestUser, messageId: string, feedback: FeedbackRequest): Promise<FeedbackCreated> {
    const repository = this.required();
    const owner = this.owner(user);
    const message = UUID.test(messageId) ? await repository.findAnswer(owner, messageId) : undefined;
    if (!message) {
      throw new HttpException({ code: 'NOT_FOUND', message: 'Réponse introuvable : elle a peut-être été supprimée avec sa conversation.' }, HttpStatus.NOT_FOUND);
    }
    const comment = feedback.comment?.trim() ? pseudonymize(feedback.comment.trim(), new PseudonymizationSession()).text : null;
    const id = await repository.upsertFeedback({
      messageId: message.id,
      owner,
      useful: feedback.useful,
      reasons: feedback.reasons ?? [],
      usage: feedback.outcome ?? null,
      minutesSaved: feedback.minutesSaved ?? null,
      comment,
    });
    this.logger.log(`Feedback on message ${message.id}: useful ${feedback.useful}, ${feedback.reasons?.length ?? 0} reasons, comment ${comment ? 'given' : 'none'}`);
    // An answer stored before analytics existed is referred to by its message id.
    const analytics = (message.draft as StoredDraft | null)?.analytics ?? { answerRef: message.id, theme: ANALYTICS_NO_THEME };
    this.analytics.feedbackGiven(user, analytics, feedback);
    return { id };
  }

  /** Deletes the conversations past their retention; their feedback stays with no message. */
  async purgeExpired(now = new Date()): Promise<number> {
    if (!this.repository) return 0;
    return this.repository.deleteExpired(now);
  }

  /** Erases the comments of feedback given more than MILEVA_FEEDBACK_COMMENT_RETENTION_DAYS ago; the rest of the feedback stays. */
  async purgeFeedbackComments(now = new Date()): Promise<number> {
    if (!this.repository) return 0;
    return this.repository.eraseCommentsGivenBefore(new Date(now.getTime() - this.config.conversations.feedbackCommentRetentionMs));
  }

  private async ownConversationId(user: RequestUser, id: string): Promise<string> {
    // Without a database (tests of the question path), conversations are not stored: any identifier goes.
    if (!this.repository) return id;
    if (!UUID.test(id) || !(await this.repository.find(this.owner(user), id))) throw notFound();
    return id;
  }

  private async store(
    user: RequestUser,
    conversationId: string,
    exchange: PseudonymizedExchange,
    askedAt: Date,
    degraded: AskedDraft['degraded'],
    analytics: AnswerAnalytics,
  ): Promise<string | undefined> {
    if (!this.repository) return undefined;
    const answeredAt = new Date(Math.max(Date.now(), askedAt.getTime() + 1));
    const draft: StoredDraft = { ...exchange.draft, degraded, analytics };
    try {
      const messageId = await this.repository.storeExchange(this.owner(user), {
        conversationId,
        title: titleOf(exchange.question),
        question: exchange.question,
        askedAt,
        answer: exchange.draft.answer,
        citations: exchange.draft.citations,
        draft: draft as unknown as Record<string, unknown>,
        answeredAt,
        expiresAt: new Date(answeredAt.getTime() + this.config.conversations.retentionMs),
      });
      if (!messageId) throw notFound();
      return messageId;
    } catch (error) {
      if (error instanceof HttpException) throw error;
      // The user still gets the draft; without a message id the portal offers no feedback on it.
      this.logger.error(`Conversation ${conversationId} could not be stored (${errorCode(error)})`);
      return undefined;
    }
  }

  private owner(user: RequestUser): Owner {
    return { academie: user.academie, userHash: this.secrets.ownerHash(user.id) };
  }

  private required(): ConversationRepository {
    if (!this.repository) throw new HttpException({ code: 'UNAVAILABLE', message: 'Base de données indisponible : réessayez plus tard.' }, HttpStatus.SERVICE_UNAVAILABLE);
    return this.repository;
  }
}

/** The stored draft without what only analytics reads. */
function withoutAnalytics(stored: StoredDraft): StoredDraft {
  const { analytics: _analytics, ...draft } = stored;
  return draft;
}

/** A short title from the first question, pseudonymized: whole words, at most 80 characters. */
export function titleOf(question: string): string {
  const text = question.replace(/\s+/g, ' ').trim();
  if (text.length <= TITLE_MAX_CHARS) return text || 'Conversation';
  const cut = text.slice(0, TITLE_MAX_CHARS - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > TITLE_MAX_CHARS / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

function notFound(): HttpException {
  return new HttpException({ code: 'NOT_FOUND', message: 'Conversation introuvable : elle a peut-être été supprimée ou a expiré.' }, HttpStatus.NOT_FOUND);
}

/** A database error's class and SQLSTATE, never its message (which may quote stored values). */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return `${error instanceof Error ? error.name : 'error'}${typeof code === 'string' ? ` ${code}` : ''}`;
}
