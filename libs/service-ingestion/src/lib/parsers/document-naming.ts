import { normalizeInline } from './text-normalizer';

/** Lowercase extension of a file name with its dot (".pdf"), '' when there is none. */
export function fileExtension(fileName: string): string {
  const base = baseName(fileName);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/** File name without any folder part ("a/b/c.pdf" → "c.pdf"). */
export function baseName(fileName: string): string {
  return fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1);
}

/** A readable title made from a file name: extension dropped, "_" and slug hyphens turned into spaces. */
export function titleFromFileName(fileName: string): string {
  const base = baseName(fileName);
  const extension = fileExtension(base);
  let stem = extension === '' ? base : base.slice(0, -extension.length);
  // A slug ("conge-de-maladie", "note_de-service") has no spaces: its hyphens stand for spaces.
  if (!/\s/.test(stem.trim())) stem = stem.replace(/-+/g, ' ');
  stem = stem.replace(/_+/g, ' ');
  const title = normalizeInline(stem);
  return title === '' ? 'Document sans titre' : capitalize(title);
}

const PLACEHOLDER_TITLES = /^(?:untitled|sans titre|document\s*\d*|titre|title|diapositive\s*\d*|slide\s*\d*|présentation powerpoint|powerpoint presentation|microsoft word|word|pdf)$/i;
const FILE_LIKE_TITLE = /\.(?:docx?|pdf|odt|rtf|txt|pptx?|xlsx?|html?|md)$/i;

/**
 * Cleans a title found in a document's metadata, or returns undefined when it is only a placeholder
 * ("Document1", "Microsoft Word - note.doc" becomes "note").
 */
export function cleanMetadataTitle(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let title = normalizeInline(raw).replace(/^microsoft (?:word|powerpoint|excel)\s*-\s*/i, '');
  if (FILE_LIKE_TITLE.test(title)) title = title.replace(FILE_LIKE_TITLE, '');
  if (title.includes('_')) title = title.replace(/_+/g, ' ');
  title = normalizeInline(title);
  if (title.length < 2 || PLACEHOLDER_TITLES.test(title) || !/\p{L}/u.test(title)) return undefined;
  return title;
}

const MONTHS_FR: Readonly<Record<string, number>> = {
  janvier: 1, février: 2, fevrier: 2, mars: 3, avril: 4, mai: 5, juin: 6, juillet: 7, août: 8, aout: 8,
  septembre: 9, octobre: 10, novembre: 11, décembre: 12, decembre: 12,
};

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Finds a calendar date in a metadata value and returns it as YYYY-MM-DD: ISO dates
 * ("2019-10-22", "modified 2019-10-22", "2024-01-26T14:48:39+01:00"), PDF dates ("D:20240126144839+01'00'"),
 * French dates ("22/10/2019", "22 octobre 2019"). Undefined when the value holds none.
 */
export function toIsoDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(text);
  if (pdf) return isoDate(Number(pdf[1]), Number(pdf[2] ?? '1'), Number(pdf[3] ?? '1'));
  const iso = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const french = /(?<!\d)(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?!\d)/.exec(text);
  if (french) return isoDate(Number(french[3]), Number(french[2]), Number(french[1]));
  const written = /(?<!\d)(\d{1,2})(?:er)?\s+(\p{L}+)\s+(\d{4})(?!\d)/u.exec(text);
  if (written) {
    const month = MONTHS_FR[written[2].toLowerCase()];
    if (month !== undefined) return isoDate(Number(written[3]), month, Number(written[1]));
  }
  return undefined;
}
