const NON_ASCII = /[\u0080-\uffff]/;

/** Lowercase, accents removed, typographic apostrophes made plain: the key names are compared by. */
export function foldName(value: string): string {
  if (!NON_ASCII.test(value)) return value.toLowerCase();
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase();
}
