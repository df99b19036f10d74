const NON_ASCII = /[\u0080-\uffff]/;

/** Folded words seen lately: the same names and words come back in every message. */
const cache = new Map<string, string>();
const CACHE_LIMIT = 20_000;

/** Lowercase, accents removed, typographic apostrophes made plain: the key names are compared by. */
export function foldName(value: string): string {
  if (!NON_ASCII.test(value)) return value.toLowerCase();
  const cached = cache.get(value);
  if (cached !== undefined) return cached;
  const folded = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘]/g, "'")
    .toLowerCase();
  if (value.length <= 40) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(value, folded);
  }
  return folded;
}
