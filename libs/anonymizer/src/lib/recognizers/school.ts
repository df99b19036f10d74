import type { Candidate } from '../entities';
import { ACRONYMS } from '../lexicon/institutional';
import type { Token } from '../text-scan';

const KEYWORD = new RegExp(
  '(?<![\\p{L}])(?:' +
    [
      '[ée]cole(?:\\s+(?:maternelle|[ée]l[ée]mentaire|primaire|publique|priv[ée]e|mixte|normale\\s+sup[ée]rieure|nationale\\s+sup[ée]rieure|sup[ée]rieure))?',
      'groupe\\s+scolaire',
      'coll[èe]ge',
      'lyc[ée]e(?:\\s+(?:professionnel|polyvalent|g[ée]n[ée]ral(?:\\s+et\\s+technologique)?|technologique|agricole|des\\s+m[ée]tiers))?',
      'cit[ée]\\s+scolaire',
      'ensemble\\s+scolaire',
      'universit[ée]',
      'institut\\s+universitaire',
      'IUT',
      'INSP[ÉE]',
      'LPO',
      'LP',
      'LGT',
      'LEGT',
      'EREA',
    ].join('|') +
    ")(?:\\s+(?:publique|public|priv[ée]e?|mixte|d['’]application|polyvalent|r[ée]gional|international|catholique|sous\\s+contrat))*(?![\\p{L}])",
  'giu',
);
/** Keywords that are abbreviations count only in capitals ("LP", not "lp"). */
const UPPERCASE_KEYWORDS = /^(?:iut|insp[ée]|lpo|lp|lgt|legt|erea)$/i;
/** Lowercase words that may join the words of an establishment's name: lycée du Golfe, collège de la Forêt, école Les Charmilles de Meyzieu. */
const NAME_CONNECTORS = new Set(['de', 'du', 'des', 'la', 'le', 'les', "l'", "d'", 'et', 'sur', 'sous', 'en', 'les', 'aux', 'au']);

/** Index of the first token starting at or after `offset`. */
function tokenAt(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle].start < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Named establishments: école (maternelle, élémentaire…), collège, lycée (professionnel…), LP, LPO,
 * université, IUT… followed by a name in capitals (and its town: "de Saint-Priest"). The keyword
 * alone, or followed by lowercase words ("au lycée depuis"), is not an establishment's name.
 */
export function recognizeSchool(text: string, tokens: readonly Token[]): Candidate[] {
  const found: Candidate[] = [];
  for (const keyword of text.matchAll(KEYWORD)) {
    const keywordEnd = keyword.index + keyword[0].length;
    if (UPPERCASE_KEYWORDS.test(keyword[0]) && keyword[0] !== keyword[0].toUpperCase()) continue;
    let index = tokenAt(tokens, keywordEnd);
    let end = -1;
    let words = 0;
    for (; index < tokens.length; index++) {
      const token = tokens[index];
      const previous = tokens[index - 1];
      const attached = token.joined || (previous !== undefined && /['’]$/.test(previous.text) && previous.end === token.start);
      if (!attached) break;
      if (token.kind === 'title' || token.kind === 'caps' || (token.kind === 'other' && /^\p{Lu}/u.test(token.text))) {
        if (words === 0 && token.kind === 'caps' && ACRONYMS.has(token.folded)) break;
        words++;
        end = token.end;
      } else if (token.kind === 'number' && words > 0 && token.text.length <= 2) {
        end = token.end;
      } else if (token.kind === 'lower' && NAME_CONNECTORS.has(token.folded)) {
        continue;
      } else {
        break;
      }
    }
    if (words > 0) found.push({ start: keyword.index, end, type: 'SCHOOL', confidence: 0.85 });
  }
  return found;
}
