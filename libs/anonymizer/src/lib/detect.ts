import type { Candidate, DetectedEntity, EntityType } from './entities';
import { foldName } from './lexicon/fold';
import { STOP_WORDS } from './lexicon/institutional';
import { recognizeAddress } from './recognizers/address';
import { recognizeEmail, recognizePhone } from './recognizers/contact';
import { recognizeDateOfBirth } from './recognizers/date-of-birth';
import { recognizeIban, recognizeIne, recognizeNir, recognizeNumen, recognizeSirenSiret } from './recognizers/identifiers';
import { recognizeMatricule } from './recognizers/matricule';
import { isNameToken, NAME_PARTICLES, recognizePersons } from './recognizers/person';
import { recognizeSchool } from './recognizers/school';
import { recognizeTableColumns } from './recognizers/tables';
import { tokenize, type Token } from './text-scan';

export interface DetectOptions {
  /** Candidates under this confidence are ignored (default 0.5). */
  readonly minConfidence?: number;
  /**
   * Names already known (from earlier messages of the conversation): their occurrences are masked too.
   * Folded name words, as {@link nameKeys} gives them.
   */
  readonly knownNames?: Iterable<string>;
}

export const DEFAULT_MIN_CONFIDENCE = 0.5;

/**
 * Which candidate wins an overlap: identifiers checked by format or checksum first, then the
 * context-marked spans (an address or a school holds names that are not the agent's), then names.
 */
const TIER: Readonly<Record<EntityType, number>> = {
  NIR: 0, NUMEN: 0, INE: 0, IBAN: 0, SIREN: 0, SIRET: 0, EMAIL: 0, PHONE: 0,
  ADDRESS: 1, SCHOOL: 1, DATE_OF_BIRTH: 1, MATRICULE: 1,
  PERSON: 2,
};

/** Non-overlapping spans kept sorted, so that an overlap check is a binary search. */
class SpanSet {
  private readonly spans: Candidate[] = [];

  /** Index of the first span starting at or after `offset`. */
  private indexAfter(offset: number): number {
    let low = 0;
    let high = this.spans.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.spans[middle].start < offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  overlaps(start: number, end: number): boolean {
    const index = this.indexAfter(start);
    const previous = this.spans[index - 1];
    const next = this.spans[index];
    return (previous !== undefined && previous.end > start) || (next !== undefined && next.start < end);
  }

  add(span: Candidate): void {
    this.spans.splice(this.indexAfter(span.start), 0, span);
  }

  get all(): readonly Candidate[] {
    return this.spans;
  }
}

/** The best candidates that do not overlap, by tier, then confidence, then length. */
export function resolveOverlaps(candidates: readonly Candidate[]): Candidate[] {
  const ordered = [...candidates].sort(
    (a, b) => TIER[a.type] - TIER[b.type] || b.confidence - a.confidence || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const accepted = new SpanSet();
  for (const candidate of ordered) {
    if (!accepted.overlaps(candidate.start, candidate.end)) accepted.add(candidate);
  }
  return [...accepted.all];
}

/** The folded words of a name that identify it elsewhere (no particle, no initial, no stop word). */
export function nameKeys(name: string): string[] {
  return tokenize(name)
    .filter((token) => (token.kind === 'title' || token.kind === 'caps') && !NAME_PARTICLES.has(token.folded) && !STOP_WORDS.has(token.folded))
    .map((token) => token.folded);
}

/**
 * Every other capitalised occurrence of a name word already found ("Hélène Kervella" … "dossier
 * KERVELLA"), with the particles before it ("LE GALL") and the name words after it.
 */
function propagateNames(tokens: readonly Token[], names: ReadonlySet<string>, accepted: readonly Candidate[]): Candidate[] {
  const found: Candidate[] = [];
  const taken = new SpanSet();
  for (const entity of accepted) taken.add(entity);
  const isKnown = (token: Token | undefined): boolean => token !== undefined && (token.kind === 'title' || token.kind === 'caps') && names.has(token.folded);
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index];
    if (!isKnown(token) || taken.overlaps(token.start, token.end)) continue;
    let first = index;
    while (first > 0 && tokens[first].joined && NAME_PARTICLES.has(tokens[first - 1].folded) && tokens[first - 1].kind !== 'lower') first--;
    let last = index;
    while (isKnown(tokens[last + 1]) && tokens[last + 1].joined) last++;
    const start = tokens[first].start;
    const end = tokens[last].end;
    if (!taken.overlaps(start, end)) {
      const propagated: Candidate = { start, end, type: 'PERSON', confidence: 0.8 };
      found.push(propagated);
      taken.add(propagated);
    }
    index = last;
  }
  return found;
}

/**
 * Finds the personal data of a French text: synchronous and fast enough to run on every keystroke.
 * Spans are UTF-16 offsets (end exclusive), sorted, never overlapping.
 */
export function detect(text: string, options: DetectOptions = {}): DetectedEntity[] {
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const tokens = tokenize(text);
  const candidates = [
    ...recognizeNir(text),
    ...recognizeNumen(text),
    ...recognizeIne(text),
    ...recognizeIban(text),
    ...recognizeSirenSiret(text),
    ...recognizeEmail(text),
    ...recognizePhone(text),
    ...recognizeAddress(text),
    ...recognizeDateOfBirth(text),
    ...recognizeMatricule(text),
    ...recognizeSchool(text, tokens),
    ...recognizeTableColumns(text),
    ...recognizePersons(text, tokens),
  ].filter((candidate) => candidate.end > candidate.start);
  // Overlaps are settled before the threshold: an institution's address or a service mailbox, kept in
  // the text, still stops the names inside it from being masked.
  const accepted = resolveOverlaps(candidates).filter((candidate) => candidate.confidence >= minConfidence);

  const names = new Set<string>();
  for (const name of options.knownNames ?? []) names.add(foldName(name));
  const persons = accepted.filter((entity) => entity.type === 'PERSON').sort((a, b) => a.start - b.start);
  let next = 0;
  for (const token of tokens) {
    while (next < persons.length && persons[next].end <= token.start) next++;
    const person = persons[next];
    if (person && token.start >= person.start && token.end <= person.end && isNameToken(token) && !NAME_PARTICLES.has(token.folded)) names.add(token.folded);
  }
  const all = names.size > 0 ? [...accepted, ...propagateNames(tokens, names, accepted)] : accepted;
  return all
    .sort((a, b) => a.start - b.start)
    .map((entity) => ({ start: entity.start, end: entity.end, type: entity.type, text: text.slice(entity.start, entity.end), confidence: entity.confidence }));
}
