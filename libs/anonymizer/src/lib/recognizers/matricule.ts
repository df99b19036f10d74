import type { Candidate } from '../entities';

/** Words that introduce an agent's identifier in a management system. */
const CUE = new RegExp(
  '(?:' +
    [
    '\\bmatricule(?:\\s+(?:agent|RH|SIRH|EPP))?',
    "\\bn°\\s*(?:de\\s+)?(?:dossier|agent|matricule|d['’]agent)(?:\\s+(?:agent|individuel|RH))?",
    "\\bnum[ée]ro\\s+(?:de\\s+)?(?:dossier|d['’]agent|agent|matricule)(?:\\s+(?:agent|individuel|RH))?",
    '\\bidentifiant(?:\\s+(?:SIRH|RH|agent|personnel|AGORA|EPP|Harp[èe]ge|Virtualia|Mosart|interne))?',
    '\\bid\\s+agent',
    '\\bcode\\s+agent',
    "\\bn°\\s*(?:EPP|SIRH|AGORA|Harp[èe]ge|Virtualia)",
    '\\br[ée]f[ée]rence\\s+(?:agent|dossier|du\\s+dossier)',
    '\\bdossier\\s+n°',
    ].join('|') +
    ")(?![\\p{L}\\d])(?:\\s+(?:n°|no|num[ée]ro)(?![\\p{L}]))?\\s*[:#]?\\s*(?:est\\s+(?:le\\s+)?)?",
  'giu',
);
const VALUE = /(?:[A-Z]{1,4}[ -]?)?\d[\dA-Z/-]{3,18}(?![\p{L}\d])/uy;
const DATE_LIKE = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/;

/** An identifier (with at least 3 digits) right after "matricule", "n° de dossier agent", "identifiant SIRH"… */
export function recognizeMatricule(text: string): Candidate[] {
  const found: Candidate[] = [];
  if (!/matricule|n°|num[ée]ro|identifiant|id\s+agent|code\s+agent|r[ée]f[ée]rence/i.test(text)) return found;
  for (const cue of text.matchAll(CUE)) {
    VALUE.lastIndex = cue.index + cue[0].length;
    const value = VALUE.exec(text);
    if (!value || DATE_LIKE.test(value[0]) || (value[0].match(/\d/g) ?? []).length < 3) continue;
    found.push({ start: value.index, end: value.index + value[0].length, type: 'MATRICULE', confidence: 0.9 });
  }
  return found;
}
