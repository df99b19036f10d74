import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { ConversationsService } from './conversations.service';

/** How often expired conversations and feedback comments are looked for. */
export const PURGE_EVERY_MS = 60 * 60_000;

/**
 * Deletes the conversations past their retention (MILEVA_CONVERSATION_RETENTION_DAYS) and erases
 * the feedback comments past theirs (MILEVA_FEEDBACK_COMMENT_RETENTION_DAYS), at start-up, then
 * every hour. Feedback itself and the analytics facts stay. Several gateway instances may purge at
 * once: both are idempotent.
 */
@Injectable()
export class ConversationPurger implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ConversationPurger.name);
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<void> | undefined;

  constructor(private readonly conversations: ConversationsService) {}

  onApplicationBootstrap(): void {
    void this.purge();
    this.timer = setInterval(() => void this.purge(), PURGE_EVERY_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    // Let a purge in progress finish before the database closes.
    await this.running;
  }

  /** One purge; failures are logged and retried at the next round. */
  purge(): Promise<void> {
    this.running ??= (async () => {
      const conversations = await this.conversations.purgeExpired();
      const comments = await this.conversations.purgeFeedbackComments();
      if (conversations > 0 || comments > 0) this.logger.log(`Purged ${conversations} expired conversations and ${comments} feedback comments`);
    })()
      .catch((error: unknown) => this.logger.warn(`Purge of expired conversations failed (${error instanceof Error ? error.name : 'error'}); next attempt in an hour`))
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
