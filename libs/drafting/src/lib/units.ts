/**
 * Passages cut into the units an extractive draft quotes: sentences, with a sentence that
 * announces a list (`… les congés suivants :`) kept together with its items, layout removed
 * (emphasis, list markers, `À noter :` labels) and navigation text left out (metadata lines,
 * headings, tables, references, "see also" questions).
 */
import type { DraftPassage } from '@mileva/contracts';
import { isListItemLine, splitSentences } from '@mileva/text-fr';
import { cleanLayout, contentStems } from './terms';

/** A quotable unit of a passage. */
export interface PassageUnit {
  /** Index of the passage in the request (its rank). */
  readonly passageIndex: number;
  /** Citation number of the passage. */
  readonly n: number;
  readonly documentId: string;
  /** Position of the unit in its passage (0-based). */
  readonly position: number;
  /** The text as the draft shows it: one sentence, or a sentence and its list inline. */
  readonly text: string;
  readonly stems: ReadonlySet<string>;
  readonly stemCount: number;
}

/** Sections that hold references or links, not rules. */
const NAVIGATION_SECTION = /^(?:textes de r[ée]f[ée]rence|questions ?\? ?r[ée]ponses|voir aussi|r[ée]f[ée]rences?|sommaire|liens?|services en ligne|pour en savoir plus)/iu;
/** Lines that describe the document, not its content. */
const METADATA_LINE = /^(?:[-*]\s*)?(?:source|[ée]diteur|date|fil d'ariane|url|mise à jour|modifi[ée] le)\s*:/iu;
/** Labels of call-outs, dropped before the sentence they introduce. */
const CALLOUT_LABEL = /^(?:à noter|a noter|attention|à savoir|a savoir|important|remarque|rappel|nota bene|n\.b\.|exemple|précision)\s*:\s*/iu;
const LIST_MARKER = /^(?:[-*•–—▪◦·‣+]|\d{1,3}(?:\.\d{1,3})*[.)°]|[a-zA-Z][.)]|[ivxIVX]{1,5}[.)])\s+/u;
/** A unit must say something: at least this many characters and content words. */
const MIN_CHARS = 30;
const MIN_CONTENT_WORDS = 4;

/** Removes the lines that are not prose: metadata, Markdown headings, table rows, rules. */
function proseLines(text: string): string {
  return cleanLayout(text)
    .split('\n')
    .map((line) => line.replace(/^\s*>\s?/, '').trimEnd())
    .filter((line) => !/^\s*#{1,6}\s/.test(line) && !/^\s*\|/.test(line) && !/^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/.test(line) && !METADATA_LINE.test(line.trim()))
    .join('\n');
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A sentence without its list marker, call-out label and line breaks. */
function cleanSentence(sentence: string): string {
  const text = sentence.replace(/\s*\n\s*/g, ' ').replace(LIST_MARKER, '').replace(/\s{2,}/g, ' ').trim();
  const label = CALLOUT_LABEL.exec(text);
  return label === null ? text : capitalize(text.slice(label[0].length));
}

/** An item as it reads inside a sentence: lowercase start unless an acronym or a name, no trailing punctuation. */
function inlineItem(item: string): string {
  const text = cleanSentence(item).replace(/[\s,;.]+$/u, '');
  return /^\p{Lu}\p{Ll}/u.test(text) && !/^\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** A sentence announcing a list, and the list's items, as one sentence. */
function joinList(lead: string | null, items: readonly string[]): string {
  const parts = items.map(inlineItem).filter((item) => item !== '');
  const separator = parts.some((item) => item.includes(',') || item.length > 70) ? ' ; ' : ', ';
  const body = parts.join(separator);
  if (lead === null) return `${capitalize(body)}.`;
  return `${cleanSentence(lead).replace(/\s*:$/u, '')} : ${body}.`;
}

function isQuotable(text: string): boolean {
  return (
    text.length >= MIN_CHARS &&
    !/\?\s*(?:\(F\d+\))?$/u.test(text) &&
    !/\(F\d+\)/u.test(text) &&
    !/^https?:\/\//u.test(text) &&
    /^[\p{Lu}\d«"(]/u.test(text) &&
    contentStems(text).length >= MIN_CONTENT_WORDS
  );
}

/** Whether a passage is navigation (references, related questions) rather than rules. */
export function isNavigationPassage(passage: DraftPassage): boolean {
  return passage.headingPath.some((heading) => NAVIGATION_SECTION.test(heading.trim()));
}

/** The quotable units of one passage, in order. */
export function passageUnits(passage: DraftPassage, passageIndex: number): PassageUnit[] {
  if (isNavigationPassage(passage)) return [];
  const sentences = splitSentences(proseLines(passage.text));
  const texts: string[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i] ?? '';
    const isItem = isListItemLine(sentence);
    const announcesList = !isItem && /:\s*$/u.test(sentence);
    if (!announcesList && !isItem) {
      texts.push(cleanSentence(sentence));
      continue;
    }
    const items: string[] = [];
    let j = isItem ? i : i + 1;
    while (j < sentences.length && isListItemLine(sentences[j] ?? '')) items.push(sentences[j++] ?? '');
    // A sentence announcing a list whose items are in another passage says nothing by itself.
    if (items.length > 0) texts.push(joinList(announcesList ? sentence : null, items));
    i = j - 1;
  }
  const units: PassageUnit[] = [];
  for (const text of texts) {
    if (!isQuotable(text)) continue;
    const stems = contentStems(text);
    units.push({ passageIndex, n: passage.n, documentId: passage.documentId, position: units.length, text, stems: new Set(stems), stemCount: stems.length });
  }
  return units;
}
