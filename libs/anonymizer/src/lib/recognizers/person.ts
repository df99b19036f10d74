import type { Candidate } from '../entities';
import { isKnownFirstName } from '../lexicon/first-names';
import { foldName } from '../lexicon/fold';
import { ACRONYMS, CLOSING_LINE, STOP_WORDS } from '../lexicon/institutional';
import { lineEndOf, lineStartOf, type Token } from '../text-scan';

/** Particles of surnames (Le Gall, Da Costa, Ait Kaci, van der Berg, Ben Salem, El Amrani). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  'le', 'la', 'de', 'du', 'da', 'dos', 'das', 'des', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'ter', 'ben', 'bin', 'ait', 'el', 'al', 'abou', 'bou',
]);
/** Particles that keep a lowercase initial inside a name (Marie de Villiers, Jan van Dijk). */
const LOWERCASE_PARTICLES: ReadonlySet<string> = new Set(['de', 'du', 'da', 'dos', 'das', 'del', 'della', 'di', 'van', 'von', 'der', 'den', 'ben', 'bin', 'ait', 'el', 'al']);
const CIVILITY_TOKENS: ReadonlySet<string> = new Set(['M.', 'MM.', 'Mr', 'Mr.', 'Mme', 'Mme.', 'Mmes', 'Mlle', 'Mlle.', 'Mlles', 'Dr', 'Dr.', 'Pr.', 'Me']);

const CIVILITY_SHORT = /(?:^|[^\p{L}])(?:M\.|MM\.|Mr\.?|Mme\.?|Mmes\.?|Mlle\.?|Mlles\.?|Dr\.?|Pr\.?|Me)[ \t]+$/u;
const CIVILITY_LONG = /(?:^|[^\p{L}])(?:monsieur|madame|mademoiselle|docteur|ma[iî]tre)[ \t]+$/iu;
/** Folded text before a name, on its line. */
const GREETING = /(?:^|[^a-z])(?:bonjour|bonsoir|salut|coucou|hello|cher|chere|chers|cheres|merci|re)[ \t]*,?[ \t]*$/;
/** A closing formula just before the name, on the same line: "Cordialement, Gwendal Kerbrat". */
const SIGN_OFF = /(?:cordialement|bien a vous|bien a toi|salutations|amicalement|respectueusement|merci d'avance|merci par avance|bonne journee)[ \t]*[,.!]?[ \t]*$/;
const INTRODUCTION =
  /(?:je suis|je m'appelle|moi c'est|c'est|de la part de|suivie? par|signe|la demande de|le dossier de|dossier de|le cas de|la situation de|ma collegue|mon collegue|l'agent|l'agente|mon conjoint|ma conjointe|mon epouse|mon epoux)[ \t]*:?[ \t]*$/;
const LABEL =
  /^[ \t]*(?:[-•*][ \t]*)?(?:nom(?: de famille| d'usage| de naissance| marital| patronymique)?|prenoms?|nom(?: et|,)? prenoms?|prenom(?: et|,)? nom|identite|agent|demandeur|demanderesse|interlocuteur|interlocutrice|signataire|beneficiaire|de|from|expediteur|a|cc|contact|redacteur|redactrice|affaire suivie par|dossier suivi par|suivi par)[ \t]*:[ \t]*$/;
/** "je m'appelle yasmina kerbrat": a name typed in lowercase after an explicit introduction. */
const LOWERCASE_INTRODUCTION = /(?<!\p{L})((?:je\s+m['’]appelle|moi\s+c['’]est|je\s+me\s+nomme)\s+)(\p{Ll}[\p{L}\p{M}'’-]*)(?:([ \t]+)(\p{Ll}[\p{L}\p{M}'’-]*))?/giu;
/** A role written on the line before a signature: "Le chef de bureau,", "La gestionnaire,". */
const ROLE_LINE = /^(?:le|la|l'|pour le|pour la)\b.*,$/;

interface Chain {
  readonly first: number;
  readonly last: number;
  readonly names: readonly Token[];
  readonly initial: boolean;
}

/** A capitalised word that may be a name: not a stop word, not an acronym. */
export function isNameToken(token: Token): boolean {
  if (token.kind === 'title') return !STOP_WORDS.has(token.folded);
  if (token.kind === 'caps') return !STOP_WORDS.has(token.folded) && !isAcronym(token);
  return false;
}

function isAcronym(token: Token): boolean {
  return ACRONYMS.has(token.folded) || !/[aeiouy]/.test(token.folded);
}

function isParticleAt(tokens: readonly Token[], index: number, inside: boolean): boolean {
  const token = tokens[index];
  const next = tokens[index + 1];
  if (!next?.joined || !NAME_PARTICLES.has(token.folded)) return false;
  if (token.kind === 'lower' && !(inside && LOWERCASE_PARTICLES.has(token.folded))) return false;
  if (token.kind !== 'lower' && token.kind !== 'title' && token.kind !== 'caps') return false;
  // A particle leads a surname, not a first name: "Le Gall", but not "le Pierre de Coubertin".
  if (!inside && isNameToken(next) && isKnownFirstName(next.text)) return false;
  return isNameToken(next) || isParticleAt(tokens, index + 1, true);
}

function isInitial(token: Token): boolean {
  return token.kind === 'initial' && !CIVILITY_TOKENS.has(token.text);
}

/** Runs of name words separated by single spaces: "Jean-Baptiste Le Gall", "J.-P. Marchal", "DA COSTA Inès". */
function findChains(tokens: readonly Token[]): Chain[] {
  const chains: Chain[] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index];
    const initial = isInitial(token) && tokens[index + 1]?.joined === true;
    if (!initial && !isNameToken(token) && !(token.kind !== 'lower' && isParticleAt(tokens, index, false))) {
      index++;
      continue;
    }
    const names: Token[] = [];
    let last = index;
    let cursor = initial ? index + 1 : index;
    while (cursor < tokens.length && (cursor === index || tokens[cursor].joined)) {
      const current = tokens[cursor];
      if (isNameToken(current)) names.push(current);
      else if (!isParticleAt(tokens, cursor, cursor > index)) break;
      last = cursor;
      cursor++;
    }
    if (names.length > 0) chains.push({ first: index, last, names, initial });
    index = Math.max(cursor, index + 1);
  }
  return chains;
}

/** Trimmed lines of a text, with their offsets, to find the lines around a signature. */
interface Line {
  readonly start: number;
  readonly end: number;
  readonly folded: string;
}

function nonEmptyLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start <= text.length) {
    const end = lineEndOf(text, start);
    const folded = foldName(text.slice(start, end).trim());
    if (folded) lines.push({ start, end, folded });
    start = end + 1;
  }
  return lines;
}

function lineIndexOf(lines: readonly Line[], offset: number): number {
  let low = 0;
  let high = lines.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (lines[middle].end < offset) low = middle + 1;
    else if (lines[middle].start > offset) high = middle - 1;
    else return middle;
  }
  return -1;
}

/**
 * People's names, from the words around them: a civility (M., Mme, Monsieur, Dr…), a greeting, a
 * self-introduction ("je suis"), a label ("Nom :"), a signature line after a closing formula; or from
 * their shape: a known first name beside another name word, an ALL-CAPS surname beside a capitalised
 * word, an initial before a surname. Acronyms, the administration's words and sentence openers are
 * never names.
 */
export function recognizePersons(text: string, tokens: readonly Token[]): Candidate[] {
  const found: Candidate[] = [];
  let lines: Line[] | undefined;
  for (const chain of findChains(tokens)) {
    const start = tokens[chain.first].start;
    // "Lucas M." signs with a first name and the initial of the surname.
    const initialAfter = tokens[chain.last + 1];
    const signedWithInitial =
      initialAfter?.kind === 'initial' && initialAfter.joined && chain.names.length === 1 && isKnownFirstName(chain.names[0].text) && !isNameToken(tokens[chain.last + 2] ?? initialAfter);
    const end = signedWithInitial ? initialAfter.end : tokens[chain.last].end;
    const names = chain.names;
    if (names.length > 5) continue;
    const lineStart = lineStartOf(text, start);
    const before = text.slice(Math.max(lineStart, start - 60), start);
    const foldedBefore = foldName(before);
    const firstNames = names.filter((token) => isKnownFirstName(token.text)).length;
    const hasCaps = names.some((token) => token.kind === 'caps');
    const hasTitle = names.some((token) => token.kind === 'title');
    const after = text.slice(end, lineEndOf(text, end));
    const terminated = /^[ \t]*(?:[,!.;:)]|$)/.test(after);

    let confidence = 0;
    const consider = (value: number): void => {
      confidence = Math.max(confidence, value);
    };
    if (CIVILITY_SHORT.test(before) || CIVILITY_LONG.test(before)) consider(0.95);
    if (LABEL.test(foldName(text.slice(lineStart, start)))) consider(0.9);
    if (firstNames > 0 && names.length >= 2) consider(0.9);
    if (chain.initial) consider(0.85);
    if (signedWithInitial) consider(0.8);
    if (hasCaps && hasTitle && names.length >= 2) consider(0.75);
    if (GREETING.test(foldedBefore) && terminated) consider(firstNames > 0 ? 0.9 : 0.7);
    if (SIGN_OFF.test(foldedBefore) && terminated) consider(firstNames > 0 || hasCaps || names.length >= 2 ? 0.85 : 0.7);
    if (INTRODUCTION.test(foldedBefore)) consider(firstNames > 0 || hasCaps || names.length >= 2 ? 0.85 : 0.6);
    if (confidence < 0.85) {
      lines ??= nonEmptyLines(text);
      consider(signatureConfidence(text, lines, start, end, firstNames, hasCaps && hasTitle, names.length));
    }
    if (confidence > 0) found.push({ start, end, type: 'PERSON', confidence });
  }
  return [...found, ...lowercaseIntroductions(text)];
}

/** A known first name in lowercase after "je m'appelle", with the next word as surname unless it is a common word. */
function lowercaseIntroductions(text: string): Candidate[] {
  if (!/appelle|c['’]est|nomme/i.test(text)) return [];
  const found: Candidate[] = [];
  for (const match of text.matchAll(LOWERCASE_INTRODUCTION)) {
    const [, cue, first, space = '', last] = match;
    if (!isKnownFirstName(first)) continue;
    const start = match.index + cue.length;
    const firstEnd = start + first.length;
    const withLast = last !== undefined && !STOP_WORDS.has(foldName(last)) && !/^(?:suis|professeure?|aesh|enseignante?|agent|agente)$/i.test(last);
    found.push({ start, end: withLast ? firstEnd + space.length + last.length : firstEnd, type: 'PERSON', confidence: 0.75 });
  }
  return found;
}

/** A line holding only a name, after a closing formula or a role, or among the last lines of the text. */
function signatureConfidence(text: string, lines: readonly Line[], start: number, end: number, firstNames: number, capsAndTitle: boolean, count: number): number {
  const index = lineIndexOf(lines, start);
  if (index < 0) return 0;
  const line = lines[index];
  const content = text.slice(line.start, line.end).trim().replace(/[,.]$/, '');
  if (content !== text.slice(start, end)) return 0;
  const previous = lines[index - 1]?.folded ?? '';
  if (CLOSING_LINE.test(previous) || ROLE_LINE.test(previous)) return firstNames > 0 || capsAndTitle || count >= 2 ? 0.85 : 0.7;
  const lastLines = index >= lines.length - 2;
  if (lastLines && (firstNames > 0 || capsAndTitle)) return 0.75;
  return 0;
}
