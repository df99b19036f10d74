import { ANALYTICS_ALL as ALL, ANALYTICS_GRANULARITIES, type AnalyticsGranularity } from '@mileva/contracts';
import { addDays, monthHoldingWeek, periodStart } from './periods';
import { cellKey, computeSuppression, type SuppressionAtom, type SuppressionResult } from './suppression';

/** One user's activity on a day, in an académie, on a theme. */
interface Fact {
  readonly day: string;
  readonly academie: string;
  readonly theme: string;
  readonly user: number;
}

function atomsOf(facts: readonly Fact[]): SuppressionAtom[] {
  const atoms = new Map<string, { day: string; academie: string; theme: string; users: Set<number> }>();
  for (const fact of facts) {
    const key = `${fact.day}|${fact.academie}|${fact.theme}`;
    const atom = atoms.get(key) ?? { day: fact.day, academie: fact.academie, theme: fact.theme, users: new Set<number>() };
    atom.users.add(fact.user);
    atoms.set(key, atom);
  }
  return [...atoms.values()].map((atom) => ({ ...atom, users: [...atom.users] }));
}

/** `count` users numbered from `first`, each active once on `day`. */
function crowd(first: number, count: number, day: string, academie: string, theme: string): Fact[] {
  return Array.from({ length: count }, (_, index) => ({ day, academie, theme, user: first + index }));
}

function inCell(fact: Fact, granularity: AnalyticsGranularity, period: string, academie: string, theme: string): boolean {
  return periodStart(granularity, fact.day) === period && (academie === ALL || fact.academie === academie) && (theme === ALL || fact.theme === theme);
}

/** The parts of each shown whole (an académie and its themes, the nation and its académies, a week and its days, a month and its days and whole weeks) a fact belongs to. */
function partitionsOf(granularity: AnalyticsGranularity, period: string, academie: string, theme: string): ((fact: Fact) => string[])[] {
  const partitions: ((fact: Fact) => string[])[] = [];
  if (theme === ALL) partitions.push((fact) => [cellKey(granularity, period, academie, fact.theme)]);
  if (academie === ALL) partitions.push((fact) => [cellKey(granularity, period, fact.academie, theme)]);
  if (granularity !== 'day') {
    partitions.push((fact) => {
      const week = periodStart('week', fact.day);
      return [cellKey('day', fact.day, academie, theme), ...(granularity === 'month' && monthHoldingWeek(week) === period ? [cellKey('week', week, academie, theme)] : [])];
    });
  }
  return partitions;
}

/**
 * What an analyst holding every shown cell can work out, computed from the facts themselves,
 * independently of the implementation:
 * - every shown cell comes from five users at least, and no hidden cell is the sum of shown ones;
 * - for each shown whole and its parts, the facts no shown part holds (whole − shown parts) come
 *   from no user, or from five at least spread over two hidden parts at least;
 * - (linear audit) no cell hidden for having fewer than five users can be computed exactly from the
 *   shown cells by any combination of them (its facts are not in the linear span of the shown
 *   cells' facts). The rules guarantee the first two; the third holds for the cases below, not for
 *   every sparse grid (see docs/architecture.md, Analytics).
 */
function disclosures(facts: readonly Fact[], result: SuppressionResult, options: { linearAudit: boolean } = { linearAudit: true }): string[] {
  const shown = (key: string) => result.users.has(key) && !result.suppressed.has(key);
  const problems: string[] = [];
  const atomIndex = new Map<string, number>();
  const atomOf = (fact: Fact) => {
    const key = `${fact.day}|${fact.academie}|${fact.theme}`;
    if (!atomIndex.has(key)) atomIndex.set(key, atomIndex.size);
    return atomIndex.get(key) as number;
  };
  const vectors = new Map<string, Set<number>>();
  for (const key of result.users.keys()) {
    const [granularity, period, academie, theme] = key.split('|') as [AnalyticsGranularity, string, string, string];
    const members = facts.filter((fact) => inCell(fact, granularity, period, academie, theme));
    vectors.set(key, new Set(members.map(atomOf)));
    if (!shown(key)) {
      for (const partsOf of partitionsOf(granularity, period, academie, theme)) {
        if (members.every((fact) => partsOf(fact).some(shown))) problems.push(`${key} hidden but the sum of its shown parts`);
      }
      continue;
    }
    const users = new Set(members.map((fact) => fact.user)).size;
    if (users < 5) problems.push(`${key} shown with ${users} users`);
    for (const partsOf of partitionsOf(granularity, period, academie, theme)) {
      const rest = members.filter((fact) => !partsOf(fact).some(shown));
      const restUsers = new Set(rest.map((fact) => fact.user)).size;
      const hiddenParts = new Set(rest.flatMap((fact) => partsOf(fact).filter((part) => !shown(part))));
      if (rest.length > 0 && (restUsers < 5 || hiddenParts.size < 2)) problems.push(`${key} minus its shown parts reveals ${restUsers} users in ${hiddenParts.size} hidden part(s)`);
    }
  }
  if (!options.linearAudit) return problems;
  const span = new LinearSpan(atomIndex.size);
  for (const [key, vector] of vectors) if (shown(key)) span.add(vector);
  for (const [key, vector] of vectors) {
    if ((result.users.get(key) ?? 0) < 5 && span.contains(vector)) problems.push(`${key} (${result.users.get(key)} users) can be computed from the shown cells`);
  }
  return problems;
}

/** Row echelon basis of 0/1 vectors modulo a prime: what is not in the span there is not in it over the rationals. */
class LinearSpan {
  private static readonly P = 1_000_003;
  private readonly rows = new Map<number, number[]>();

  constructor(private readonly size: number) {}

  add(indexes: ReadonlySet<number>): void {
    const row = this.reduce(indexes);
    const pivot = row.findIndex((value) => value !== 0);
    if (pivot < 0) return;
    const inverse = modPow(row[pivot], LinearSpan.P - 2, LinearSpan.P);
    this.rows.set(pivot, row.map((value) => (value * inverse) % LinearSpan.P));
  }

  contains(indexes: ReadonlySet<number>): boolean {
    return this.reduce(indexes).every((value) => value === 0);
  }

  private reduce(indexes: ReadonlySet<number>): number[] {
    const row: number[] = Array.from({ length: this.size }, (_, index) => (indexes.has(index) ? 1 : 0));
    for (let column = 0; column < this.size; column++) {
      const basis = this.rows.get(column);
      if (!basis || row[column] === 0) continue;
      const factor = row[column];
      for (let index = column; index < this.size; index++) row[index] = (((row[index] - factor * basis[index]) % LinearSpan.P) + LinearSpan.P) % LinearSpan.P;
    }
    return row;
  }
}

function modPow(base: number, exponent: number, modulus: number): number {
  let result = 1n;
  let b = BigInt(base) % BigInt(modulus);
  let e = BigInt(exponent);
  const m = BigInt(modulus);
  while (e > 0n) {
    if (e & 1n) result = (result * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return Number(result);
}

const MONDAY = '2026-03-02';

describe(computeSuppression.name, () => {
  it('should hide a cell built from fewer than five distinct users, however many facts they made', () => {
    // Four users, forty questions: still four people.
    const facts = Array.from({ length: 40 }, (_, index) => ({ day: MONDAY, academie: 'poitiers', theme: 'remuneration', user: 100 + (index % 4) }));
    const result = computeSuppression(atomsOf(facts), 5);
    expect(result.users.get(cellKey('day', MONDAY, 'poitiers', 'remuneration'))).toBe(4);
    expect(result.suppressed.has(cellKey('day', MONDAY, 'poitiers', 'remuneration'))).toBe(true);
    expect(result.suppressed.has(cellKey('month', '2026-03-01', ALL, ALL))).toBe(true);
  });

  it('should show a cell of five distinct users that nothing hidden lies beside', () => {
    const facts = crowd(1, 5, MONDAY, 'lyon', 'temps-partiel');
    const result = computeSuppression(atomsOf(facts), 5);
    expect(result.suppressed.size).toBe(0);
    expect(result.users.get(cellKey('week', MONDAY, ALL, ALL))).toBe(5);
  });

  it('should hide a second theme when one alone is hidden under a shown académie total, so that the total minus the shown themes covers five users or more', () => {
    const facts = [...crowd(1, 10, MONDAY, 'lyon', 'temps-partiel'), ...crowd(20, 6, MONDAY, 'lyon', 'formation'), ...crowd(40, 2, MONDAY, 'lyon', 'retraite')];
    const result = computeSuppression(atomsOf(facts), 5);
    const day = (theme: string) => cellKey('day', MONDAY, 'lyon', theme);
    expect(result.suppressed.has(day('retraite'))).toBe(true);
    expect(result.suppressed.has(day(ALL))).toBe(false);
    // The smallest shown theme is hidden too: total − temps-partiel now mixes 8 users.
    expect(result.suppressed.has(day('formation'))).toBe(true);
    expect(result.suppressed.has(day('temps-partiel'))).toBe(false);
    expect(disclosures(facts, result)).toEqual([]);
  });

  it('should not be fooled by two hidden themes made by the same two users, which the one-hidden-cell rule would let through', () => {
    const facts = [
      ...crowd(1, 20, MONDAY, 'lyon', 'temps-partiel'),
      { day: MONDAY, academie: 'lyon', theme: 'retraite', user: 90 },
      { day: MONDAY, academie: 'lyon', theme: 'retraite', user: 91 },
      { day: MONDAY, academie: 'lyon', theme: 'formation', user: 90 },
      { day: MONDAY, academie: 'lyon', theme: 'formation', user: 91 },
    ];
    const result = computeSuppression(atomsOf(facts), 5);
    expect(result.suppressed.has(cellKey('day', MONDAY, 'lyon', 'temps-partiel'))).toBe(true);
    expect(disclosures(facts, result)).toEqual([]);
  });

  it('should protect an académie hidden under the national total from the other académies', () => {
    const facts = [...crowd(1, 12, MONDAY, 'lyon', 'formation'), ...crowd(30, 9, MONDAY, 'poitiers', 'formation'), ...crowd(60, 3, MONDAY, 'guyane', 'formation')];
    const result = computeSuppression(atomsOf(facts), 5);
    expect(result.suppressed.has(cellKey('week', MONDAY, 'guyane', ALL))).toBe(true);
    expect(result.suppressed.has(cellKey('week', MONDAY, 'poitiers', ALL))).toBe(true);
    expect(result.suppressed.has(cellKey('week', MONDAY, ALL, ALL))).toBe(false);
    expect(disclosures(facts, result)).toEqual([]);
  });

  it('should not let a theme hidden in one académie be read off the national cell of that theme', () => {
    // Only Lyon has questions on temps-partiel: the national temps-partiel cell would be Lyon's.
    const facts = [...crowd(1, 6, MONDAY, 'lyon', 'formation'), ...crowd(20, 5, MONDAY, 'lyon', 'temps-partiel'), ...crowd(40, 2, MONDAY, 'lyon', 'retraite'), ...crowd(60, 9, MONDAY, 'poitiers', 'formation')];
    const result = computeSuppression(atomsOf(facts), 5);
    expect(result.suppressed.has(cellKey('day', MONDAY, 'lyon', 'retraite'))).toBe(true);
    expect(result.suppressed.has(cellKey('day', MONDAY, 'lyon', 'temps-partiel'))).toBe(true);
    expect(result.suppressed.has(cellKey('day', MONDAY, ALL, 'temps-partiel'))).toBe(true);
    expect(result.suppressed.has(cellKey('day', MONDAY, 'lyon', ALL))).toBe(false);
    expect(disclosures(facts, result)).toEqual([]);
  });

  it('should protect a quiet day from its week minus the other days', () => {
    const facts = [...crowd(1, 8, MONDAY, 'lyon', 'formation'), ...crowd(20, 7, addDays(MONDAY, 1), 'lyon', 'formation'), ...crowd(40, 2, addDays(MONDAY, 2), 'lyon', 'formation')];
    const result = computeSuppression(atomsOf(facts), 5);
    const day = (offset: number) => cellKey('day', addDays(MONDAY, offset), 'lyon', 'formation');
    expect(result.suppressed.has(day(2))).toBe(true);
    expect(result.suppressed.has(cellKey('week', MONDAY, 'lyon', 'formation'))).toBe(false);
    expect(result.suppressed.has(day(1))).toBe(true);
    expect(disclosures(facts, result)).toEqual([]);
  });

  it('should protect the days a month holds outside its whole weeks from the month minus those weeks', () => {
    // March 2026 starts on a Sunday: its whole weeks run from the 2nd to the 29th; the 30th and 31st belong to a week ending in April.
    const facts: Fact[] = [];
    let user = 1;
    for (const week of ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23']) {
      // Six users a week, spread over the days so that no day is shown.
      for (let offset = 0; offset < 6; offset++) facts.push({ day: addDays(week, offset), academie: 'lyon', theme: 'formation', user: user++ });
    }
    facts.push({ day: '2026-03-31', academie: 'lyon', theme: 'formation', user: 500 }, { day: '2026-03-31', academie: 'lyon', theme: 'formation', user: 501 });
    const result = computeSuppression(atomsOf(facts), 5);
    expect(result.suppressed.has(cellKey('month', '2026-03-01', 'lyon', 'formation'))).toBe(false);
    expect(result.suppressed.has(cellKey('day', '2026-03-31', 'lyon', 'formation'))).toBe(true);
    // One whole week is hidden so that the month minus the shown weeks mixes that week's users with the 31st's.
    const hiddenWeeks = ['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23'].filter((week) => result.suppressed.has(cellKey('week', week, 'lyon', 'formation')));
    expect(hiddenWeeks).toHaveLength(1);
    expect(disclosures(facts, result)).toEqual([]);
  });

  it('should leave no whole minus its shown parts to small or lone on random activity, whatever the order of the facts', () => {
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const academies = ['lyon', 'poitiers', 'guyane'];
    const themes = ['formation', 'retraite', 'temps-partiel', 'sans-theme'];
    const facts: Fact[] = Array.from({ length: 600 }, () => ({
      day: addDays('2026-02-20', Math.floor(random() * 45)),
      academie: academies[Math.floor(random() ** 2 * academies.length)],
      theme: themes[Math.floor(random() ** 2 * themes.length)],
      user: Math.floor(random() * 60),
    }));
    const result = computeSuppression(atomsOf(facts), 5);
    expect(disclosures(facts, result, { linearAudit: false })).toEqual([]);
    expect(result.suppressed.size).toBeLessThan(result.users.size);
    for (const granularity of ANALYTICS_GRANULARITIES) {
      expect([...result.users.keys()].some((key) => key.startsWith(`${granularity}|`) && !result.suppressed.has(key))).toBe(true);
    }
    const reversed = computeSuppression(atomsOf([...facts].reverse()), 5);
    expect([...reversed.suppressed].sort()).toEqual([...result.suppressed].sort());
  });
});
