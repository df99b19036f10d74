import type { Candidate, EntityType } from '../entities';
import { foldName } from '../lexicon/fold';

/** Column headers and the personal data their cells hold. */
const COLUMN_TYPES: readonly (readonly [RegExp, EntityType, number])[] = [
  [/^(?:nom|noms|prenoms?|nom (?:de famille|d'usage|de naissance|marital)|nom(?: et|,| -| \/)? prenoms?|prenom(?: et|,| -| \/)? nom|agent|nom de l'agent|identite|beneficiaire|demandeur)$/, 'PERSON', 0.9],
  [/^(?:date (?:de )?naissance|ddn|nee? le|ne\(e\) le|naissance)$/, 'DATE_OF_BIRTH', 0.9],
  [/^(?:adresse|adresse personnelle|adresse postale|domicile)$/, 'ADDRESS', 0.9],
  [/^(?:matricule|identifiant|id agent|n° agent|numero agent|n° (?:de )?dossier|numero de dossier)$/, 'MATRICULE', 0.9],
  [/^(?:numen)$/, 'NUMEN', 0.8],
  [/^(?:nir|n° ss|n° secu|numero de securite sociale|n° (?:de )?securite sociale|securite sociale)$/, 'NIR', 0.8],
  [/^(?:telephone|tel\.?|portable|mobile)$/, 'PHONE', 0.8],
  [/^(?:e-?mail|mel|courriel|adresse (?:e-?mail|electronique|mel))$/, 'EMAIL', 0.8],
  [/^(?:etablissement|etablissement d'affectation|ecole|college|lycee)$/, 'SCHOOL', 0.85],
];

/** A header line names at least one of these. */
const HEADER_WORDS = /nom|pr[ée]nom|naissance|ddn|adresse|domicile|matricule|identifiant|dossier|numen|nir|s[ée]cu|t[ée]l|portable|mobile|mail|m[ée]l|courriel|[ée]tablissement|[ée]cole|coll[èe]ge|lyc[ée]e|agent|identit|b[ée]n[ée]ficiaire|demandeur/i;

interface Cell {
  readonly start: number;
  readonly end: number;
}

/** Cells of one row, trimmed (quotes of a CSV field left out; a separator inside quotes does not split). */
function splitRow(text: string, start: number, end: number, separator: string): Cell[] {
  const cells: Cell[] = [];
  let cellStart = start;
  let quoted = false;
  for (let index = start; index <= end; index++) {
    if (index < end && text[index] === '"' && separator !== '|') quoted = !quoted;
    if (index === end || (text[index] === separator && !quoted)) {
      let from = cellStart;
      let to = index;
      while (from < to && /[\s"]/.test(text[from])) from++;
      while (to > from && /[\s"]/.test(text[to - 1])) to--;
      cells.push({ start: from, end: to });
      cellStart = index + 1;
    }
  }
  return cells;
}

function columnType(header: string): readonly [EntityType, number] | undefined {
  const folded = foldName(header).replace(/[_.]+/g, ' ').replace(/\s+/g, ' ').trim();
  const column = COLUMN_TYPES.find(([pattern]) => pattern.test(folded));
  return column ? [column[1], column[2]] : undefined;
}

interface Row {
  readonly start: number;
  readonly end: number;
}

function rowsOf(text: string): Row[] {
  const rows: Row[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    rows.push({ start, end: text[end - 1] === '\r' ? end - 1 : end });
    start = end + 1;
  }
  return rows;
}

/**
 * Cells of tables whose header names personal data: Markdown tables (`| NOM | Prénom |`) and CSV
 * exports (`;`, tab or `,` separated, with a header line). A cell under "Nom" or "Prénom" is a
 * person's name whatever the word.
 */
export function recognizeTableColumns(text: string): Candidate[] {
  if (!/[|;\t,]/.test(text)) return [];
  const found: Candidate[] = [];
  const rows = rowsOf(text);
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index];
    const line = text.slice(row.start, row.end);
    if (!HEADER_WORDS.test(line)) continue;
    const separator = line.trim().startsWith('|') ? '|' : line.includes(';') ? ';' : line.includes('\t') ? '\t' : line.includes(',') ? ',' : undefined;
    if (!separator) continue;
    const header = splitRow(text, row.start, row.end, separator);
    const types = header.map((cell) => columnType(text.slice(cell.start, cell.end)));
    const headerLike = header.every((cell) => cell.end - cell.start <= 40);
    if (header.length < (separator === ',' ? 3 : 2) || !headerLike || !types.some((type) => type !== undefined)) continue;
    let next = index + 1;
    for (; next < rows.length; next++) {
      const dataRow = rows[next];
      const dataLine = text.slice(dataRow.start, dataRow.end);
      if (separator === '|' ? !dataLine.trim().startsWith('|') : !dataLine.includes(separator)) break;
      if (/^[\s|:-]+$/.test(dataLine)) continue;
      const cells = splitRow(text, dataRow.start, dataRow.end, separator);
      if (cells.length !== header.length) break;
      cells.forEach((cell, column) => {
        const type = types[column];
        const value = text.slice(cell.start, cell.end);
        if (type && cell.end > cell.start && /[\p{L}\d]/u.test(value) && value.length <= 80) {
          found.push({ start: cell.start, end: cell.end, type: type[0], confidence: type[1] });
        }
      });
    }
    index = next - 1;
  }
  return found;
}
