import { PseudonymSessionStore } from './pseudonym-session.store';

describe(PseudonymSessionStore.name, () => {
  let clock: number;
  const now = (): number => clock;
  beforeEach(() => (clock = 1_000_000));

  describe('sessionFor', () => {
    it('should give the same session to the same user and conversation, and separate ones otherwise', () => {
      const store = new PseudonymSessionStore({ maxSessions: 10, idleMs: 60_000, now });
      const session = store.sessionFor('user-1', 'conv-1');
      session.placeholderFor('PERSON', 'Ombeline Castagnac');
      expect(store.sessionFor('user-1', 'conv-1')).toBe(session);
      expect(store.sessionFor('user-1', 'conv-2').mapping).toEqual({});
      expect(store.sessionFor('user-2', 'conv-1').mapping).toEqual({});
      expect(store.size).toBe(3);
    });

    it('should not confuse users and conversations whose ids run together', () => {
      const store = new PseudonymSessionStore({ maxSessions: 10, idleMs: 60_000, now });
      store.sessionFor('ab', 'c').placeholderFor('EMAIL', 'x@exemple.fr');
      expect(store.find('a', 'bc')).toBeUndefined();
    });

    it('should forget the least recently used session beyond the bound', () => {
      const store = new PseudonymSessionStore({ maxSessions: 2, idleMs: 60_000, now });
      const first = store.sessionFor('user', 'first');
      store.sessionFor('user', 'second');
      clock += 1;
      expect(store.sessionFor('user', 'first')).toBe(first);
      store.sessionFor('user', 'third');
      expect(store.size).toBe(2);
      expect(store.find('user', 'second')).toBeUndefined();
      expect(store.find('user', 'first')).toBe(first);
    });
  });

  describe('idle expiry', () => {
    it('should forget a session idle for longer than the limit, and keep one in use', () => {
      const store = new PseudonymSessionStore({ maxSessions: 10, idleMs: 60_000, now });
      const idle = store.sessionFor('user', 'idle');
      store.sessionFor('user', 'busy');
      clock += 40_000;
      store.sessionFor('user', 'busy');
      clock += 30_000;
      expect(store.find('user', 'idle')).toBeUndefined();
      expect(store.find('user', 'busy')).toBeDefined();
      expect(store.sessionFor('user', 'idle')).not.toBe(idle);
    });

    it('should not refresh a session when it is only looked up', () => {
      const store = new PseudonymSessionStore({ maxSessions: 10, idleMs: 60_000, now });
      store.sessionFor('user', 'conv');
      clock += 50_000;
      expect(store.find('user', 'conv')).toBeDefined();
      clock += 20_000;
      store.sweep();
      expect(store.size).toBe(0);
    });
  });

  it('should forget one conversation, or all of them', () => {
    const store = new PseudonymSessionStore({ maxSessions: 10, idleMs: 60_000, now });
    store.sessionFor('user', 'a');
    store.sessionFor('user', 'b');
    store.forget('user', 'a');
    expect(store.find('user', 'a')).toBeUndefined();
    store.clear();
    expect(store.size).toBe(0);
  });

  it('should forget every conversation of a user who signs out, and nobody else’s', () => {
    const store = new PseudonymSessionStore({ maxSessions: 10, idleMs: 60_000, now });
    store.sessionFor('user', 'a');
    store.sessionFor('user', 'b');
    const other = store.sessionFor('other', 'a');
    store.forgetUser('user');
    expect(store.find('user', 'a')).toBeUndefined();
    expect(store.find('user', 'b')).toBeUndefined();
    expect(store.find('other', 'a')).toBe(other);
  });

  it('should refuse a store without bounds', () => {
    expect(() => new PseudonymSessionStore({ maxSessions: 0, idleMs: 60_000 })).toThrow(RangeError);
    expect(() => new PseudonymSessionStore({ maxSessions: 5, idleMs: 0 })).toThrow(RangeError);
  });
});
