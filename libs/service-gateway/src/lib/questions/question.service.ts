import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { pseudonymize, reidentify, type EntityType, type PseudonymizationSession } from '@mileva/anonymizer';
import type { SearchResponse } from '@mileva/contracts';
import { MILEVA_CONFIG, ServiceError, type MilevaConfig } from '@mileva/runtime';
import { CorpusSearchService } from '../search/corpus-search.service';
import { PseudonymSessionStore } from './pseudonym-session.store';

/** Longest question accepted, in characters (the retrieval contract's bound). */
export const QUESTION_MAX_CHARS = 4_000;
const ID_MAX_CHARS = 200;
const CONVERSATION_ID = /^[A-Za-z0-9._:-]{1,100}$/;
/** Idle sessions are looked for at most this often. */
const SWEEP_EVERY_MS = 60_000;

export interface AskedQuestion {
  /** The question as the user typed it: it may carry personal data and never leaves the gateway. */
  readonly text: string;
  /** Who asks: the values masked in the question are only ever given back to this user. */
  readonly userId: string;
  /** Académie of the user: its corpus is searched with the national one. */
  readonly academie?: string;
  /** Conversation the question belongs to: placeholders stay the same across its messages. */
  readonly conversationId: string;
  readonly theme?: string;
  /** Date at which the rules must be in force (ISO date); today when absent. */
  readonly date?: string;
  readonly k?: number;
}

export interface PreparedQuestion {
  readonly conversationId: string;
  /** The question as it leaves the gateway: placeholders (`[PERSONNE_1]`, `[NIR_1]`…) instead of personal data. */
  readonly pseudonymizedText: string;
  /** Occurrences masked in this question, by type (no values). */
  readonly masked: Partial<Record<EntityType, number>>;
  /** What the corpora returned for the pseudonymized question. */
  readonly search: SearchResponse;
  /**
   * Puts the values of this conversation back into a text written for the asking user (the draft
   * answer). Only for texts produced in this conversation: a stored passage has placeholders of
   * its own, which are not this user's values.
   */
  reidentify(text: string): string;
}

/**
 * The question path in the gateway: the question is pseudonymized here, in this process, with the
 * conversation's session (kept in memory for the asking user only), and only the pseudonymized
 * text goes to the corpus services. Generation and analytics events will take the same
 * pseudonymized text. Log lines carry counts and identifiers, never a question's text.
 */
@Injectable()
export class QuestionService implements OnModuleDestroy {
  private readonly logger = new Logger(QuestionService.name);
  private readonly sweeper: ReturnType<typeof setInterval>;

  constructor(
    private readonly search: CorpusSearchService,
    private readonly sessions: PseudonymSessionStore,
    @Inject(MILEVA_CONFIG) config: MilevaConfig,
  ) {
    this.sweeper = setInterval(() => this.sessions.sweep(), Math.min(config.pseudonymization.idleMs, SWEEP_EVERY_MS));
    this.sweeper.unref();
  }

  async ask(question: AskedQuestion): Promise<PreparedQuestion> {
    assertQuestion(question);
    const session = this.sessions.sessionFor(question.userId, question.conversationId);
    const { text, counts } = pseudonymize(question.text, session);
    this.logger.log(`Question in conversation ${question.conversationId}: ${question.text.length} characters, masked ${describeCounts(counts)}`);
    let search: SearchResponse;
    try {
      search = await this.search.search({
        query: text,
        academie: question.academie,
        ...(question.theme ? { theme: question.theme } : {}),
        ...(question.date ? { date: question.date } : {}),
        ...(question.k ? { k: question.k } : {}),
      });
    } catch (error) {
      const code = error instanceof ServiceError ? error.code : 'INTERNAL';
      this.logger.warn(`Search for conversation ${question.conversationId} failed (${code})`);
      throw error;
    }
    this.logger.log(
      `Search for conversation ${question.conversationId}: ${search.hits.length} passages from ${search.corpora.join(', ')}` +
        `${search.degraded.length ? ` (without ${search.degraded.map((corpus) => corpus.corpus).join(', ')})` : ''}, answerable ${search.answerable}, ${search.ms} ms`,
    );
    return {
      conversationId: question.conversationId,
      pseudonymizedText: text,
      masked: counts,
      search,
      reidentify: (draft: string) => refill(draft, session),
    };
  }

  /**
   * The question pseudonymized with its conversation's session, for storage, without searching
   * (a refused question is still kept in the conversation, masked).
   */
  pseudonymize(question: AskedQuestion): string {
    assertQuestion(question);
    return pseudonymize(question.text, this.sessions.sessionFor(question.userId, question.conversationId)).text;
  }

  /**
   * Re-fills a text of `conversationId` for `userId` with the values masked in that conversation;
   * placeholders of another conversation, another user or a forgotten session stay as they are.
   */
  reidentify(userId: string, conversationId: string, text: string): string {
    const session = this.sessions.find(userId, conversationId);
    return session ? refill(text, session) : text;
  }

  /** Forgets the values masked in a conversation (the user closed or deleted it). */
  forget(userId: string, conversationId: string): void {
    this.sessions.forget(userId, conversationId);
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
    this.sessions.clear();
  }
}

function refill(text: string, session: PseudonymizationSession): string {
  return reidentify(text, session.mapping);
}

function describeCounts(counts: Partial<Record<EntityType, number>>): string {
  const parts = Object.entries(counts).map(([type, count]) => `${type} ${count}`);
  return parts.length ? parts.join(', ') : 'nothing';
}

function assertQuestion(question: AskedQuestion): void {
  const problems: string[] = [];
  if (typeof question.text !== 'string' || question.text.trim() === '') problems.push('la question est vide');
  else if (question.text.length > QUESTION_MAX_CHARS) problems.push('la question dépasse 4 000 caractères');
  if (typeof question.userId !== 'string' || question.userId.trim() === '' || question.userId.length > ID_MAX_CHARS) problems.push('l’utilisateur n’est pas identifié');
  // Written in logs: letters, digits and . _ : - only (a UUID), so it cannot carry a question's words.
  if (typeof question.conversationId !== 'string' || !CONVERSATION_ID.test(question.conversationId)) {
    problems.push('l’identifiant de conversation doit compter 1 à 100 lettres, chiffres ou signes . _ : -');
  }
  if (problems.length) {
    throw new ServiceError('BAD_REQUEST', 'Question refusée : corrigez-la puis renvoyez-la.', problems);
  }
}
