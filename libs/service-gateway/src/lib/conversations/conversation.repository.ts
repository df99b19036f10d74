import { ConversationEntity, FeedbackEntity, MessageEntity, type Database } from '@mileva/persistence';
import { LessThanOrEqual } from 'typeorm';

/** Whose a conversation is: an académie and the keyed hash of a user id. Every read and write is scoped by it. */
export interface Owner {
  readonly academie: string;
  readonly userHash: string;
}

/** An exchange to store: the question and the answer, both pseudonymized. */
export interface StoredExchange {
  readonly conversationId: string;
  /** Title of a new conversation (ignored when it exists). */
  readonly title: string;
  readonly question: string;
  readonly askedAt: Date;
  readonly answer: string;
  readonly citations: readonly unknown[];
  readonly draft: Record<string, unknown>;
  readonly answeredAt: Date;
  readonly expiresAt: Date;
}

export interface FeedbackRow {
  readonly messageId: string;
  readonly owner: Owner;
  readonly useful: boolean;
  readonly reasons: readonly string[];
  readonly usage: string | null;
  readonly minutesSaved: number | null;
  readonly comment: string | null;
}

/** The conversations, messages and feedback tables, always read and written for one owner. */
export class ConversationRepository {
  constructor(private readonly database: Database) {}

  /** The owner's conversation, or undefined (another user's or académie's is never found). */
  find(owner: Owner, id: string): Promise<ConversationEntity | null> {
    return this.database.dataSource.getRepository(ConversationEntity).findOne({ where: { id, academie: owner.academie, userHash: owner.userHash } });
  }

  /** The owner's conversations, most recently active first. */
  list(owner: Owner, limit: number): Promise<ConversationEntity[]> {
    return this.database.dataSource.getRepository(ConversationEntity).find({
      where: { academie: owner.academie, userHash: owner.userHash },
      order: { updatedAt: 'DESC', createdAt: 'DESC' },
      take: limit,
    });
  }

  messages(conversationId: string): Promise<MessageEntity[]> {
    return this.database.dataSource.getRepository(MessageEntity).find({ where: { conversationId }, order: { createdAt: 'ASC', role: 'DESC' } });
  }

  /**
   * Stores a question and its answer, creating the conversation on its first exchange and pushing
   * back its expiry. Returns the answer's message id, or undefined when the conversation exists
   * but is not the owner's.
   */
  async storeExchange(owner: Owner, exchange: StoredExchange): Promise<string | undefined> {
    return this.database.dataSource.transaction(async (manager) => {
      const conversations = manager.getRepository(ConversationEntity);
      const existing = await conversations.findOne({ where: { id: exchange.conversationId }, lock: { mode: 'pessimistic_write' } });
      if (!existing) {
        await conversations.insert({
          id: exchange.conversationId,
          academie: owner.academie,
          userHash: owner.userHash,
          title: exchange.title,
          createdAt: exchange.askedAt,
          updatedAt: exchange.answeredAt,
          expiresAt: exchange.expiresAt,
        });
      } else if (existing.academie !== owner.academie || existing.userHash !== owner.userHash) {
        return undefined;
      } else {
        await conversations.update({ id: existing.id }, { updatedAt: exchange.answeredAt, expiresAt: exchange.expiresAt });
      }
      const messages = manager.getRepository(MessageEntity);
      await messages.insert({ conversationId: exchange.conversationId, role: 'user', content: exchange.question, citations: [], draft: null, createdAt: exchange.askedAt });
      const answer = await messages.save({
        conversationId: exchange.conversationId,
        role: 'assistant',
        content: exchange.answer,
        citations: [...exchange.citations],
        draft: exchange.draft,
        createdAt: exchange.answeredAt,
      });
      return answer.id;
    });
  }

  /** Deletes the owner's conversation with its messages (their feedback stays, detached); false when not found. */
  async delete(owner: Owner, id: string): Promise<boolean> {
    const result = await this.database.dataSource.getRepository(ConversationEntity).delete({ id, academie: owner.academie, userHash: owner.userHash });
    return (result.affected ?? 0) > 0;
  }

  /** Deletes the conversations expired at `now`; returns how many. */
  async deleteExpired(now: Date): Promise<number> {
    const result = await this.database.dataSource.getRepository(ConversationEntity).delete({ expiresAt: LessThanOrEqual(now) });
    return result.affected ?? 0;
  }

  /** Erases the comments of feedback given at or before `before`; returns how many. */
  async eraseCommentsGivenBefore(before: Date): Promise<number> {
    const result = await this.database.dataSource
      .createQueryBuilder()
      .update(FeedbackEntity)
      .set({ comment: null })
      .where('comment IS NOT NULL')
      .andWhere('created_at <= :before', { before })
      .execute();
    return result.affected ?? 0;
  }

  /** The owner's assistant message, or undefined. */
  async findAnswer(owner: Owner, messageId: string): Promise<MessageEntity | undefined> {
    const message = await this.database.dataSource
      .getRepository(MessageEntity)
      .createQueryBuilder('message')
      .innerJoin('message.conversation', 'conversation')
      .where('message.id = :messageId', { messageId })
      .andWhere(`message.role = 'assistant'`)
      .andWhere('conversation.academie = :academie', { academie: owner.academie })
      .andWhere('conversation.userHash = :userHash', { userHash: owner.userHash })
      .getOne();
    return message ?? undefined;
  }

  /** Stores the owner's feedback on a message, replacing theirs if they already gave one; returns its id. */
  async upsertFeedback(row: FeedbackRow): Promise<string> {
    const result = await this.database.dataSource
      .createQueryBuilder()
      .insert()
      .into(FeedbackEntity)
      .values({
        messageId: row.messageId,
        academie: row.owner.academie,
        userHash: row.owner.userHash,
        useful: row.useful,
        reasons: [...row.reasons],
        usage: row.usage,
        minutesSaved: row.minutesSaved,
        comment: row.comment,
      })
      .orUpdate(['useful', 'reasons', 'usage', 'minutes_saved', 'comment'], ['message_id', 'user_hash'])
      .returning(['id'])
      .execute();
    return String((result.raw as { id: string }[])[0].id);
  }
}
