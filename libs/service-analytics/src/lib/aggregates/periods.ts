import type { AnalyticsGranularity } from '@mileva/contracts';

/** Days are local calendar dates (`YYYY-MM-DD`, Europe/Paris); arithmetic on them runs in UTC, where no day lacks an hour. */
const DAY_MS = 86_400_000;

function toTime(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function toDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return toDay(toTime(day) + days * DAY_MS);
}

/** First day of the period holding `day`: itself, the Monday of its ISO week, or the 1st of its month. */
export function periodStart(granularity: AnalyticsGranularity, day: string): string {
  if (granularity === 'day') return day;
  if (granularity === 'month') return `${day.slice(0, 8)}01`;
  const weekday = (new Date(toTime(day)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** Last day of the period starting on `start`. */
export function periodEnd(granularity: AnalyticsGranularity, start: string): string {
  if (granularity === 'day') return start;
  if (granularity === 'week') return addDays(start, 6);
  const date = new Date(toTime(start));
  return toDay(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1) - DAY_MS);
}

/** Days in the period starting on `start`. */
export function periodDays(granularity: AnalyticsGranularity, start: string): number {
  return Math.round((toTime(periodEnd(granularity, start)) - toTime(start)) / DAY_MS) + 1;
}

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The month holding the whole week starting on `weekStart`, or undefined when the week straddles two months. */
export function monthHoldingWeek(weekStart: string): string | undefined {
  const end = periodEnd('week', weekStart);
  return weekStart.slice(0, 7) === end.slice(0, 7) ? `${weekStart.slice(0, 8)}01` : undefined;
}
