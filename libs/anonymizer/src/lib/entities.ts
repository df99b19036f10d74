/** Kinds of personal data the anonymizer recognizes. */
export const ENTITY_TYPES = [
  'PERSON',
  'NIR',
  'NUMEN',
  'INE',
  'IBAN',
  'SIREN',
  'SIRET',
  'EMAIL',
  'PHONE',
  'ADDRESS',
  'DATE_OF_BIRTH',
  'MATRICULE',
  'SCHOOL',
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * French label of each type, used in placeholders (`[PERSONNE_1]`, `[TELEPHONE_2]`…): the drafts are
 * written in French, and a French label reads naturally in the text a model sees.
 */
export const PLACEHOLDER_LABELS: Readonly<Record<EntityType, string>> = {
  PERSON: 'PERSONNE',
  NIR: 'NIR',
  NUMEN: 'NUMEN',
  INE: 'INE',
  IBAN: 'IBAN',
  SIREN: 'SIREN',
  SIRET: 'SIRET',
  EMAIL: 'EMAIL',
  PHONE: 'TELEPHONE',
  ADDRESS: 'ADRESSE',
  DATE_OF_BIRTH: 'DATE_NAISSANCE',
  MATRICULE: 'MATRICULE',
  SCHOOL: 'ETABLISSEMENT',
};

/** A piece of personal data found in a text. Offsets are UTF-16 code units, `end` exclusive. */
export interface DetectedEntity {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  /** The text between `start` and `end`. */
  readonly text: string;
  /** From 0 to 1: how sure the recognizer is (a valid checksum or a civility before a name weighs more). */
  readonly confidence: number;
}

/** What a recognizer proposes; {@link detect} keeps the best non-overlapping candidates. */
export interface Candidate {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
  readonly confidence: number;
}
