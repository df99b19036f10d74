import type { Candidate } from '../entities';
import { lineStartOf } from '../text-scan';

const MONTHS = '(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)';
const DAY = '(?:1er|0?[1-9]|[12]\\d|3[01])';
const DATE = new RegExp(
  `(?<![\\p{L}\\d])(?:(?:0?[1-9]|[12]\\d|3[01])[/.\\-](?:0?[1-9]|1[0-2])[/.\\-](?:19|20)?\\d{2}|${DAY}[ ]+${MONTHS}[ ]+(?:19|20)\\d{2}|(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])|${MONTHS}[ ]+(?:19|20)\\d{2})(?![\\p{L}\\d])`,
  'giu',
);
/** What marks a date as a birth date, just before it on the same line: "né le", "née à Lyon le", "Date de naissance :", "DDN". */
const BIRTH_CONTEXT =
  /(?:(?<!\p{L})(?:née?|née?\(e\)|nee|ne\(e\))(?!\p{L})[^.\n\d]{0,30}|(?<!\p{L})ne\s+le\s*|naissance(?:\s*(?:[:\-–=]|est|le|du|au))*\s*|(?<!\p{L})ddn\s*:?\s*)$/u;
/** Words that turn "né avant le…" into a rule about a generation, not someone's birth date. */
const GENERATION = /(?<!\p{L})(?:avant|après|apres|entre|depuis|jusqu|à partir|a partir|à compter|a compter|au plus tard|au plus tôt)(?!\p{L})/u;

/** Dates that the words before them mark as a birth date; every other date stays. */
export function recognizeDateOfBirth(text: string): Candidate[] {
  const found: Candidate[] = [];
  if (!/n[ée]e?|naissance|ddn/i.test(text)) return found;
  for (const match of text.matchAll(DATE)) {
    const monthYearOnly = /^\p{L}/u.test(match[0]);
    const before = text.slice(Math.max(lineStartOf(text, match.index), match.index - 50), match.index).toLowerCase();
    const context = BIRTH_CONTEXT.exec(before);
    if (!context || GENERATION.test(context[0])) continue;
    found.push({ start: match.index, end: match.index + match[0].length, type: 'DATE_OF_BIRTH', confidence: monthYearOnly ? 0.8 : 0.92 });
  }
  return found;
}
