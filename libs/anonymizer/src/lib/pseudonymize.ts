import { compactIdentifier } from './checksums';
import { detect, nameKeys, type DetectOptions } from './detect';
import { ENTITY_TYPES, PLACEHOLDER_LABELS, type DetectedEntity, type EntityType } from './entities';
import { foldName } from './lexicon/fold';

/** Placeholder → original value, e.g. `{ "[PERSONNE_1]": "Jeanne Dubreuil" }`. Never log it. */
export type PseudonymMapping = Readonly<Record<string, string>>;

const LABEL_TYPES: ReadonlyMap<string, EntityType> = new Map(ENTITY_TYPES.map((type) => [PLACEHOLDER_LABELS[type], type]));
const PLACEHOLDER = /\[\s*([A-Z_]+?)_(\d+)\s*\]/g;

/** The key under which two spellings of one value share a placeholder ("KERVELLA" and "Kervella", "06 12…" and "+33 6 12…"). */
export function valueKey(type: EntityType, value: string): string {
  switch (type) {
    case 'EMAIL':
      return value.trim().toLowerCase();
    case 'PHONE': {
      const digits = value.replace(/\(0\)/, '').replace(/[^\d+]/g, '').replace(/^00/, '+');
      return digits.startsWith('+33') ? `0${digits.slice(3)}` : digits;
    }
    case 'NIR':
    case 'NUMEN':
    case 'INE':
    case 'IBAN':
    case 'SIREN':
    case 'SIRET':
    case 'MATRICULE':
      return compactIdentifier(value);
    default:
      return foldName(value)
        .replace(/[\s,.;]+/g, ' ')
        .trim();
  }
}

/**
 * The placeholders of one conversation: the same value always gets the same placeholder, across
 * messages, and names found in one message are masked in the next ones too. Lives in memory with
 * the conversation; `mapping` can rebuild it (`new PseudonymizationSession(mapping)`).
 */
export class PseudonymizationSession {
  private readonly placeholders = new Map<string, string>();
  private readonly values = new Map<string, string>();
  private readonly counters = new Map<EntityType, number>();
  private readonly names = new Set<string>();

  constructor(mapping: PseudonymMapping = {}) {
    for (const [placeholder, value] of Object.entries(mapping)) {
      const match = /^\[([A-Z_]+?)_(\d+)\]$/.exec(placeholder);
      const type = match ? LABEL_TYPES.get(match[1]) : undefined;
      if (!match || !type) continue;
      this.values.set(placeholder, value);
      this.placeholders.set(`${type}:${valueKey(type, value)}`, placeholder);
      this.counters.set(type, Math.max(this.counters.get(type) ?? 0, Number(match[2])));
      if (type === 'PERSON') this.rememberName(value);
    }
  }

  /** The placeholder of a value, a new one (next number of its type) the first time. */
  placeholderFor(type: EntityType, value: string): string {
    const key = `${type}:${valueKey(type, value)}`;
    const known = this.placeholders.get(key);
    if (known) return known;
    const number = (this.counters.get(type) ?? 0) + 1;
    this.counters.set(type, number);
    const placeholder = `[${PLACEHOLDER_LABELS[type]}_${number}]`;
    this.placeholders.set(key, placeholder);
    this.values.set(placeholder, value);
    if (type === 'PERSON') this.rememberName(value);
    return placeholder;
  }

  /** Every placeholder given so far and its value. */
  get mapping(): PseudonymMapping {
    return Object.fromEntries(this.values);
  }

  /** Folded name words seen so far, masked wherever they appear again. */
  get knownNames(): ReadonlySet<string> {
    return this.names;
  }

  private rememberName(value: string): void {
    for (const key of nameKeys(value)) this.names.add(key);
  }
}

export interface PseudonymizeOptions extends Pick<DetectOptions, 'minConfidence'> {
  /** Types to leave in the text. */
  readonly keep?: readonly EntityType[];
}

export interface PseudonymizedText {
  readonly text: string;
  /** The session's whole mapping after this text (earlier messages included). */
  readonly mapping: PseudonymMapping;
  /** Occurrences masked in this text, by type. */
  readonly counts: Partial<Record<EntityType, number>>;
}

export interface PseudonymizedTexts {
  readonly texts: string[];
  readonly mapping: PseudonymMapping;
  /** Occurrences masked in all the texts, by type. */
  readonly counts: Partial<Record<EntityType, number>>;
}

function replaceEntities(text: string, entities: readonly DetectedEntity[], session: PseudonymizationSession, counts: Partial<Record<EntityType, number>>): string {
  let output = '';
  let cursor = 0;
  for (const entity of entities) {
    output += text.slice(cursor, entity.start) + session.placeholderFor(entity.type, entity.text);
    counts[entity.type] = (counts[entity.type] ?? 0) + 1;
    cursor = entity.end;
  }
  return output + text.slice(cursor);
}

/**
 * Replaces the personal data of one text, or of the texts of one record, with typed numbered
 * placeholders (`[PERSONNE_1]`, `[NIR_1]`, `[TELEPHONE_2]`…), consistent across the texts and across
 * calls with the same session. A name found in one text of the record is masked in the others too.
 */
export function pseudonymize(text: string, session?: PseudonymizationSession, options?: PseudonymizeOptions): PseudonymizedText;
export function pseudonymize(texts: readonly string[], session?: PseudonymizationSession, options?: PseudonymizeOptions): PseudonymizedTexts;
export function pseudonymize(
  input: string | readonly string[],
  session: PseudonymizationSession = new PseudonymizationSession(),
  options: PseudonymizeOptions = {},
): PseudonymizedText | PseudonymizedTexts {
  const texts = typeof input === 'string' ? [input] : input;
  const keep = new Set(options.keep ?? []);
  const find = (text: string, knownNames: Iterable<string>): DetectedEntity[] =>
    detect(text, { minConfidence: options.minConfidence, knownNames }).filter((entity) => !keep.has(entity.type));

  let found = texts.map((text) => find(text, session.knownNames));
  if (texts.length > 1) {
    const names = new Set(session.knownNames);
    const before = names.size;
    for (const entities of found) for (const entity of entities) if (entity.type === 'PERSON') for (const key of nameKeys(entity.text)) names.add(key);
    if (names.size > before) found = texts.map((text) => find(text, names));
  }
  const counts: Partial<Record<EntityType, number>> = {};
  const output = texts.map((text, index) => replaceEntities(text, found[index], session, counts));
  return typeof input === 'string' ? { text: output[0], mapping: session.mapping, counts } : { texts: output, mapping: session.mapping, counts };
}

/** Puts the original values back in place of the placeholders of `mapping`; unknown placeholders stay. */
export function reidentify(text: string, mapping: PseudonymMapping): string {
  return text.replace(PLACEHOLDER, (placeholder: string, label: string, number: string) => mapping[`[${label}_${number}]`] ?? placeholder);
}
