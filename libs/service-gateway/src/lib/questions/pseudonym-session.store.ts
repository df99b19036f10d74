import { PseudonymizationSession } from '@mileva/anonymizer';

export interface PseudonymSessionStoreOptions {
  /** Most sessions held at once; beyond it the least recently used one is forgotten. */
  readonly maxSessions: number;
  /** A session unused for this long (ms) is forgotten. */
  readonly idleMs: number;
  /** Clock, in ms (tests pass their own). */
  readonly now?: () => number;
}

interface Entry {
  readonly userId: string;
  readonly session: PseudonymizationSession;
  lastUsed: number;
}

/**
 * The pseudonymization sessions of the conversations in progress, in the gateway's memory only:
 * one per (user, conversation), so a user never reaches the placeholders of another user's
 * conversation, nor of another of their own conversations. Bounded in number (least recently used
 * first out) and forgotten after an idle time; nothing here is ever persisted, logged or sent.
 */
export class PseudonymSessionStore {
  /** Insertion order is use order: every use moves the entry to the end. */
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(private readonly options: PseudonymSessionStoreOptions) {
    if (!(options.maxSessions >= 1) || !(options.idleMs > 0)) {
      throw new RangeError('PseudonymSessionStore needs maxSessions ≥ 1 and idleMs > 0');
    }
    this.now = options.now ?? Date.now;
  }

  /** The session of `conversationId` for `userId`, a new one on first use or after it was forgotten. */
  sessionFor(userId: string, conversationId: string): PseudonymizationSession {
    this.sweep();
    const key = sessionKey(userId, conversationId);
    const entry = this.entries.get(key) ?? { userId, session: new PseudonymizationSession(), lastUsed: 0 };
    this.entries.delete(key);
    entry.lastUsed = this.now();
    this.entries.set(key, entry);
    while (this.entries.size > this.options.maxSessions) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
    return entry.session;
  }

  /** The live session of `conversationId` for `userId`, without creating or refreshing one. */
  find(userId: string, conversationId: string): PseudonymizationSession | undefined {
    this.sweep();
    return this.entries.get(sessionKey(userId, conversationId))?.session;
  }

  /** Forgets a conversation's session (the user closed or deleted it). */
  forget(userId: string, conversationId: string): void {
    this.entries.delete(sessionKey(userId, conversationId));
  }

  /** Forgets every conversation's session of a user (they signed out). */
  forgetUser(userId: string): void {
    for (const [key, entry] of this.entries) {
      if (entry.userId === userId) this.entries.delete(key);
    }
  }

  /** Forgets the sessions idle for longer than the limit. */
  sweep(): void {
    const limit = this.now() - this.options.idleMs;
    for (const [key, entry] of this.entries) {
      if (entry.lastUsed > limit) break;
      this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

function sessionKey(userId: string, conversationId: string): string {
  return JSON.stringify([userId, conversationId]);
}
