import type { Candidate } from '../entities';
import { foldName } from '../lexicon/fold';
import { foldedBefore, lineEndOf } from '../text-scan';

/** A word in any case: `rue`, `Rue`, `RUE`. */
function anyCase(word: string): string {
  const first = word[0];
  const rest = word.slice(1);
  return `(?:[${first}${first.toUpperCase()}]${rest}|${word.toUpperCase()})`;
}

const STREET_TYPES = [
  'rue', 'avenue', 'av\\.', 'boulevard', 'bd', 'bld', 'place', 'pl\\.', 'all[ée]es?', 'impasse', 'imp\\.', 'chemin', 'ch\\.',
  'cours', 'quai', 'route', 'rte', 'square', 'passage', 'cit[ée]', 'r[ée]sidence', 'lotissement', 'hameau', 'lieu-dit',
  'faubourg', 'fbg', 'rond-point', 'sentier', 'voie', 'villa', 'esplanade', 'promenade', 'parvis', 'traverse', 'mont[ée]e',
  'mail', 'chauss[ée]e', 'ruelle', 'clos', 'domaine', 'carrefour', 'venelle', 'quartier',
];
const STREET = `(?:${STREET_TYPES.map((type) => anyCase(type)).join('|')})`;
const CONNECTOR = `(?:(?:[dDlL]['’])|(?:de|du|des|la|le|les|aux|au|à|en|sur|sous|lès|et|De|Du|Des|La|Le|Les)[ ]+)`;
const WORD = `[\\p{L}][\\p{L}\\p{M}'’\\-]*`;
const CAP_WORD = `\\p{Lu}[\\p{L}\\p{M}'’\\-]*`;
const NUMBER = `\\d{1,4}(?:[ ]?(?:bis|ter|quater|[A-Da-d]))?(?![\\p{L}\\d])`;
const POSTCODE = `(?:\\d{5}|\\d{2}[ ]\\d{3})(?!\\d)`;
const COMMUNE = `${CAP_WORD}(?:[ \\-]${CONNECTOR}*${CAP_WORD})*(?:[ ]+(?:CEDEX|Cedex|cedex)(?:[ ]+\\d{1,2})?)?(?:[ ]+\\d{1,2}(?:e|er|ème)\\b)?`;

const STREET_ADDRESS = new RegExp(
  `(?<![\\p{L}\\d])${NUMBER},?[ ]+${STREET}[ ]+${CONNECTOR}*${WORD}(?:[ ]+${CONNECTOR}*(?:${CAP_WORD}|\\d{1,4}(?![\\d])))*` +
    `(?:(?:[ ]*,[ ]*|[ ]+|[ ]*[-–][ ]*|[ ]*,?[ ]*\\r?\\n[ \\t]*)${POSTCODE}[ ]+${COMMUNE})?`,
  'gu',
);
const ADDRESS_LABEL = /^[ \t]*(?:[-•*][ \t]*)?(?:adresse(?: personnelle| postale| du domicile| de correspondance)?|domicile|lieu de residence)[ \t]*:[ \t]*/;
/** Words that end a street name caught by a capital letter at the start of the next sentence. */
const SENTENCE_WORDS = new Set(['je', 'j', 'nous', 'vous', 'il', 'elle', 'on', 'merci', 'cordialement', 'bonjour', 'tel', 'mon', 'ma', 'mes', 'pouvez', 'pourriez', 'est']);
/** Institutions whose address is not personal data, named just before it on the same line. */
const INSTITUTION_BEFORE =
  /(?:rectorat|dsden|ministere|inspection academique|services academiques|direction|division|service|bureau|cellule|pole|secretariat|mairie|prefecture|universite|siege|centre d|centre de|adresse du centre|maison des|agence|caisse|etablissement)\b[^\n]{0,40}$/;
/** First-person words: the address that follows is the writer's own, whatever institution the line names. */
const PERSONAL_BEFORE = /\b(?:j'habite|habite|domicile|demeurant|mon adresse|ma nouvelle adresse|nouvelle adresse|mon domicile|je reside|je demenage|demenagement)\b/;

function trimSentenceWords(text: string, start: number, end: number): number {
  let value = text.slice(start, end);
  for (;;) {
    const last = /[ ]+([\p{L}'’-]+)$/u.exec(value);
    if (!last || !SENTENCE_WORDS.has(foldName(last[1]))) return start + value.length;
    value = value.slice(0, last.index);
  }
}

/**
 * Postal addresses: number (bis/ter…) + street type + name, with the postcode and commune when they
 * follow; the rest of a line labelled "Adresse :". An institution's address (rectorat, DSDEN…) stays.
 */
export function recognizeAddress(text: string): Candidate[] {
  const found: Candidate[] = [];
  if (!/\d/.test(text)) return found;
  for (const match of text.matchAll(STREET_ADDRESS)) {
    const start = match.index;
    const end = trimSentenceWords(text, start, start + match[0].length);
    const before = foldedBefore(text, start, 60);
    const institution = INSTITUTION_BEFORE.test(before) && !PERSONAL_BEFORE.test(before);
    found.push({ start, end, type: 'ADDRESS', confidence: institution ? 0.3 : /\d{5}|\d{2} \d{3}/.test(text.slice(start + 5, end)) ? 0.95 : 0.85 });
  }
  let lineStart = /adresse|domicile|r[ée]sidence/i.test(text) ? 0 : text.length + 1;
  while (lineStart <= text.length) {
    const lineEnd = lineEndOf(text, lineStart);
    const label = ADDRESS_LABEL.exec(foldName(text.slice(lineStart, lineEnd)));
    if (label) {
      const start = lineStart + label[0].length;
      const value = text.slice(start, lineEnd).replace(/[\s.;,]+$/, '');
      if (/\d/.test(value) && /\p{L}{2}/u.test(value)) found.push({ start, end: start + value.length, type: 'ADDRESS', confidence: 0.96 });
    }
    lineStart = lineEnd + 1;
  }
  return found;
}
