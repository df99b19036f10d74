import {
  backoffDelay,
  isRetryable,
  nextRetryDelay,
  retryAfterMs,
  type RetryTiming,
} from './retry-policy';

const TIMING: RetryTiming = {
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 30_000,
};

describe('retry policy', () => {
  describe('backoffDelay', () => {
    it('should double the delay at each retry, between half and all of it, up to the cap', () => {
      const low = { ...TIMING, random: () => 0 };
      const high = { ...TIMING, random: () => 0.999_999 };
      expect(
        [0, 1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, low)),
      ).toEqual([250, 500, 1_000, 2_000, 4_000, 4_000]);
      expect(
        [0, 1, 2, 3, 4, 5].map((retry) => backoffDelay(retry, high)),
      ).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000]);
    });
  });

  describe('retryAfterMs', () => {
    it('should read retry-after-ms, retry-after in seconds and as an HTTP date', () => {
      const now = Date.parse('2025-03-10T10:00:00Z');
      expect(retryAfterMs(new Headers({ 'retry-after-ms': '250' }), now)).toBe(
        250,
      );
      expect(retryAfterMs(new Headers({ 'retry-after': '2' }), now)).toBe(
        2_000,
      );
      expect(
        retryAfterMs(
          new Headers({ 'retry-after': 'Mon, 10 Mar 2025 10:00:05 GMT' }),
          now,
        ),
      ).toBe(5_000);
      expect(
        retryAfterMs(new Headers({ 'retry-after': 'bientôt' }), now),
      ).toBeUndefined();
      expect(retryAfterMs(undefined, now)).toBeUndefined();
    });
  });

  describe('isRetryable', () => {
    it.each([408, 409, 429, 500, 502, 503, 529])(
      'should retry HTTP %i',
      (status) => {
        expect(isRetryable({ kind: 'status', status })).toBe(true);
      },
    );

    it.each([400, 401, 403, 404, 413, 422])(
      'should not retry HTTP %i',
      (status) => {
        expect(isRetryable({ kind: 'status', status })).toBe(false);
      },
    );

    it('should retry an overloaded stream, not an invalid request reported in the stream', () => {
      expect(
        isRetryable({ kind: 'stream-error', errorType: 'overloaded_error' }),
      ).toBe(true);
      expect(
        isRetryable({
          kind: 'stream-error',
          errorType: 'invalid_request_error',
        }),
      ).toBe(false);
    });
  });

  describe('nextRetryDelay', () => {
    const rateLimited = (retryAfter: number) => ({
      kind: 'status' as const,
      status: 429,
      retryAfterMs: retryAfter,
    });

    it('should wait as long as the server asks, within the cap and the time left', () => {
      expect(nextRetryDelay(rateLimited(3_000), 0, TIMING, 60_000)).toBe(3_000);
      expect(
        nextRetryDelay(rateLimited(45_000), 0, TIMING, 60_000),
      ).toBeUndefined();
      expect(
        nextRetryDelay(rateLimited(3_000), 0, TIMING, 2_000),
      ).toBeUndefined();
    });

    it('should back off when the server does not say how long to wait', () => {
      const delay = nextRetryDelay({ kind: 'network' }, 2, TIMING, 60_000);
      expect(delay).toBeGreaterThanOrEqual(1_000);
      expect(delay).toBeLessThanOrEqual(2_000);
    });
  });
});
