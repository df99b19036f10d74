import { ANALYTICS_ALL, ANALYTICS_NO_THEME, type AggregateCell, type AggregatesResponse } from '@mileva/contracts';
import { getTheme, isAcademieCode, isThemeCode, NATIONAL_CORPUS, getAcademie } from '@mileva/rh-taxonomy';

/** What a hidden figure shows: it rests on fewer than five people, or would give such a figure away. */
export const SUPPRESSED_MARK = '< 5';

const COLUMNS: readonly { readonly header: string; readonly value: (cell: AggregateCell) => string }[] = [
  { header: 'Période (début)', value: (cell) => cell.period },
  { header: 'Académie', value: (cell) => academieLabel(cell.academie) },
  { header: 'Thème', value: (cell) => themeLabel(cell.theme) },
  { header: 'Questions', value: (cell) => usage(cell, (metrics) => integer(metrics.questions)) },
  { header: 'Utilisateurs actifs', value: (cell) => usage(cell, (metrics) => integer(metrics.users)) },
  { header: 'Réponses', value: (cell) => usage(cell, (metrics) => integer(metrics.answers)) },
  { header: 'Réponses appuyées sur les documents (%)', value: (cell) => usage(cell, (metrics) => percent(metrics.answerableRate)) },
  { header: 'Questions sans réponse dans les documents', value: (cell) => usage(cell, (metrics) => integer(metrics.unanswered)) },
  { header: 'Latence médiane (ms)', value: (cell) => usage(cell, (metrics) => integer(metrics.latencyP50Ms)) },
  { header: 'Latence p95 (ms)', value: (cell) => usage(cell, (metrics) => integer(metrics.latencyP95Ms)) },
  { header: 'Avis', value: (cell) => feedback(cell, (metrics) => integer(metrics.feedbacks)) },
  { header: 'Satisfaction (%)', value: (cell) => feedback(cell, (metrics) => percent(metrics.satisfactionRate)) },
  { header: 'Brouillons envoyés tels quels (%)', value: (cell) => feedback(cell, (metrics) => percent(metrics.sentAsIsRate)) },
  { header: 'Avis « pas de source »', value: (cell) => feedback(cell, (metrics) => integer(metrics.noSource)) },
  { header: 'Minutes gagnées déclarées', value: (cell) => feedback(cell, (metrics) => integer(metrics.minutesSaved)) },
  {
    header: 'Heures gagnées par utilisateur actif et par semaine',
    value: (cell) => (cell.usageSuppressed || cell.feedbackSuppressed ? SUPPRESSED_MARK : decimal(cell.hoursSavedPerUserPerWeek, 2)),
  },
  { header: 'Documents ajoutés', value: (cell) => integer(cell.documents.ingested) },
  { header: 'Documents retirés', value: (cell) => integer(cell.documents.withdrawn) },
];

/**
 * The cells as a CSV file for a spreadsheet in French: UTF-8 with a byte order mark, `;` between
 * fields, decimal commas, a French header row; a hidden figure reads « < 5 ».
 */
export function aggregatesCsv(response: AggregatesResponse): string {
  const lines = [COLUMNS.map((column) => column.header), ...response.cells.map((cell) => COLUMNS.map((column) => column.value(cell)))];
  return `\uFEFF${lines.map((fields) => fields.map(field).join(';')).join('\r\n')}\r\n`;
}

function usage(cell: AggregateCell, read: (metrics: NonNullable<AggregateCell['usage']>) => string): string {
  return cell.usage ? read(cell.usage) : SUPPRESSED_MARK;
}

function feedback(cell: AggregateCell, read: (metrics: NonNullable<AggregateCell['feedback']>) => string): string {
  return cell.feedback ? read(cell.feedback) : SUPPRESSED_MARK;
}

function integer(value: number | null): string {
  return value === null ? '' : String(Math.round(value));
}

function decimal(value: number | null, digits: number): string {
  return value === null ? '' : value.toFixed(digits).replace('.', ',');
}

function percent(rate: number | null): string {
  return rate === null ? '' : decimal(rate * 100, 1);
}

function academieLabel(code: string): string {
  if (code === ANALYTICS_ALL) return 'Toutes les académies';
  if (code === NATIONAL_CORPUS) return 'Niveau national';
  return isAcademieCode(code) ? getAcademie(code).shortName : code;
}

function themeLabel(code: string): string {
  if (code === ANALYTICS_ALL) return 'Tous les thèmes';
  if (code === ANALYTICS_NO_THEME) return 'Sans thème';
  return isThemeCode(code) ? getTheme(code).label : code;
}

/** A field quoted when it holds a separator, a quote or a line break. */
function field(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
