import {
  ANALYTICS_ALL as ALL,
  Subjects,
  type AggregateCell,
  type AggregatesRequest,
  type AggregatesResponse,
  type AnalyticsEvent,
  type AnswerDeliveredEvent,
} from '@mileva/contracts';
import { openDatabase, type Database } from '@mileva/persistence';
import { startServiceHarness, type ServiceHarness } from '@mileva/runtime/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalyticsModule } from '../analytics.module';
import { FactStore } from '../facts/fact-store';
import { exchange, feedbackOn, userHash, type Asked } from '../testing/events';

jest.setTimeout(120_000);

/** Monday 2 March 2026, 10:00 in Paris, plus `days` and `hours`. */
function at(days: number, hours = 0): string {
  return new Date(Date.parse('2026-03-02T09:00:00Z') + days * 86_400_000 + hours * 3_600_000).toISOString();
}

type Ask = (asked: Asked) => AnswerDeliveredEvent;

function recorder(): { events: AnalyticsEvent[]; ask: Ask; group: (prefix: string, first: number, count: number, academie: string, theme: string, days: readonly number[], extra?: Partial<Asked>) => void } {
  const events: AnalyticsEvent[] = [];
  const ask: Ask = (asked) => {
    const { question, answer } = exchange(asked);
    events.push(question, answer);
    return answer;
  };
  const group = (prefix: string, first: number, count: number, academie: string, theme: string, days: readonly number[], extra: Partial<Asked> = {}) => {
    for (let n = first; n < first + count; n++) ask({ user: `${prefix}-${n}`, academie, theme, at: at(days[(n - first) % days.length]), ...extra });
  };
  return { events, ask, group };
}

/**
 * The week of 2 March 2026 (Monday), each group of users spread over days as people are:
 * Lyon: formation six users, temps-partiel five, retraite two (unanswered), plus one question of a
 * formation user at 00:30 on Monday in Paris (23:30 UTC on Sunday); Poitiers: eight users on each
 * of formation, temps-partiel and retraite; Normandie: seven on formation; Guyane: three on formation.
 */
function weekOfMarch2(): AnalyticsEvent[] {
  const { events, ask, group } = recorder();
  group('lyon', 1, 6, 'lyon', 'formation', [0, 1]);
  ask({ user: 'lyon-1', academie: 'lyon', theme: 'formation', at: '2026-03-01T23:30:00.000Z' });
  group('lyon', 7, 5, 'lyon', 'temps-partiel', [1, 2]);
  group('lyon', 12, 2, 'lyon', 'retraite', [2], { answerable: false });
  group('poitiers', 1, 8, 'poitiers', 'formation', [0, 1]);
  group('poitiers', 11, 8, 'poitiers', 'temps-partiel', [0, 1]);
  group('poitiers', 21, 8, 'poitiers', 'retraite', [2, 3]);
  group('normandie', 1, 7, 'normandie', 'formation', [0, 3]);
  group('guyane', 1, 3, 'guyane', 'formation', [3]);
  return events;
}

/**
 * The week of 6 April 2026, Lyon only, formation: six users (Monday, Tuesday), answered in 1 to 6 s
 * and one more question in 7 s; feedback from all six (five useful, one not, saying « pas de
 * source »; three sent as is, two edited), ten minutes saved each by four of them. The fifth first
 * declared 30 minutes, then gave their feedback again without minutes; the sixth first said useful
 * without minutes, then changed their mind and declared 10.
 */
function weekOfApril6(): AnalyticsEvent[] {
  const { events, ask } = recorder();
  for (let n = 1; n <= 6; n++) {
    const answer = ask({ user: `april-${n}`, academie: 'lyon', theme: 'formation', at: at(35 + (n <= 3 ? 0 : 1)), latencyMs: n * 1_000 });
    const outcome = n <= 3 ? 'sent_as_is' : n <= 5 ? 'edited' : null;
    if (n === 5) events.push(...feedbackOn(answer, { useful: true, outcome: 'edited', minutes: 30, at: at(36, 1) }));
    if (n === 6) events.push(...feedbackOn(answer, { useful: true, outcome: 'sent_as_is', at: at(36, 1) }));
    events.push(...feedbackOn(answer, { useful: n <= 5, outcome, reasons: n === 6 ? ['no_source'] : [], minutes: n === 5 ? undefined : 10, at: at(36, 2) }));
  }
  ask({ user: 'april-1', academie: 'lyon', theme: 'formation', at: at(36), latencyMs: 7_000 });
  return events;
}

/** Distinct users behind each (académie, theme) of the March week, as the fixture made them. */
const MARCH_USERS: Readonly<Record<string, number>> = {
  'lyon|formation': 6,
  'lyon|temps-partiel': 5,
  'lyon|retraite': 2,
  'poitiers|formation': 8,
  'poitiers|temps-partiel': 8,
  'poitiers|retraite': 8,
  'normandie|formation': 7,
  'guyane|formation': 3,
};

describe('aggregates over the bus', () => {
  let dataDir: string;
  let database: Database;
  let harness: ServiceHarness;

  const aggregates = (request: Omit<AggregatesRequest, 'v'>): Promise<AggregatesResponse> =>
    harness.client.request<AggregatesResponse>(Subjects.analytics.aggregates, { v: 1, ...request }, { timeoutMs: 60_000 });
  const cell = (response: AggregatesResponse, period: string, academie: string, theme: string): AggregateCell | undefined =>
    response.cells.find((candidate) => candidate.period === period && candidate.academie === academie && candidate.theme === theme);

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'mileva-aggregates-'));
    database = await openDatabase({ dataDir, poolSize: 1 });
    const facts = new FactStore(database);
    for (const event of [...weekOfMarch2(), ...weekOfApril6()]) await facts.record(event);
    harness = await startServiceHarness(AnalyticsModule, { database });
  });

  afterAll(async () => {
    await harness?.close();
    await database?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('should compute the figures of a cell from its facts: questions, users, satisfaction, sent as is, hours saved, answerable rate, latencies', async () => {
    const response = await aggregates({ granularity: 'week', from: '2026-04-06', to: '2026-04-12', academie: 'lyon', by: ['theme'] });
    const formation = cell(response, '2026-04-06', 'lyon', 'formation');
    expect(formation?.usage).toEqual({
      questions: 7,
      users: 6,
      answers: 7,
      answerable: 7,
      unanswered: 0,
      refused: 0,
      answerableRate: 1,
      latencyP50Ms: 4_000,
      latencyP95Ms: 6_700,
      averageSources: 3,
      unsupportedCitations: 0,
    });
    // Second feedbacks replaced the first ones: six feedbacks, five useful; the fifth user's 30 minutes were taken back.
    expect(formation?.feedback).toEqual({
      users: 6,
      feedbacks: 6,
      useful: 5,
      satisfactionRate: 0.8333,
      withOutcome: 5,
      sentAsIs: 3,
      sentAsIsRate: 0.6,
      noSource: 1,
      minutesSaved: 50,
      declarations: 5,
    });
    // 50 minutes over 6 active users in one week.
    expect(formation?.hoursSavedPerUserPerWeek).toBe(0.14);
    expect(cell(response, '2026-04-06', 'lyon', ALL)?.usage).toEqual(formation?.usage);
  });

  it('should hide a small theme and, so that the académie total cannot give it away, enough others that the total minus the shown themes covers two themes and five users', async () => {
    const response = await aggregates({ granularity: 'week', from: '2026-03-02', to: '2026-03-08', academie: 'lyon', by: ['theme'] });
    const week = (theme: string) => cell(response, '2026-03-02', 'lyon', theme);
    expect(week('retraite')).toMatchObject({ usage: null, usageSuppressed: true });
    expect(week(ALL)?.usage).toMatchObject({ questions: 14, users: 13, answers: 14, unanswered: 2, answerableRate: 0.8571 });
    const hidden = ['formation', 'temps-partiel', 'retraite'].filter((theme) => week(theme)?.usageSuppressed);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect(hidden.reduce((users, theme) => users + MARCH_USERS[`lyon|${theme}`], 0)).toBeGreaterThanOrEqual(5);
    for (const shown of response.cells.filter((candidate) => !candidate.usageSuppressed && candidate.theme !== ALL)) {
      expect(MARCH_USERS[`lyon|${shown.theme}`]).toBeGreaterThanOrEqual(5);
    }
  });

  it('should give the national figures by académie with the small académie hidden, and enough others that the nation minus the shown académies covers two académies and five users', async () => {
    const response = await aggregates({ granularity: 'week', from: '2026-03-02', to: '2026-03-08', by: ['academie'] });
    const week = (academie: string) => cell(response, '2026-03-02', academie, ALL);
    expect(week('guyane')?.usageSuppressed).toBe(true);
    expect(week(ALL)?.usage).toMatchObject({ questions: 48, users: 47 });
    const academies = ['lyon', 'poitiers', 'normandie', 'guyane'];
    const usersOf = (academie: string) => Object.entries(MARCH_USERS).reduce((sum, [key, users]) => sum + (key.startsWith(`${academie}|`) ? users : 0), 0);
    const hidden = academies.filter((academie) => week(academie)?.usageSuppressed);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
    expect(hidden.reduce((users, academie) => users + usersOf(academie), 0)).toBeGreaterThanOrEqual(5);
    const shownQuestions = academies.filter((academie) => !week(academie)?.usageSuppressed).reduce((sum, academie) => sum + (week(academie)?.usage?.questions ?? 0), 0);
    expect(48 - shownQuestions).toBeGreaterThan(3);
    expect(response.cells.every((candidate) => candidate.theme === ALL)).toBe(true);
  });

  it('should answer overlapping periods with the same cells, never with a total of the period asked', async () => {
    const full = await aggregates({ granularity: 'day', from: '2026-03-02', to: '2026-03-08', academie: 'lyon', by: [] });
    const shorter = await aggregates({ granularity: 'day', from: '2026-03-03', to: '2026-03-08', academie: 'lyon', by: [] });
    expect(full.cells.map((candidate) => candidate.period)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    expect(shorter.cells).toEqual(full.cells.slice(1));
    // Wednesday (two users) is hidden, and so is another day, so that the week minus the shown days is not Wednesday alone.
    const week = await aggregates({ granularity: 'week', from: '2026-03-04', to: '2026-03-04', academie: 'lyon', by: [] });
    expect(week.from).toBe('2026-03-02');
    const hiddenDays = full.cells.filter((candidate) => candidate.usageSuppressed).map((candidate) => candidate.period);
    expect(hiddenDays).toContain('2026-03-04');
    expect(hiddenDays.length).toBeGreaterThanOrEqual(2);
    const shownDays = full.cells.filter((candidate) => !candidate.usageSuppressed).reduce((sum, candidate) => sum + (candidate.usage?.questions ?? 0), 0);
    expect((cell(week, '2026-03-02', 'lyon', ALL)?.usage?.questions ?? 0) - shownDays).toBeGreaterThan(2);
  });

  it('should count a question asked at 00:30 in Paris on the Paris day', async () => {
    const response = await aggregates({ granularity: 'day', from: '2026-03-01', to: '2026-03-02', academie: 'lyon', theme: 'formation', by: [] });
    expect(response.cells.map((candidate) => candidate.period)).toEqual(['2026-03-02']);
  });

  it('should keep an académie filter to that académie: no national cell, no other académie', async () => {
    const response = await aggregates({ granularity: 'month', from: '2026-03-01', to: '2026-03-31', academie: 'poitiers', by: ['academie', 'theme'] });
    expect(response.cells.length).toBeGreaterThan(0);
    expect(new Set(response.cells.map((candidate) => candidate.academie))).toEqual(new Set(['poitiers']));
    expect(response.topUnanswered.every((theme) => theme.academie === 'poitiers')).toBe(true);
  });

  it('should list the themes the documents left unanswered from shown cells only, and carry no user hash', async () => {
    const response = await aggregates({ granularity: 'week', from: '2026-03-02', to: '2026-03-08', by: ['academie', 'theme'] });
    // Lyon's retraite cell (two users) is hidden: only the national one, shown, lists them.
    expect(cell(response, '2026-03-02', 'lyon', 'retraite')?.usageSuppressed).toBe(true);
    expect(response.topUnanswered.filter((theme) => theme.academie === 'lyon')).toEqual([]);
    const national = response.topUnanswered.filter((theme) => theme.academie === ALL);
    expect(national.every((theme) => !cell(response, '2026-03-02', ALL, theme.theme)?.usageSuppressed)).toBe(true);
    const serialized = JSON.stringify(response);
    for (const user of ['lyon-1', 'lyon-12', 'guyane-1']) expect(serialized).not.toContain(userHash(user));
  });

  it('should refuse a request outside the contract', async () => {
    await expect(harness.client.request(Subjects.analytics.aggregates, { v: 1, granularity: 'day', from: '2026-01-01', to: '2027-06-01', by: [] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(harness.client.request(Subjects.analytics.aggregates, { v: 1, granularity: 'week', from: '2026-03-01', to: '2026-03-31', by: ['user'] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
