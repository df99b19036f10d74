/** Remainder of a decimal string (any length) divided by `modulus`, digit by digit. */
export function decimalMod(digits: string, modulus: number): number {
  let remainder = 0;
  for (let index = 0; index < digits.length; index++) {
    const digit = digits.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return Number.NaN;
    remainder = (remainder * 10 + digit) % modulus;
  }
  return remainder;
}

/** Removes the spaces, dots and hyphens people put inside identifiers. */
export function compactIdentifier(value: string): string {
  return value.replace(/[\s.\-\u00a0\u202f]/g, '').toUpperCase();
}

const NIR_SHAPE = /^([1-478])(\d{2})(\d{2})(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})?$/;

/**
 * Key of the 13 first characters of a NIR (numéro de sécurité sociale): 97 − (number mod 97), where
 * Corsica's `2A` and `2B` count as `19` and `18`.
 */
export function nirKey(first13: string): number {
  const digits = first13.toUpperCase().replace('2A', '19').replace('2B', '18');
  return 97 - decimalMod(digits, 97);
}

/** A structurally plausible NIR: sex digit, year, month (01–12, 20–42 or 50–99), department, commune, order. */
export function isNirShaped(value: string): boolean {
  const match = NIR_SHAPE.exec(compactIdentifier(value));
  if (!match) return false;
  const month = Number(match[3]);
  return (month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50;
}

/** A NIR of 15 characters (with or without separators) whose key matches. */
export function isValidNir(value: string): boolean {
  const compact = compactIdentifier(value);
  if (compact.length !== 15 || !isNirShaped(compact)) return false;
  return nirKey(compact.slice(0, 13)) === Number(compact.slice(13));
}

/** Expected length of the IBAN of common countries (others: 15 to 34 characters). */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  FR: 27, MC: 27, DE: 22, BE: 16, ES: 24, IT: 27, PT: 25, LU: 20, CH: 21, GB: 22, NL: 18, IE: 22, AT: 20,
  PL: 28, GR: 27, FI: 18, DK: 18, SE: 24, NO: 15, RO: 24, CZ: 24, HU: 28, MA: 28, TN: 24, DZ: 26, SN: 28,
  CI: 28, LI: 21, SM: 27, AD: 24, HR: 21, SI: 19, SK: 24, BG: 22, LT: 20, LV: 21, EE: 20, CY: 28, MT: 31,
};

/** ISO 13616 check: moved country code and key, letters as 10–35, the whole number mod 97 is 1. */
export function isValidIban(value: string): boolean {
  const compact = compactIdentifier(value);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(compact)) return false;
  const expected = IBAN_LENGTHS[compact.slice(0, 2)];
  if (expected !== undefined && compact.length !== expected) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let digits = '';
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    digits += code >= 65 ? String(code - 55) : char;
  }
  return decimalMod(digits, 97) === 1;
}

/** Luhn check over a string of digits. */
export function isLuhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** SIREN (9 digits, Luhn). */
export function isValidSiren(value: string): boolean {
  const compact = compactIdentifier(value);
  return compact.length === 9 && isLuhnValid(compact);
}

/** La Poste's establishments do not follow Luhn: the sum of their SIRET's digits is a multiple of 5. */
const LA_POSTE_SIREN = '356000000';

/** SIRET (14 digits: SIREN + establishment number, Luhn over the whole; La Poste's exception). */
export function isValidSiret(value: string): boolean {
  const compact = compactIdentifier(value);
  if (!/^\d{14}$/.test(compact)) return false;
  if (compact.startsWith(LA_POSTE_SIREN) && compact !== `${LA_POSTE_SIREN}00048`) {
    return [...compact].reduce((sum, digit) => sum + Number(digit), 0) % 5 === 0;
  }
  return isLuhnValid(compact);
}

/** Alphabet of the INE keys: 23 letters, without I, O and Q. */
const INE_KEY_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** INE of the académies' pupil bases (10 digits + key letter = letter of the number mod 23). */
export function isValidIneBea(value: string): boolean {
  const compact = compactIdentifier(value);
  if (!/^\d{10}[A-Z]$/.test(compact)) return false;
  return INE_KEY_LETTERS[decimalMod(compact.slice(0, 10), 23)] === compact[10];
}

/** Key letter of the 10 digits of an INE (for tests and fixtures). */
export function ineBeaKey(tenDigits: string): string {
  return INE_KEY_LETTERS[decimalMod(tenDigits, 23)];
}
