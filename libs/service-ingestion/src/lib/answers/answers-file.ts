import { parse } from 'csv-parse/sync';

/** One previous question/answer pair as read from an import file, before pseudonymization. */
export interface RawAnswerEntry {
  /** Where it comes from, for messages: `file.csv:12`. */
  readonly ref: string;
  readonly question: string;
  readonly answer: string;
  readonly theme?: string;
}

export interface AnswersFileContent {
  readonly entries: readonly RawAnswerEntry[];
  /** Lines that could not be read, with a French reason. */
  readonly invalid: readonly { readonly ref: string; readonly message: string }[];
}

const QUESTION_KEYS = ['question', 'questions', 'demande', 'q'];
const ANSWER_KEYS = ['answer', 'reponse', 'réponse', 'reponses', 'réponses', 'a'];
const THEME_KEYS = ['theme', 'thème', 'theme_code'];

export class AnswersFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnswersFileError';
  }
}

/**
 * Reads a base of previous answers: CSV (comma or semicolon separated, with a header row naming
 * the question and answer columns) or JSONL (one object per line with `question` and `answer`).
 */
export function readAnswersFile(fileName: string, bytes: Uint8Array): AnswersFileContent {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new AnswersFileError(`${fileName} n’est pas encodé en UTF-8 : enregistrez-le en UTF-8 puis réessayez.`);
  }
  if (text.trim() === '') throw new AnswersFileError(`${fileName} est vide.`);
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return readJsonLines(fileName, text);
  if (lower.endsWith('.csv')) return readCsv(fileName, text);
  throw new AnswersFileError(`${fileName} : format non pris en charge pour une base de réponses ; fournissez un fichier .csv ou .jsonl.`);
}

function pick(record: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const [key, value] of Object.entries(record)) {
    if (keys.includes(key.trim().toLowerCase()) && typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

function toEntry(ref: string, record: Record<string, unknown>): RawAnswerEntry | { ref: string; message: string } {
  const question = pick(record, QUESTION_KEYS);
  const answer = pick(record, ANSWER_KEYS);
  if (!question || !answer) {
    return { ref, message: `${ref} : question ou réponse manquante (colonnes attendues : « question » et « reponse »).` };
  }
  const theme = pick(record, THEME_KEYS);
  return { ref, question, answer, ...(theme ? { theme } : {}) };
}

function readJsonLines(fileName: string, text: string): AnswersFileContent {
  const entries: RawAnswerEntry[] = [];
  const invalid: { ref: string; message: string }[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const ref = `${fileName}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      invalid.push({ ref, message: `${ref} : ligne JSON invalide.` });
      return;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      invalid.push({ ref, message: `${ref} : un objet JSON est attendu.` });
      return;
    }
    const entry = toEntry(ref, value as Record<string, unknown>);
    if ('question' in entry) entries.push(entry);
    else invalid.push(entry);
  });
  return { entries, invalid };
}

function readCsv(fileName: string, text: string): AnswersFileContent {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let records: Record<string, string>[];
  try {
    records = parse(text, { columns: true, delimiter, skip_empty_lines: true, relax_column_count: true, trim: true, bom: true });
  } catch (error) {
    throw new AnswersFileError(`${fileName} : CSV illisible (${error instanceof Error ? error.message : String(error)}).`);
  }
  const header = Object.keys(records[0] ?? {}).map((key) => key.toLowerCase());
  if (!header.some((key) => QUESTION_KEYS.includes(key)) || !header.some((key) => ANSWER_KEYS.includes(key))) {
    throw new AnswersFileError(`${fileName} : la première ligne doit nommer les colonnes « question » et « reponse » (trouvé : ${header.join(', ') || 'rien'}).`);
  }
  const entries: RawAnswerEntry[] = [];
  const invalid: { ref: string; message: string }[] = [];
  records.forEach((record, index) => {
    const entry = toEntry(`${fileName}:${index + 2}`, record);
    if ('question' in entry) entries.push(entry);
    else invalid.push(entry);
  });
  return { entries, invalid };
}
