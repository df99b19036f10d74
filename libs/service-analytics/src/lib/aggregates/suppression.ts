import { ANALYTICS_ALL, ANALYTICS_GRANULARITIES, type AnalyticsGranularity } from '@mileva/contracts';
import { monthHoldingWeek, periodStart } from './periods';

/**
 * The finest grain of the facts of one population: one day, one académie, one theme, and the
 * distinct users (numbered) who caused facts there.
 */
export interface SuppressionAtom {
  readonly day: string;
  readonly academie: string;
  readonly theme: string;
  readonly users: readonly number[];
}

/** Key of a cell: granularity, first day of the period, académie (or `*`), theme (or `*`). */
export function cellKey(granularity: AnalyticsGranularity, period: string, academie: string, theme: string): string {
  return `${granularity}|${period}|${academie}|${theme}`;
}

export interface SuppressionResult {
  /** Distinct users of every cell holding facts. */
  readonly users: ReadonlyMap<string, number>;
  /** Cells not to show: fewer than the minimum of users, or hidden to protect one that is. */
  readonly suppressed: ReadonlySet<string>;
}

interface Cell {
  readonly key: string;
  readonly atoms: number[];
  users: number;
  suppressed: boolean;
  /** Relations in which this cell is a part, or the whole. */
  readonly relations: string[];
}

interface Relation {
  readonly key: string;
  readonly whole: string;
  readonly parts: Set<string>;
}

/**
 * Decides which cells of the whole grid (days, ISO weeks and months × each académie and all ×
 * each theme and all) must not be shown, for one population of users.
 *
 * 1. Primary suppression: a cell built from fewer than `minUsers` distinct users.
 * 2. Complementary suppression against differencing. The grid holds additive relations, a whole
 *    and parts that divide it: the académie's total and its themes, the national total and the
 *    académies, a week and its days, a month and its days and the weeks it holds whole. When the
 *    whole is shown, whatever it holds outside the parts shown (whole − shown parts) can be
 *    computed. So those facts must be none, or spread over two hidden parts at least (a single
 *    hidden part would be worked out exactly, and could no longer shield another one in a second
 *    relation) and come from at least `minUsers` distinct users (two hidden parts made by the
 *    same few users fail). Otherwise the shown part with the fewest users is hidden too, or, when
 *    there is none left, the whole.
 *
 * The decision depends on the data only, never on the question asked: every request reads the
 * same grid, so overlapping requests (periods, académie or theme filters, granularities) cannot be
 * subtracted from each other to reach a hidden cell. Suppression only grows while it runs, so it
 * ends; the order of work is fixed, so the result is the same for the same facts.
 */
export function computeSuppression(atoms: readonly SuppressionAtom[], minUsers: number): SuppressionResult {
  const cells = new Map<string, Cell>();
  const cellOf = (key: string): Cell => {
    let cell = cells.get(key);
    if (!cell) {
      cell = { key, atoms: [], users: 0, suppressed: false, relations: [] };
      cells.set(key, cell);
    }
    return cell;
  };
  atoms.forEach((atom, index) => {
    for (const granularity of ANALYTICS_GRANULARITIES) {
      const period = periodStart(granularity, atom.day);
      for (const academie of [atom.academie, ANALYTICS_ALL]) {
        for (const theme of [atom.theme, ANALYTICS_ALL]) cellOf(cellKey(granularity, period, academie, theme)).atoms.push(index);
      }
    }
  });
  for (const cell of cells.values()) {
    cell.users = distinctUsers(atoms, cell.atoms);
    cell.suppressed = cell.users < minUsers;
  }

  const relations = new Map<string, Relation>();
  const relate = (kind: string, whole: string, part: string): void => {
    if (!cells.has(whole)) return;
    const key = `${kind}:${whole}`;
    let relation = relations.get(key);
    if (!relation) {
      relation = { key, whole, parts: new Set() };
      relations.set(key, relation);
      cellOf(whole).relations.push(key);
    }
    if (!relation.parts.has(part)) {
      relation.parts.add(part);
      cellOf(part).relations.push(key);
    }
  };
  for (const key of [...cells.keys()].sort()) {
    const [granularity, period, academie, theme] = key.split('|') as [AnalyticsGranularity, string, string, string];
    if (theme !== ANALYTICS_ALL) relate('theme', cellKey(granularity, period, academie, ANALYTICS_ALL), key);
    if (academie !== ANALYTICS_ALL) relate('academie', cellKey(granularity, period, ANALYTICS_ALL, theme), key);
    if (granularity === 'day') {
      relate('time', cellKey('week', periodStart('week', period), academie, theme), key);
      relate('time', cellKey('month', periodStart('month', period), academie, theme), key);
    } else if (granularity === 'week') {
      const month = monthHoldingWeek(period);
      if (month) relate('time', cellKey('month', month, academie, theme), key);
    }
  }

  const pending = [...relations.keys()].sort();
  const queued = new Set(pending);
  const suppress = (cell: Cell): void => {
    cell.suppressed = true;
    for (const other of cell.relations) {
      if (!queued.has(other)) {
        queued.add(other);
        pending.push(other);
      }
    }
  };
  while (pending.length > 0) {
    const relation = relations.get(pending.shift() as string) as Relation;
    queued.delete(relation.key);
    const whole = cells.get(relation.whole) as Cell;
    const parts = [...relation.parts].map((part) => cells.get(part) as Cell);
    for (;;) {
      const residual = residualOf(atoms, whole, parts);
      if (whole.suppressed) {
        // A hidden whole that its shown parts add up to is no longer hidden: one of them goes too.
        if (residual.remainder > 0) break;
      } else if (residual.hiddenParts === 0 || (residual.hiddenParts >= 2 && residual.users >= minUsers)) {
        break;
      }
      const next = residual.candidates.sort((a, b) => a.users - b.users || (a.key < b.key ? -1 : 1))[0];
      if (!next) {
        // Nothing left to hide beside it: the whole would reveal its hidden part, so it is hidden too.
        if (!whole.suppressed) suppress(whole);
        break;
      }
      suppress(next);
    }
  }

  const users = new Map<string, number>();
  const suppressed = new Set<string>();
  for (const cell of cells.values()) {
    users.set(cell.key, cell.users);
    if (cell.suppressed) suppressed.add(cell.key);
  }
  return { users, suppressed };
}

function distinctUsers(atoms: readonly SuppressionAtom[], indexes: Iterable<number>): number {
  const users = new Set<number>();
  for (const index of indexes) for (const user of atoms[index].users) users.add(user);
  return users.size;
}

interface Residual {
  /** Day cells of the whole that no shown part holds. */
  readonly remainder: number;
  /** Hidden parts holding facts of the remainder. */
  readonly hiddenParts: number;
  /** Distinct users of the remainder. */
  readonly users: number;
  /** Shown parts whose hiding would add to the remainder. */
  readonly candidates: Cell[];
}

/**
 * What subtracting the shown parts from the whole reveals: the whole's facts that no shown part
 * holds. It must be empty, or spread over two hidden parts at least (one alone would be that
 * part, worked out) and come from at least `minUsers` users. The parts of every relation cover
 * the whole (each fact has its day, its académie and its theme).
 */
function residualOf(atoms: readonly SuppressionAtom[], whole: Cell, parts: readonly Cell[]): Residual {
  const coverage = new Map<number, number>();
  for (const part of parts) if (!part.suppressed) for (const index of part.atoms) coverage.set(index, (coverage.get(index) ?? 0) + 1);
  const remainder = new Set(whole.atoms.filter((index) => !coverage.has(index)));
  return {
    remainder: remainder.size,
    hiddenParts: parts.filter((part) => part.suppressed && part.atoms.some((index) => remainder.has(index))).length,
    users: distinctUsers(atoms, remainder),
    candidates: parts.filter((part) => !part.suppressed && part.atoms.some((index) => coverage.get(index) === 1)),
  };
}
