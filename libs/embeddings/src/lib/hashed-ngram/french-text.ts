/**
 * Light French text normalization for feature hashing: accent folding, tokenization with elision,
 * a short stop-word list and a plural/feminine stemmer. Deliberately crude and fast: it only has to
 * make "congé", "conges" and "congés" hash alike.
 */

const COMBINING_MARKS = /\p{M}+/gu;
const LIGATURES = /[œæ]/g;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Lowercase, strip accents (NFD then drop combining marks), expand œ/æ ligatures. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(LIGATURES, (ligature) => (ligature === 'œ' ? 'oe' : 'ae'));
}

const CODE_0 = 48;
const CODE_9 = 57;
const CODE_A = 97;
const CODE_Z = 122;

function isWordCode(code: number): boolean {
  if (code < 128) {
    return (
      (code >= CODE_A && code <= CODE_Z) || (code >= CODE_0 && code <= CODE_9)
    );
  }
  // Astral characters: keep both halves of the surrogate pair inside the token.
  if (code >= 0xd800 && code <= 0xdfff) {
    return true;
  }
  return WORD_CHARACTER.test(String.fromCharCode(code));
}

/** True when the token is made of ASCII digits only. */
export function isNumber(token: string): boolean {
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    if (code < CODE_0 || code > CODE_9) {
      return false;
    }
  }
  return true;
}

/**
 * Splits folded text into word tokens. Apostrophes and hyphens separate words, and the elided
 * articles and pronouns that remain (l', d', qu', n', s'…) are single letters or stop words, so
 * "l'agent" yields "agent".
 */
export function tokenize(folded: string): string[] {
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i < folded.length; i++) {
    if (isWordCode(folded.charCodeAt(i))) {
      if (start < 0) {
        start = i;
      }
    } else if (start >= 0) {
      tokens.push(folded.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) {
    tokens.push(folded.slice(start));
  }
  return tokens;
}

/** Accent-folded French function words: they carry no topic and would make every text look alike. */
// prettier-ignore
const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'ai', 'au', 'aux', 'avec', 'ce', 'ces', 'cet', 'cette', 'dans', 'de', 'des', 'du', 'elle',
  'elles', 'en', 'est', 'et', 'etre', 'eu', 'il', 'ils', 'je', 'jusqu', 'la', 'le', 'les', 'leur',
  'leurs', 'lorsqu', 'lui', 'ma', 'mais', 'me', 'mes', 'mon', 'ne', 'ni', 'nos', 'notre', 'nous',
  'on', 'ont', 'or', 'ou', 'par', 'pas', 'pour', 'puisqu', 'qu', 'que', 'quel', 'quelle',
  'quelles', 'quels', 'qui', 'sa', 'se', 'ses', 'si', 'son', 'sont', 'sur', 'ta', 'te', 'tes',
  'ton', 'tu', 'un', 'une', 'vos', 'votre', 'vous', 'y',
]);

/** True for tokens that carry no topic: function words and lone letters (elided l', d', s'…). */
export function isStopWord(token: string): boolean {
  if (token.length === 1) {
    const code = token.charCodeAt(0);
    return code < CODE_0 || code > CODE_9;
  }
  return STOP_WORDS.has(token);
}

const CODE_E = 101;
const CODE_S = 115;
const CODE_X = 120;

/**
 * Light stemmer on a folded token: plural -s/-x (-aux → -al, except -eaux), then a final -e or -ee
 * (feminine, or the é of a past participle once folded), then a doubled final letter.
 * "congé", "conges", "congés" → "cong"; "partielles" → "partiel"; "principaux" → "principal".
 */
export function stem(token: string): string {
  let end = token.length;
  if (end <= 3) {
    return token;
  }
  const last = token.charCodeAt(end - 1);
  if (last === CODE_X) {
    if (end > 4 && token.endsWith('aux') && !token.endsWith('eaux')) {
      return `${token.slice(0, end - 2)}l`;
    }
    end--;
  } else if (last === CODE_S && token.charCodeAt(end - 2) !== CODE_S) {
    end--;
  }
  // Up to two: "employée" folds to "employee", "employé" to "employe", both → "employ".
  for (
    let strip = 0;
    strip < 2 && end > 4 && token.charCodeAt(end - 1) === CODE_E;
    strip++
  ) {
    end--;
  }
  if (end > 4 && token.charCodeAt(end - 1) === token.charCodeAt(end - 2)) {
    end--;
  }
  return end === token.length ? token : token.slice(0, end);
}
