import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { Candidate } from '../entities';
import { foldName } from '../lexicon/fold';
import { foldedBefore } from '../text-scan';

const EMAIL = /(?<![\p{L}\d._%+-])[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.[A-Za-z]{2,}(?![\p{L}\d])/gu;

/**
 * Words of the local part of a service mailbox (ce.0691234a@, dpe3@, drh.pensions@…). A mailbox made
 * only of them belongs to a service, not to a person, and is kept.
 */
const FUNCTIONAL_MAILBOX_WORDS = new Set(
  `ce dpe dipe dpate dec dep dos drh grh rh dsden dasen ia ien rectorat recteur secretariat secretariat-general sg
   accueil contact contacts info infos information communication scolarite examens concours noreply no-reply
   ne-pas-repondre nepasrepondre ne pas repondre reply webmaster support assistance direction service services
   bureau cellule division paie pension pensions retraite retraites mouvement mutation mutations gestion
   personnel personnels psc conges formation handicap medical sante social action sociale ssa dafpic dafpen
   daf dane drane cio courrier mail admin administration rentree recrutement inscriptions inscription cabinet
   presse ressources humaines aesh remplacement remplacements carriere carrieres dgrh`.split(/\s+/),
);

/** The local part of a service mailbox: only functional words and codes (an establishment's UAI, a bureau number). */
function isFunctionalMailbox(localPart: string): boolean {
  const words = foldName(localPart)
    .split(/[._\-+]/)
    .map((word) => word.replace(/\d+[a-z]?$/, ''))
    .filter(Boolean);
  return words.length > 0 && words.every((word) => FUNCTIONAL_MAILBOX_WORDS.has(word));
}

/** E-mail addresses; a service mailbox gets a confidence under the default threshold. */
export function recognizeEmail(text: string): Candidate[] {
  if (!text.includes('@')) return [];
  return [...text.matchAll(EMAIL)].map((match): Candidate => {
    const localPart = match[0].slice(0, match[0].indexOf('@'));
    return { start: match.index, end: match.index + match[0].length, type: 'EMAIL', confidence: isFunctionalMailbox(localPart) ? 0.4 : 0.99 };
  });
}

const SEP = '[ .\\-\\u00a0]?';
/** National French numbers (0 + 9 digits, by pairs or not), metropolitan and overseas. */
const FRENCH_NATIONAL = new RegExp(`(?<![\\d+\\p{L}])0[1-9](?:${SEP}\\d{2}){4}(?![\\d\\p{L}])`, 'gu');
/** +33 / 0033, with or without the national 0 in brackets. */
const FRENCH_INTERNATIONAL = new RegExp(`(?<![\\d+\\p{L}])(?:\\+|00)[ ]?33${SEP}(?:\\(0\\)${SEP})?[1-9](?:${SEP}\\d{2}){4}(?![\\d\\p{L}])`, 'gu');
/** Any other international number, checked with the numbering plan of its country. */
const INTERNATIONAL = /(?<![\d+\p{L}])(?:\+|00)[ ]?[1-9]\d{0,2}(?:[ .\-\u00a0]?\(?\d{1,4}\)?){2,6}(?![\d\p{L}])/gu;
const PHONE_CONTEXT = /(?:\btel\b|telephone|\bport\b|portable|mobile|\bfixe\b|joignable|appeler|rappeler|\bgsm\b|\bfax\b|numero)[^\n]{0,30}$/;

/**
 * Telephone numbers: French formats (01–09 by pairs or not, +33 and 0033, overseas 0262/0590/0594/0596/0269
 * and +262/+590…) and international numbers, each validated with libphonenumber-js.
 */
export function recognizePhone(text: string): Candidate[] {
  const found: Candidate[] = [];
  if (!/\d{2}/.test(text)) return found;
  const add = (start: number, value: string, base: number): void => {
    if (found.some((other) => start < other.end && other.start < start + value.length)) return;
    const normalized = value.replace(/^00/, '+').replace(/\(0\)/, '');
    const parsed = parsePhoneNumberFromString(normalized, 'FR');
    if (!parsed?.isValid()) return;
    const context = PHONE_CONTEXT.test(foldedBefore(text, start, 40));
    found.push({ start, end: start + value.length, type: 'PHONE', confidence: context ? 0.99 : base });
  };
  for (const match of text.matchAll(FRENCH_INTERNATIONAL)) add(match.index, match[0], 0.97);
  for (const match of text.matchAll(FRENCH_NATIONAL)) add(match.index, match[0], 0.95);
  for (const match of text.matchAll(INTERNATIONAL)) add(match.index, match[0].trimEnd(), 0.9);
  return found;
}
