import { detect, ENTITY_TYPES, pseudonymize, type EntityType } from '@mileva/anonymizer';
import { readFile } from 'node:fs/promises';
import { alteredWithoutPersonalData, hasLeak, scoreTypes, type GoldEntity, type RecordOutcome, type TypeScores } from './anonymization-metrics';
import { UsageError } from './ingest.command';
import { round3 } from './retrieval-metrics';

/** One text of an anonymization evaluation set. */
export interface AnonymizationEvalRecord {
  readonly id: string;
  readonly text: string;
  readonly entities: readonly GoldEntity[];
  readonly kind?: string;
}

export interface AnonymizationEvalOptions {
  /** JSONL file (see {@link readAnonymizationRecords}). */
  readonly data: string;
  /** Targets for CI (see {@link checkAnonymizationTargets}). */
  readonly minRecall?: Readonly<Partial<Record<string, number>>>;
  readonly minPrecision?: Readonly<Partial<Record<string, number>>>;
  readonly maxLeaks?: number;
  /** Largest share (0 to 1) of the texts without personal data that pseudonymization may change. */
  readonly maxAlteredRate?: number;
  /** Largest time of one pseudonymization per 1,000 characters of text, in milliseconds. */
  readonly maxMsPerKchar?: number;
}

export interface AnonymizationEvalResult {
  readonly n: number;
  readonly perType: Readonly<Record<string, TypeScores>>;
  /** Texts where a labelled NIR, NUMEN, IBAN, e-mail or phone still appears after pseudonymization. */
  readonly leaks: number;
  readonly leakedIds: readonly string[];
  readonly noPii: { readonly n: number; readonly altered: number };
  readonly alteredIds: readonly string[];
  /** Mean time of one pseudonymization (detection included), and the same per 1,000 characters. */
  readonly msPerText: number;
  readonly msPerKchar: number;
  readonly meanChars: number;
}

/** What `mileva eval anonymization --json` prints. */
export interface AnonymizationEvalJson {
  readonly per_type: Readonly<Record<string, { readonly precision: number; readonly recall: number; readonly f2: number; readonly support: number }>>;
  readonly leaks: number;
  readonly no_pii: { readonly n: number; readonly altered: number };
  readonly ms_per_text: number;
}

/** Raw command-line flags of `mileva eval anonymization`, as commander gives them. */
export interface AnonymizationEvalFlags {
  readonly data?: string;
  readonly minRecall?: readonly string[];
  readonly minPrecision?: readonly string[];
  readonly maxLeaks?: string;
  readonly maxAlteredRate?: string;
  readonly maxMsPerKchar?: string;
}

/** Timed passes over the whole set; the fastest counts (the others absorb warm-up and noise of a shared machine). */
const TIMED_PASSES = 5;

/**
 * Reads a JSONL set: one `{id, text, entities: [{start, end, type, value}], kind?}` per line. Blank
 * lines are skipped; any other problem is a {@link UsageError} naming the line.
 */
export async function readAnonymizationRecords(path: string): Promise<AnonymizationEvalRecord[]> {
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`Fichier d’évaluation introuvable : ${path}`);
    if (code === 'EISDIR') throw new UsageError(`${path} est un dossier : indiquez un fichier JSONL.`);
    throw new UsageError(`Lecture impossible de ${path} : ${(error as Error).message}`);
  }
  const records: AnonymizationEvalRecord[] = [];
  content
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, index) => {
      if (line.trim() !== '') records.push(parseRecordLine(line, `${path}, ligne ${index + 1}`, index + 1));
    });
  if (records.length === 0) throw new UsageError(`${path} ne contient aucun texte (un objet JSON par ligne attendu).`);
  return records;
}

function parseRecordLine(line: string, where: string, lineNumber: number): AnonymizationEvalRecord {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new UsageError(`${where} : JSON invalide (${(error as Error).message}).`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${where} : un objet JSON est attendu.`);
  const record = value as Record<string, unknown>;
  const text = record['text'];
  if (typeof text !== 'string') throw new UsageError(`${where} : le champ « text » doit être un texte.`);
  const rawEntities = record['entities'] ?? [];
  if (!Array.isArray(rawEntities)) throw new UsageError(`${where} : le champ « entities » doit être une liste de {start, end, type, value}.`);
  const entities = rawEntities.map((entity: unknown, index): GoldEntity => {
    const span = (typeof entity === 'object' && entity !== null ? entity : {}) as Record<string, unknown>;
    const start = span['start'];
    const end = span['end'];
    const type = span['type'];
    if (!Number.isInteger(start) || !Number.isInteger(end) || (start as number) < 0 || (end as number) <= (start as number) || (end as number) > text.length) {
      throw new UsageError(`${where}, entité ${index + 1} : « start » et « end » doivent être des positions entières du texte, avec start < end.`);
    }
    if (typeof type !== 'string' || type.trim() === '') throw new UsageError(`${where}, entité ${index + 1} : le champ « type » doit être un texte non vide.`);
    const slice = text.slice(start as number, end as number);
    const value = span['value'] ?? slice;
    if (value !== slice) throw new UsageError(`${where}, entité ${index + 1} : la valeur « ${String(value)} » ne correspond pas au texte entre les positions ${String(start)} et ${String(end)}.`);
    return { start: start as number, end: end as number, type: type.trim(), value: slice };
  });
  const rawId = record['id'];
  const id = typeof rawId === 'string' && rawId.trim() !== '' ? rawId.trim() : typeof rawId === 'number' ? String(rawId) : `ligne-${lineNumber}`;
  const kind = record['kind'];
  return { id, text, entities, ...(typeof kind === 'string' ? { kind } : {}) };
}

/**
 * Scores the anonymizer on a labelled set: spans per type (overlap, same type), leaks of
 * identifiers, texts without personal data that were changed, and the time of pseudonymizing one text.
 */
export async function runAnonymizationEval(options: AnonymizationEvalOptions): Promise<AnonymizationEvalResult> {
  validateAnonymizationEvalOptions(options);
  const records = await readAnonymizationRecords(options.data);
  const outcomes: RecordOutcome[] = records.map((record) => ({
    text: record.text,
    gold: record.entities,
    predicted: detect(record.text),
    pseudonymized: pseudonymize(record.text).text,
  }));

  let fastest = Number.POSITIVE_INFINITY;
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    const started = performance.now();
    for (const record of records) pseudonymize(record.text);
    fastest = Math.min(fastest, performance.now() - started);
  }
  const chars = records.reduce((sum, record) => sum + record.text.length, 0);

  const leakedIds = records.filter((_, index) => hasLeak(outcomes[index])).map((record) => record.id);
  const alteredIds = records.filter((record, index) => record.entities.length === 0 && outcomes[index].pseudonymized !== record.text).map((record) => record.id);
  return {
    n: records.length,
    perType: scoreTypes(outcomes),
    leaks: leakedIds.length,
    leakedIds,
    noPii: alteredWithoutPersonalData(outcomes),
    alteredIds,
    msPerText: round3(fastest / records.length),
    msPerKchar: round3(chars === 0 ? 0 : (fastest / chars) * 1000),
    meanChars: Math.round(chars / records.length),
  };
}

function knownType(flag: string, type: string): string {
  const upper = type.trim().toUpperCase();
  if (!ENTITY_TYPES.includes(upper as EntityType)) throw new UsageError(`${flag} : type « ${type} » inconnu (types : ${ENTITY_TYPES.join(', ')}).`);
  return upper;
}

/** Reads `TYPES=x` targets: `NIR,NUMEN,IBAN=0.99`, repeatable; a bad one is a {@link UsageError} naming the flag. */
export function parseTypeTargets(flag: string, values: readonly string[] | undefined): Record<string, number> | undefined {
  if (!values || values.length === 0) return undefined;
  const targets: Record<string, number> = {};
  for (const value of values) {
    const match = /^([^=]+)=(.+)$/.exec(value.trim());
    if (!match) throw new UsageError(`${flag} : TYPES=x attendu, par exemple NIR,IBAN=0.99 (reçu : ${value}).`);
    const threshold = Number(match[2].trim().replace(',', '.'));
    if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1) throw new UsageError(`${flag} : seuil de 0 à 1 attendu (reçu : ${match[2]}).`);
    for (const type of match[1].split(/[,;]/)) targets[knownType(flag, type)] = threshold;
  }
  return targets;
}

/** Checks the options; a problem is a {@link UsageError} naming the flag. */
export function validateAnonymizationEvalOptions(options: AnonymizationEvalOptions): void {
  if (!options.data) throw new UsageError('--data : indiquez le fichier JSONL des textes annotés.');
  if (options.maxLeaks !== undefined && !(Number.isInteger(options.maxLeaks) && options.maxLeaks >= 0)) {
    throw new UsageError(`--max-leaks : nombre entier positif ou nul attendu (reçu : ${options.maxLeaks}).`);
  }
  if (options.maxAlteredRate !== undefined && !(Number.isFinite(options.maxAlteredRate) && options.maxAlteredRate >= 0 && options.maxAlteredRate <= 1)) {
    throw new UsageError(`--max-altered-rate : nombre de 0 à 1 attendu (reçu : ${options.maxAlteredRate}).`);
  }
  if (options.maxMsPerKchar !== undefined && !(Number.isFinite(options.maxMsPerKchar) && options.maxMsPerKchar > 0)) {
    throw new UsageError(`--max-ms-per-kchar : nombre positif attendu (reçu : ${options.maxMsPerKchar}).`);
  }
}

/** Turns the command-line flags into options; a bad value is a {@link UsageError} naming the flag. */
export function anonymizationEvalOptionsFromFlags(flags: AnonymizationEvalFlags): AnonymizationEvalOptions {
  const number = (flag: string, value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    const parsed = value.trim() === '' ? Number.NaN : Number(value.replace(',', '.'));
    if (!Number.isFinite(parsed)) throw new UsageError(`${flag} : nombre attendu (reçu : ${value}).`);
    return parsed;
  };
  const options: AnonymizationEvalOptions = {
    data: flags.data ?? '',
    minRecall: parseTypeTargets('--min-recall', flags.minRecall),
    minPrecision: parseTypeTargets('--min-precision', flags.minPrecision),
    maxLeaks: number('--max-leaks', flags.maxLeaks),
    maxAlteredRate: number('--max-altered-rate', flags.maxAlteredRate),
    maxMsPerKchar: number('--max-ms-per-kchar', flags.maxMsPerKchar),
  };
  validateAnonymizationEvalOptions(options);
  return options;
}

/** The object `mileva eval anonymization --json` prints. */
export function anonymizationEvalJson(result: AnonymizationEvalResult): AnonymizationEvalJson {
  return {
    per_type: Object.fromEntries(
      Object.entries(result.perType).map(([type, scores]) => [type, { precision: scores.precision, recall: scores.recall, f2: scores.f2, support: scores.support }]),
    ),
    leaks: result.leaks,
    no_pii: { n: result.noPii.n, altered: result.noPii.altered },
    ms_per_text: result.msPerText,
  };
}

const TYPE_LABELS: Readonly<Record<EntityType, string>> = {
  PERSON: 'personne',
  NIR: 'NIR',
  NUMEN: 'NUMEN',
  INE: 'INE',
  IBAN: 'IBAN',
  SIREN: 'SIREN',
  SIRET: 'SIRET',
  EMAIL: 'e-mail',
  PHONE: 'téléphone',
  ADDRESS: 'adresse',
  DATE_OF_BIRTH: 'date de naissance',
  MATRICULE: 'matricule',
  SCHOOL: 'établissement',
};

const typeLabel = (type: string): string => TYPE_LABELS[type as EntityType] ?? type;
/** "téléphone (PHONE)", or the type alone when its French label is the same. */
const typeName = (type: string): string => (typeLabel(type) === type ? type : `${typeLabel(type)} (${type})`);
const decimal = (value: number, digits: number): string => value.toFixed(digits).replace('.', ',');

/** The evaluation as a French table for the terminal. */
export function formatAnonymizationEval(result: AnonymizationEvalResult): string {
  const header = ['type', 'précision', 'rappel', 'F2', 'attendues', 'trouvées'];
  const table = [
    header,
    ...Object.entries(result.perType).map(([type, scores]) => [
      typeName(type),
      decimal(scores.precision, 3),
      decimal(scores.recall, 3),
      decimal(scores.f2, 3),
      String(scores.support),
      String(scores.predicted),
    ]),
  ];
  const widths = header.map((_, column) => Math.max(...table.map((cells) => cells[column].length)));
  const rate = result.noPii.n === 0 ? 0 : (result.noPii.altered / result.noPii.n) * 100;
  const lines = [
    `Évaluation de l’anonymisation : ${result.n} texte(s), ${result.meanChars} caractères en moyenne`,
    '',
    ...table.map((cells) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd()),
    '',
    `Fuites (NIR, NUMEN, IBAN, e-mail ou téléphone encore présents après pseudonymisation) : ${result.leaks} texte(s)${result.leakedIds.length > 0 ? ` — ${result.leakedIds.join(', ')}` : ''}`,
    `Textes sans donnée personnelle modifiés : ${result.noPii.altered} sur ${result.noPii.n} (${decimal(rate, 1)} %)${result.alteredIds.length > 0 ? ` — ${result.alteredIds.join(', ')}` : ''}`,
    `Temps : ${decimal(result.msPerText, 3)} ms par texte, ${decimal(result.msPerKchar, 3)} ms pour 1 000 caractères`,
  ];
  return lines.join('\n');
}

/** Targets not met, as French messages (empty when every target asked for is met). */
export function checkAnonymizationTargets(result: AnonymizationEvalResult, options: AnonymizationEvalOptions): string[] {
  const messages: string[] = [];
  const figure = (value: number): string => value.toFixed(3);
  const checkScores = (targets: Readonly<Partial<Record<string, number>>> | undefined, metric: 'recall' | 'precision', label: string): void => {
    for (const [type, target] of Object.entries(targets ?? {})) {
      if (target === undefined) continue;
      const scores = result.perType[type];
      if (!scores || scores.support === 0) {
        messages.push(`${label} ${typeName(type)} : aucune entité de ce type dans le jeu d’évaluation, objectif non vérifiable.`);
      } else if (scores[metric] < target) {
        messages.push(`${label} ${typeName(type)} : ${figure(scores[metric])}, sous le minimum demandé (${figure(target)}).`);
      }
    }
  };
  checkScores(options.minRecall, 'recall', 'rappel');
  checkScores(options.minPrecision, 'precision', 'précision');
  if (options.maxLeaks !== undefined && result.leaks > options.maxLeaks) {
    messages.push(`fuites : ${result.leaks} texte(s) (${result.leakedIds.join(', ')}), au-dessus du maximum autorisé (${options.maxLeaks}).`);
  }
  if (options.maxAlteredRate !== undefined && result.noPii.n > 0 && result.noPii.altered / result.noPii.n > options.maxAlteredRate) {
    messages.push(
      `textes sans donnée personnelle modifiés : ${result.noPii.altered} sur ${result.noPii.n}, au-dessus du maximum autorisé (${decimal(options.maxAlteredRate * 100, 1)} %).`,
    );
  }
  if (options.maxMsPerKchar !== undefined && result.msPerKchar > options.maxMsPerKchar) {
    messages.push(`temps : ${decimal(result.msPerKchar, 3)} ms pour 1 000 caractères, au-dessus du maximum autorisé (${decimal(options.maxMsPerKchar, 3)} ms).`);
  }
  return messages;
}
