import { detect, type EntityType, PLACEHOLDER_LABELS } from '@mileva/anonymizer';

/** French name of each kind of personal data, as the preview names it. */
export const PERSONAL_DATA_LABELS: Readonly<Record<EntityType, string>> = {
  PERSON: 'nom de personne',
  NIR: 'numéro de sécurité sociale (NIR)',
  NUMEN: 'NUMEN',
  INE: 'INE',
  IBAN: 'IBAN',
  SIREN: 'SIREN',
  SIRET: 'SIRET',
  EMAIL: 'adresse électronique',
  PHONE: 'numéro de téléphone',
  ADDRESS: 'adresse postale',
  DATE_OF_BIRTH: 'date de naissance',
  MATRICULE: 'matricule',
  SCHOOL: 'établissement',
};

export type PreviewSegment =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'personal'; readonly text: string; readonly label: string; readonly placeholder: string };

export interface PersonalDataPreview {
  readonly segments: readonly PreviewSegment[];
  /** How many values were found, and their kinds in order of first appearance. */
  readonly count: number;
  readonly kinds: readonly string[];
}

/**
 * The text cut around the personal data the gateway will replace, found with the same recognizers
 * (`detect()` of `@mileva/anonymizer`), each with the kind of placeholder it becomes (`[PERSONNE_…]`).
 */
export function previewPersonalData(text: string): PersonalDataPreview {
  if (text.trim() === '') return { segments: [], count: 0, kinds: [] };
  const entities = detect(text);
  const segments: PreviewSegment[] = [];
  const kinds: string[] = [];
  let last = 0;
  for (const entity of entities) {
    if (entity.start > last) segments.push({ kind: 'text', text: text.slice(last, entity.start) });
    const label = PERSONAL_DATA_LABELS[entity.type];
    segments.push({ kind: 'personal', text: text.slice(entity.start, entity.end), label, placeholder: `[${PLACEHOLDER_LABELS[entity.type]}_…]` });
    if (!kinds.includes(label)) kinds.push(label);
    last = entity.end;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return { segments, count: entities.length, kinds };
}
