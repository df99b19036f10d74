/**
 * 32-bit FNV-1a, fed one UTF-16 code unit at a time, plus the MurmurHash3 finalizer. Pure integer
 * arithmetic (`Math.imul`, xor, shifts): the same text hashes to the same value on every platform.
 */

export const FNV_OFFSET_BASIS = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Feeds one code unit into an FNV-1a state. */
export function fnvFeedCode(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME);
}

/** Feeds every code unit of `text[start, end)` into an FNV-1a state. */
export function fnvFeed(
  hash: number,
  text: string,
  start = 0,
  end = text.length,
): number {
  let h = hash;
  for (let i = start; i < end; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  }
  return h;
}

/** MurmurHash3 `fmix32`: spreads every input bit over the whole output (FNV's low bits are weak). */
export function fmix32(hash: number): number {
  let h = hash;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
