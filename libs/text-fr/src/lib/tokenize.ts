/**
 * Tokenisation and light stemming of French for search and embeddings. Pure functions, no
 * dependency: browser-safe.
 */
import { foldForSearch } from './normalize';

/**
 * Function words dropped by {@link tokenizeFrench}, folded (no accents, lowercase) as tokens are.
 * Deliberately small: articles, prepositions, pronouns, conjunctions, elided forms and the most
 * frequent forms of « être » and « avoir ». Words that change an HR answer are kept: negations and
 * restrictions (« pas », « non », « sans », « ni », « aucun », « sauf », « seul »), quantities and
 * comparisons (« plus », « moins », « tout »), conditions (« si »), modals and time words.
 */
export const FRENCH_STOPWORDS: ReadonlySet<string> = new Set([
  // Articles and elided forms (l', d', j', m', n', s', t', c', qu', jusqu', lorsqu', puisqu').
  'le',
  'la',
  'les',
  'l',
  'un',
  'une',
  'des',
  'du',
  'de',
  'd',
  'au',
  'aux',
  'j',
  'm',
  'n',
  's',
  't',
  'c',
  'qu',
  'jusqu',
  'lorsqu',
  'puisqu',
  'quoiqu',
  // Prepositions.
  'a',
  'en',
  'dans',
  'par',
  'pour',
  'sur',
  'avec',
  'chez',
  // Conjunctions.
  'et',
  'ou',
  'mais',
  'donc',
  'or',
  'car',
  'que',
  'qui',
  'quoi',
  'dont',
  // Pronouns and determiners.
  'ce',
  'cet',
  'cette',
  'ces',
  'ca',
  'cela',
  'ceci',
  'se',
  'sa',
  'son',
  'ses',
  'leur',
  'leurs',
  'il',
  'ils',
  'elle',
  'elles',
  'on',
  'je',
  'tu',
  'nous',
  'vous',
  'me',
  'te',
  'moi',
  'toi',
  'lui',
  'eux',
  'y',
  'mon',
  'ma',
  'mes',
  'ton',
  'ta',
  'tes',
  'notre',
  'nos',
  'votre',
  'vos',
  // Negation particle (the meaning is carried by « pas », « plus », « jamais », which are kept).
  'ne',
  // Frequent forms of « être » and « avoir ».
  'est',
  'sont',
  'etait',
  'ete',
  'etre',
  'ai',
  'as',
  'ont',
  'avait',
]);

/** A code article letter and its number: `L. 822-1`, `R.911-2`, `L.O. 135` (glued: `L822-1`, `R911-2`, `LO135`). */
const CODE_ARTICLE = /\b(L\.?O|L|R|D|A)(?:\.\s?)?(?=\d)/g;

/**
 * A token: letters/digits, with inner `-`, `.`, `/` (or `,` before a digit, the French decimal
 * comma) kept only between parts of an identifier that holds a digit (checked after matching),
 * and a trailing `+` (`rep+`).
 */
const TOKEN = /[\p{L}\p{N}]+(?:(?:[-./]|,(?=\d))[\p{L}\p{N}]+)*\+?/gu;

/**
 * Splits text into search tokens: folded ({@link foldForSearch}), code articles glued to their
 * letter (`L. 822-1` → `l822-1`), identifiers holding a digit kept whole (`l822-1`, `84-16`,
 * `2024-123`, `12.04.2024`, `1,5`), other hyphenated or dotted words split (`mi-temps` → `mi`,
 * `temps`), elisions split off (`l'agent` → `agent`), stopwords ({@link FRENCH_STOPWORDS}) dropped.
 * No stemming: apply {@link lightStem} to the tokens when needed.
 *
 * @example tokenizeFrench("L'article L. 822-1 ne s'applique pas") → ['article', 'l822-1', 'applique', 'pas']
 */
export function tokenizeFrench(text: string): string[] {
  const folded = foldForSearch(
    text.replace(CODE_ARTICLE, (_match, letters: string) =>
      letters.replace('.', ''),
    ),
  );
  const tokens: string[] = [];
  for (const [match] of folded.matchAll(TOKEN)) {
    const parts = /\d/.test(match)
      ? [match]
      : match.split(/[-./,]/).map((part, index, all) =>
          // A `+` stays on the last part only (`ia-rep+` → `ia`, `rep+`).
          index === all.length - 1 ? part : part.replace(/\+$/, ''),
        );
    for (const token of parts) {
      if (token !== '' && token !== '+' && !FRENCH_STOPWORDS.has(token)) {
        tokens.push(token);
      }
    }
  }
  return tokens;
}

/** Irregular plurals the rules below would get wrong. */
const IRREGULAR_PLURALS: Readonly<Record<string, string>> = {
  travaux: 'travail',
  baux: 'bail',
  vitraux: 'vitrail',
  emaux: 'email',
  yeux: 'oeil',
};

/** Minimum length of what remains after removing a suffix. */
const MIN_STEM = 3;

function stripSuffix(word: string, suffix: string): string | undefined {
  return word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM
    ? word.slice(0, -suffix.length)
    : undefined;
}

/**
 * A light, conservative French stemmer for search, applied once to a token (not idempotent).
 * The token is folded first ({@link foldForSearch}); tokens holding a digit and words of three
 * letters or less are returned folded but unchanged. Steps, each applied at most once, in order:
 * 1. plural: irregular forms (`travaux` → `travail`), `-eaux` → `-eau`, `-aux` → `-al`
 *    (words of 5+ letters, so `taux` stays), `-eux`/`-oux` → drop the `x`, else a final `-s`
 *    (not `-ss`, not `-us`, so `plus`, `refus` stay);
 * 2. `-ement` or `-ment` removed (`avancement` → `avanc`, `recrutement` → `recrut`);
 * 3. `-ation` removed (`mutation` → `mut`, `titularisation` → `titularis`,
 *    `remuneration` → `remuner`);
 * 4. feminine / past participle: `-ee` or `-e` removed (`conge` → `cong`, `titularisee` →
 *    `titularis`, `remunere` → `remuner`).
 * Every removal keeps at least three letters. No verb endings other than the participle are
 * handled (`titulariser` stays), so unrelated words rarely collide.
 *
 * @example lightStem('congés') === lightStem('congé') === lightStem('conge') // 'cong'
 * @example lightStem('mutations') === lightStem('mutation') // 'mut'
 */
export function lightStem(token: string): string {
  const folded = foldForSearch(token).trim();
  if (folded.length <= 3 || /\d/.test(folded)) return folded;
  let word = folded;

  const irregular = IRREGULAR_PLURALS[word];
  if (irregular !== undefined) word = irregular;
  else if (word.endsWith('eaux')) word = word.slice(0, -1);
  else if (word.endsWith('aux') && word.length >= 5)
    word = `${word.slice(0, -3)}al`;
  else if (/[eo]ux$/.test(word) && word.length >= 5) word = word.slice(0, -1);
  else if (/[^su]s$/.test(word)) word = word.slice(0, -1);

  word = stripSuffix(word, 'ement') ?? stripSuffix(word, 'ment') ?? word;
  word = stripSuffix(word, 'ation') ?? word;
  word = stripSuffix(word, 'ee') ?? stripSuffix(word, 'e') ?? word;
  return word;
}
