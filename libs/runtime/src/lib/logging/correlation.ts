import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What travels with a request through every service: its correlation id. */
export interface RequestScope {
  readonly correlationId: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs `fn` with `correlationId` as the current correlation id. */
export function runWithCorrelationId<T>(correlationId: string, fn: () => T): T {
  return storage.run({ correlationId }, fn);
}

/** The correlation id of the request being handled, if any. */
export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

/** Accepts an incoming correlation id when it looks sane, otherwise makes a new one. */
export function acceptCorrelationId(candidate: unknown): string {
  return typeof candidate === 'string' && /^[A-Za-z0-9._:-]{8,100}$/.test(candidate) ? candidate : randomUUID();
}
