// Names of the académies from the taxonomy. Kept apart from labels.ts: the taxonomy weighs tens of kilobytes and the
// header, in the initial bundle, loads this file on demand.
import { ACADEMIES, NATIONAL_CORPUS } from '@mileva/rh-taxonomy';

const ACADEMIE_NAMES: ReadonlyMap<string, string> = new Map(ACADEMIES.map((academie) => [academie.code, academie.name]));

export const NATIONAL_LABEL = 'Niveau national';

/** « Académie de Lyon », « Niveau national », the code itself when unknown. */
export function academieLabel(code: string): string {
  if (code === NATIONAL_CORPUS) return NATIONAL_LABEL;
  return ACADEMIE_NAMES.get(code) ?? code;
}

/** The taxonomy's name of an académie, or undefined for any other code (`national` included). */
export function academieName(code: string): string | undefined {
  return ACADEMIE_NAMES.get(code);
}
