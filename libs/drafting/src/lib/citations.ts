/**
 * Citation check: every `[n]` of a draft must point to a passage that was provided, and the
 * sentence citing it must be supported by that passage (lexical overlap of content words).
 */
import type { DraftPassage } from '@mileva/contracts';
import { splitSentences } from '@mileva/text-fr';
import { contentStems, evidenceStems, isAcronymStem } from './terms';

/**
 * Least share of a sentence's content words (stems, glossary equivalents counted) that its cited
 * passages must hold. A sentence taken or paraphrased from a passage keeps most of its words (an
 * extractive sentence: all of them); a sentence about something else shares only the words common
 * to every HR text (`fonctionnaire`, `congé`, `administration`), well under half.
 */
export const SUPPORT_MIN_COVERAGE = 0.5;
/** Least number of content words each cited passage must share with the sentence (fewer if the sentence is shorter). */
export const SUPPORT_MIN_SHARED = 2;

export interface CitationCheck {
  /** Sentences citing a passage that was not provided, or that their passages do not support. */
  readonly unsupported: string[];
  /** Numbers of provided passages the draft cites, in order of first citation. */
  readonly citations: number[];
  /** True when no sentence cites a provided passage that supports it. */
  readonly allFailed: boolean;
}

/** `[1]`, `[2, 3]`, `[1; 4]` (a placeholder such as `[PERSONNE_1]` is not a citation). */
const CITATION = /\[(\d+(?:\s*[,;]\s*\d+)*)\]/g;

/** Puts citations written after the final punctuation (`… maximum. [1]`) before it, where the sentence splitter keeps them. */
function citationsBeforePunctuation(answer: string): string {
  return answer.replace(/([.!?…])((?:[ \t]*\[\d+(?:\s*[,;]\s*\d+)*\])+)(?=\s|$)/gu, (_match, punctuation: string, citations: string) => ` ${citations.trim()}${punctuation}`);
}

function citedNumbers(sentence: string): number[] {
  return [...sentence.matchAll(CITATION)].flatMap((match) => (match[1] ?? '').split(/[,;]/).map((n) => Number(n.trim())));
}

/**
 * Checks the citations of a draft against the passages it was written from. A sentence with
 * citations is supported when every number points to a provided passage, the cited passages
 * (text, title and headings) hold at least {@link SUPPORT_MIN_COVERAGE} of its content stems,
 * each of them shares at least {@link SUPPORT_MIN_SHARED} of those stems, and every number the
 * sentence states (`3 ans`, `50 %`) and every acronym it names (`CLD`: the subject itself, said
 * as such or spelled out in full) appears in them. Sentences without citations (salutation,
 * questions to ask, closing) are not checked.
 */
export function checkCitations(answer: string, passages: readonly DraftPassage[]): CitationCheck {
  const byNumber = new Map(passages.map((passage) => [passage.n, passage]));
  const evidence = new Map<number, Set<string>>();
  const evidenceOf = (n: number): Set<string> => {
    let stems = evidence.get(n);
    if (stems === undefined) {
      const passage = byNumber.get(n);
      stems = passage === undefined ? new Set() : evidenceStems([passage.title, ...passage.headingPath, passage.text].join('\n'));
      evidence.set(n, stems);
    }
    return stems;
  };

  const unsupported: string[] = [];
  const citations: number[] = [];
  let supported = 0;
  for (const sentence of splitSentences(citationsBeforePunctuation(answer))) {
    const numbers = [...new Set(citedNumbers(sentence))];
    if (numbers.length === 0) continue;
    for (const n of numbers) if (byNumber.has(n) && !citations.includes(n)) citations.push(n);
    const text = sentence.replace(/^\s*[-*•]\s+/u, '');
    if (numbers.some((n) => !byNumber.has(n)) || !isSupported(contentStems(text.replace(CITATION, ' ')), numbers.map(evidenceOf))) {
      unsupported.push(text);
    } else {
      supported++;
    }
  }
  return { unsupported, citations, allFailed: supported === 0 };
}

function isSupported(stems: readonly string[], sources: readonly ReadonlySet<string>[]): boolean {
  const distinct = [...new Set(stems)];
  if (distinct.length === 0) return false;
  const inSources = (stem: string): boolean => sources.some((source) => source.has(stem));
  const shared = distinct.filter(inSources).length;
  const needed = Math.min(SUPPORT_MIN_SHARED, distinct.length);
  return (
    shared / distinct.length >= SUPPORT_MIN_COVERAGE &&
    sources.every((source) => distinct.filter((stem) => source.has(stem)).length >= needed) &&
    distinct.filter((stem) => /\d/.test(stem) || isAcronymStem(stem)).every(inSources)
  );
}
