import { analyticsEventSubject, ANALYTICS_EVENT_TYPES, type AnalyticsEvent } from '../analytics';
import { AggregatesQuerySchema, AggregatesRequestSchema, AnalyticsEventSchema } from './analytics.schema';

const HASH = 'a'.repeat(64);
const REF = '3f0c6a52-77a4-4a43-9a39-0d8e1f3b2c11';

function asked(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    v: 1,
    eventId: '7c1e3b0a-1d2f-4c5e-8a9b-0c1d2e3f4a5b',
    type: 'question.asked',
    occurredAt: '2026-03-02T09:30:00.000Z',
    academie: 'lyon',
    theme: 'conges-maladie',
    userHash: HASH,
    answerRef: REF,
    themeChosen: false,
    ...overrides,
  };
}

describe('AnalyticsEventSchema', () => {
  it('should accept an event made of codes, counters and a keyed hash', () => {
    const event = AnalyticsEventSchema.parse(asked()) satisfies AnalyticsEvent;
    expect(event).toMatchObject({ type: 'question.asked', academie: 'lyon', theme: 'conges-maladie' });
  });

  it('should refuse an event carrying a field outside the contract, such as the question text', () => {
    expect(AnalyticsEventSchema.safeParse(asked({ question: 'Quelle est la durée du congé ?' })).success).toBe(false);
    expect(AnalyticsEventSchema.safeParse(asked({ userId: 'dev:gestionnaire@lyon' })).success).toBe(false);
  });

  it('should refuse a user identifier in clear in place of the keyed hash, and free text in place of a code', () => {
    expect(AnalyticsEventSchema.safeParse(asked({ userHash: 'jeanne.martin@ac-lyon.fr' })).success).toBe(false);
    expect(AnalyticsEventSchema.safeParse(asked({ theme: 'Mon collègue M. Dupont est malade' })).success).toBe(false);
    expect(AnalyticsEventSchema.safeParse(asked({ academie: 'Rectorat de Lyon' })).success).toBe(false);
    expect(
      AnalyticsEventSchema.safeParse({ ...asked(), type: 'feedback.given', themeChosen: undefined, useful: false, reasons: ['texte libre'], outcome: null, commented: true }).success,
    ).toBe(false);
  });

  it('should publish each type on its own subject under mileva.events', () => {
    expect(ANALYTICS_EVENT_TYPES.map(analyticsEventSubject)).toContain('mileva.events.answer.delivered');
    expect(new Set(ANALYTICS_EVENT_TYPES.map(analyticsEventSubject)).size).toBe(ANALYTICS_EVENT_TYPES.length);
  });
});

describe('AggregatesRequestSchema', () => {
  it('should refuse a day-by-day request over more than a year, and a period ending before it starts', () => {
    const request = { v: 1, granularity: 'day', from: '2025-01-01', to: '2026-06-01', by: [] };
    expect(AggregatesRequestSchema.safeParse(request).success).toBe(false);
    expect(AggregatesRequestSchema.safeParse({ ...request, granularity: 'month' }).success).toBe(true);
    expect(AggregatesRequestSchema.safeParse({ ...request, granularity: 'month', to: '2024-12-31' }).success).toBe(false);
  });
});

describe('AggregatesQuerySchema', () => {
  it('should read the breakdowns from a comma-separated list and default to weeks in JSON', () => {
    expect(AggregatesQuerySchema.parse({ from: '2026-01-01', to: '2026-03-31', by: 'academie, theme' })).toEqual({
      granularity: 'week',
      from: '2026-01-01',
      to: '2026-03-31',
      by: ['academie', 'theme'],
      format: 'json',
    });
    expect(AggregatesQuerySchema.safeParse({ from: '2026-01-01', to: '2026-03-31', by: 'user' }).success).toBe(false);
    expect(AggregatesQuerySchema.safeParse({ from: '2026-01-01', to: '2026-03-31', userHash: HASH }).success).toBe(false);
  });
});
