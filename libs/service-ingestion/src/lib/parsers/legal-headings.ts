/**
 * Recognition of numbered legal articles ("Article L. 822-1", "Article 34", "Art. R. 911-2",
 * "Article 1er") at the start of a line, shared by every format.
 */

/** Latin multiplicative adverbs used in article numbers ("Article 37 bis"). */
const LATIN_SUFFIX = '(?:bis|ter|quater|quinquies|sexies|septies|octies|nonies|decies)';

/** Code prefix of a codified article: L., R., D., A., LO, L*, R* (with or without a dot). */
const CODE_PREFIX = '(?:(?:LO|L|R|D|A)\\s?\\*?\\.?\\s?)';

/** Article number: 1er, premier, 34, 37 bis, L. 822-1, R. 911-2-1, 4-1, 12 A, unique. */
const ARTICLE_NUMBER =
  `(?:premier|1er|unique|${CODE_PREFIX}?\\d+(?:\\s?(?:er|e))?(?:[-\\u2010\\u2011.]\\d+)*(?:\\s(?:[A-Z](?![\\p{L}]))|\\s?${LATIN_SUFFIX})?(?:[-\\u2010\\u2011]\\d+)*)`;

/** "Article 34", "ARTICLE 34", "Art. 34", "Article L. 822-1", optional trailing "(…)" annex. */
const ARTICLE_HEAD = new RegExp(`^(?:article|art\\.)\\s+${ARTICLE_NUMBER}(?![\\p{L}\\d])`, 'iu');

/** What may separate an article number from the text on the same line: ":", "-", "–", "—", ".". */
const SEPARATOR = /^\s*(?:[:.\u2013\u2014]|\s-)\s*/u;

/** An article heading found at the start of a line, and the text that follows it on that line. */
export interface ArticleHeadingMatch {
  /** "Article 1er", "Article L. 822-1": the heading text, normalized spaces. */
  readonly heading: string;
  /** Text after the separator, '' when the line is only the heading. */
  readonly rest: string;
}

/**
 * Recognises a line that opens a legal article. The line must be the article reference alone
 * ("Article 34", optionally with a title in parentheses or after a separator) or the reference followed
 * by a separator and the article text ("Article 1er : M. X est…"); a sentence that merely starts with
 * a reference ("Article 34 de la loi prévoit…") is not a heading.
 */
export function matchArticleHeading(line: string): ArticleHeadingMatch | null {
  const text = line.trim();
  const head = ARTICLE_HEAD.exec(text);
  if (!head) return null;
  const heading = head[0].replace(/\s+/g, ' ');
  const after = text.slice(head[0].length);
  if (after.trim() === '') return { heading, rest: '' };
  // "Article 34 (abrogé)", "Article 2 (modifié)": annotation kept in the heading.
  const annotation = /^\s*(\([^)]{1,80}\))\s*$/u.exec(after);
  if (annotation) return { heading: `${heading} ${annotation[1]}`, rest: '' };
  // "Article 3 (et suivants) : texte": annotation kept in the heading, text after the separator.
  const annotated = /^\s*(\([^)]{1,80}\))(?=\s*(?:[:.\u2013\u2014]|\s-))/u.exec(after);
  const remainder = annotated ? after.slice(annotated[0].length) : after;
  const separator = SEPARATOR.exec(remainder);
  if (!separator) return null;
  const rest = remainder.slice(separator[0].length).trim();
  return { heading: annotated ? `${heading} ${annotated[1]}` : heading, rest };
}

/** True when the line is a legal article heading, alone or followed by its text. */
export function isArticleHeading(line: string): boolean {
  return matchArticleHeading(line) !== null;
}

/**
 * Splits the lines of a paragraph before every line that opens an article, so that each article
 * starts its own paragraph ("…dernier alinéa." / "Article 3 : Le …").
 */
export function splitAtArticles(lines: readonly string[]): string[][] {
  const segments: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (current.length > 0 && isArticleHeading(line)) {
      segments.push(current);
      current = [];
    }
    current.push(line);
  }
  if (current.length > 0) segments.push(current);
  return segments;
}
