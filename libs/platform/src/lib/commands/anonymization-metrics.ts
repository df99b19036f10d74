import { ENTITY_TYPES, type EntityType } from '@mileva/anonymizer';
import { round3 } from './retrieval-metrics';

/** A labelled span of an evaluation text (UTF-16 offsets, end exclusive). */
export interface GoldEntity {
  readonly start: number;
  readonly end: number;
  readonly type: string;
  readonly value: string;
}

/** A span found by the anonymizer. */
export interface PredictedSpan {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

/** One text of the set: its labels, what was found, and the text once pseudonymized. */
export interface RecordOutcome {
  readonly text: string;
  readonly gold: readonly GoldEntity[];
  readonly predicted: readonly PredictedSpan[];
  readonly pseudonymized: string;
}

export interface TypeScores {
  readonly precision: number;
  readonly recall: number;
  readonly f2: number;
  /** Labelled spans of the type. */
  readonly support: number;
  /** Spans of the type found by the anonymizer. */
  readonly predicted: number;
}

/** Types whose value must never survive pseudonymization, character for character. */
export const LEAK_CHECKED_TYPES: readonly string[] = ['NIR', 'NUMEN', 'IBAN', 'EMAIL', 'PHONE'];

/** F-beta with beta = 2: recall weighs four times as much as precision (a missed value is a leak). */
export function f2(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (5 * precision * recall) / (4 * precision + recall);
}

const overlapsAny = (span: PredictedSpan | GoldEntity, others: readonly (PredictedSpan | GoldEntity)[]): boolean =>
  others.some((other) => other.type === span.type && span.start < other.end && other.start < span.end);

/**
 * Precision, recall and F2 per type. A labelled span is found when a span of the same type overlaps
 * it; a span found is right when it overlaps a labelled span of its type. A type without labels has
 * a recall of 1, a type never predicted a precision of 1 (nothing wrong was said). Types appear in
 * the anonymizer's order, then any other label.
 */
export function scoreTypes(outcomes: readonly RecordOutcome[]): Record<string, TypeScores> {
  const counts = new Map<string, { support: number; found: number; predicted: number; right: number }>();
  const count = (type: string) => {
    let entry = counts.get(type);
    if (!entry) counts.set(type, (entry = { support: 0, found: 0, predicted: 0, right: 0 }));
    return entry;
  };
  for (const outcome of outcomes) {
    for (const gold of outcome.gold) {
      const entry = count(gold.type);
      entry.support++;
      if (overlapsAny(gold, outcome.predicted)) entry.found++;
    }
    for (const span of outcome.predicted) {
      const entry = count(span.type);
      entry.predicted++;
      if (overlapsAny(span, outcome.gold)) entry.right++;
    }
  }
  const order = [...ENTITY_TYPES, ...[...counts.keys()].filter((type) => !ENTITY_TYPES.includes(type as EntityType)).sort()];
  const scores: Record<string, TypeScores> = {};
  for (const type of order) {
    const entry = counts.get(type);
    if (!entry) continue;
    const precision = entry.predicted === 0 ? 1 : entry.right / entry.predicted;
    const recall = entry.support === 0 ? 1 : entry.found / entry.support;
    scores[type] = { precision: round3(precision), recall: round3(recall), f2: round3(f2(precision, recall)), support: entry.support, predicted: entry.predicted };
  }
  return scores;
}

/** Whether a labelled identifier still appears in the pseudonymized text, as written or without its spaces. */
export function hasLeak(outcome: RecordOutcome): boolean {
  const compactText = outcome.pseudonymized.replace(/\s+/g, '');
  return outcome.gold.some((gold) => {
    if (!LEAK_CHECKED_TYPES.includes(gold.type) || gold.value.trim() === '') return false;
    const compactValue = gold.value.replace(/\s+/g, '');
    return outcome.pseudonymized.includes(gold.value) || compactText.includes(compactValue);
  });
}

/** Texts without any label, and how many of them pseudonymization changed. */
export function alteredWithoutPersonalData(outcomes: readonly RecordOutcome[]): { n: number; altered: number } {
  const withoutLabels = outcomes.filter((outcome) => outcome.gold.length === 0);
  return { n: withoutLabels.length, altered: withoutLabels.filter((outcome) => outcome.pseudonymized !== outcome.text).length };
}
