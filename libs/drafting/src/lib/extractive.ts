/**
 * The extractive composer, the embedded default that needs no model: a reply made of the
 * passages' best sentences for the question, each followed by its citation, grouped by document,
 * with the questions to ask the agent and the related rights the passages mention.
 */
import type { DraftRequest, RelatedRight } from '@mileva/contracts';
import { followUpQuestions } from './follow-up';
import { FOLLOW_UP_HEADING, RELATED_RIGHTS_HEADING, academieLabel } from './prompt';
import { relatedRights } from './related-rights';
import { CLOSING, GREETING, notInDocumentsReply } from './replies';
import { EQUIVALENT_WEIGHT, contentStems, questionConcepts, questionTerms, type QueryConcept } from './terms';
import { passageUnits, type PassageUnit } from './units';

export interface ExtractiveDraft {
  readonly answer: string;
  /** Passage numbers the answer cites, in order of first citation. */
  readonly cited: number[];
  readonly followUpQuestions: string[];
  readonly relatedRights: RelatedRight[];
}

export interface ExtractiveOptions {
  /** Most sentences in the body (context sentences included). Default 8. */
  readonly maxSentences?: number;
  /** A sentence is kept when it scores at least this share of the best one. Default 0.3. */
  readonly minRelativeScore?: number;
}

const DEFAULT_MAX_SENTENCES = 8;
const DEFAULT_MIN_RELATIVE_SCORE = 0.3;
/** Sentences of one document at most, so that the draft draws on the best few documents. */
const MAX_PER_DOCUMENT = 5;
/** Documents ranked below this many contribute only sentences scoring well against the best. */
const LEADING_DOCUMENTS = 3;
const TRAILING_DOCUMENT_MIN_SCORE = 0.6;
/** A local passage is kept when its best sentence scores at least this share of the best one. */
const LOCAL_MIN_RELATIVE_SCORE = 0.2;
/** Two sentences sharing this share of their words (Jaccard) or containing each other are one. */
const NEAR_DUPLICATE_JACCARD = 0.6;
const NEAR_DUPLICATE_CONTAINMENT = 0.8;
/** A sentence opening with these refers to the one before, which is then quoted too when room remains. */
const ANAPHORA = /^(?:c'est|c'était|il s'agit|elle|il|ils|elles|cet|cette|ce|ces|celui-ci|celle-ci|cela|ceci|dans ce cas|dans ces cas|toutefois|en revanche|sa|son|ses|leur|leurs|de plus|par ailleurs|en outre|le cas échéant|à défaut|sinon|ensuite|puis)\b/iu;

/** Share of a term's weight given to the sentences of a section whose heading holds it. */
const HEADING_WEIGHT = 0.5;
/** Score factor of an anaphoric sentence opening its passage, whose referent is not quoted. */
const ORPHAN_ANAPHORA_FACTOR = 0.4;

interface Scored {
  readonly unit: PassageUnit;
  readonly score: number;
  readonly documentRank: number;
}

/** IDF of each stem over the passages: `ln(1 + P / df)`. */
function inverseDocumentFrequencies(units: readonly PassageUnit[], passageCount: number): Map<string, number> {
  const passagesOf = new Map<string, Set<number>>();
  for (const unit of units) {
    for (const stem of unit.stems) {
      const passages = passagesOf.get(stem) ?? new Set<number>();
      passages.add(unit.passageIndex);
      passagesOf.set(stem, passages);
    }
  }
  const idf = new Map<string, number>();
  for (const [stem, passages] of passagesOf) idf.set(stem, Math.log(1 + passageCount / passages.size));
  return idf;
}

/** The IDF-weighted evidence a unit gives of a concept: its word, else the best equivalent it holds whole. */
function conceptScore(concept: QueryConcept, stems: ReadonlySet<string>, idf: ReadonlyMap<string, number>, fallbackIdf: number): number {
  const of = (stem: string): number => idf.get(stem) ?? fallbackIdf;
  if (stems.has(concept.stem)) return of(concept.stem);
  let best = 0;
  for (const alternative of concept.alternatives) {
    if (alternative.every((stem) => stems.has(stem))) best = Math.max(best, EQUIVALENT_WEIGHT * Math.max(...alternative.map(of)));
  }
  return best;
}

function scoreUnits(request: DraftRequest, units: readonly PassageUnit[], concepts: readonly QueryConcept[]): Scored[] {
  const idf = inverseDocumentFrequencies(units, request.passages.length);
  const documentRanks = new Map<string, number>();
  for (const passage of request.passages) if (!documentRanks.has(passage.documentId)) documentRanks.set(passage.documentId, documentRanks.size);
  // Stems of the section headings of each passage (the document title aside).
  const headings = request.passages.map((passage) => new Set(contentStems(passage.headingPath.filter((heading) => heading !== passage.title).join(' '))));
  const maxIdf = Math.log(1 + request.passages.length);
  return units.map((unit) => {
    let sum = 0;
    let matched = 0;
    const heading = headings[unit.passageIndex] ?? new Set<string>();
    for (const concept of concepts) {
      // The section is about the concept (« Rémunération »): its sentences need not repeat it.
      const score = conceptScore(concept, unit.stems, idf, maxIdf) || HEADING_WEIGHT * conceptScore(concept, heading, idf, maxIdf);
      if (score > 0) {
        sum += score;
        matched++;
      }
    }
    const passage = request.passages[unit.passageIndex];
    const documentRank = documentRanks.get(passage?.documentId ?? '') ?? 0;
    const lengthNorm = Math.max(1, (unit.stemCount / 12) ** 0.3);
    const coverage = 1 + 0.1 * Math.max(0, matched - 1);
    const prior = 1 / (1 + 0.15 * documentRank + 0.03 * unit.passageIndex + 0.02 * unit.position);
    // A sentence referring to one its passage does not hold (« C'est un changement… ») reads poorly alone.
    const orphan = unit.position === 0 && ANAPHORA.test(unit.text) ? ORPHAN_ANAPHORA_FACTOR : 1;
    const score = (sum / lengthNorm) * coverage * prior * orphan;
    return { unit, score, documentRank };
  });
}

function isNearDuplicate(a: PassageUnit, b: PassageUnit): boolean {
  let shared = 0;
  for (const stem of a.stems) if (b.stems.has(stem)) shared++;
  const union = a.stems.size + b.stems.size - shared;
  const smaller = Math.min(a.stems.size, b.stems.size);
  return (union > 0 && shared / union >= NEAR_DUPLICATE_JACCARD) || (smaller > 0 && shared / smaller >= NEAR_DUPLICATE_CONTAINMENT);
}

function selectUnits(request: DraftRequest, scored: readonly Scored[], options: ExtractiveOptions): PassageUnit[] {
  const maxSentences = options.maxSentences ?? DEFAULT_MAX_SENTENCES;
  const ranked = scored.filter((entry) => entry.score > 0).sort((a, b) => b.score - a.score);
  const best = ranked[0]?.score ?? 0;
  if (best === 0) return [];
  const threshold = best * (options.minRelativeScore ?? DEFAULT_MIN_RELATIVE_SCORE);
  // Room left for the sentences that give context to an anaphoric one.
  const primaryBudget = Math.max(1, maxSentences - 2);
  const kept: Scored[] = [];
  const perDocument = new Map<number, number>();
  const accepts = (entry: Scored): boolean =>
    !kept.some((other) => isNearDuplicate(other.unit, entry.unit)) && (perDocument.get(entry.documentRank) ?? 0) < MAX_PER_DOCUMENT;
  const keep = (entry: Scored): void => {
    kept.push(entry);
    perDocument.set(entry.documentRank, (perDocument.get(entry.documentRank) ?? 0) + 1);
  };
  for (const entry of ranked) {
    if (kept.length >= primaryBudget || entry.score < threshold) break;
    if (entry.documentRank >= LEADING_DOCUMENTS && entry.score < best * TRAILING_DOCUMENT_MIN_SCORE) continue;
    if (accepts(entry)) keep(entry);
  }
  // The académie's own rule, when one of its passages matches, is always part of the answer.
  const isLocal = (entry: Scored): boolean => request.passages[entry.unit.passageIndex]?.local === true;
  const local = ranked.find((entry) => isLocal(entry) && entry.score >= best * LOCAL_MIN_RELATIVE_SCORE && !kept.some((other) => isNearDuplicate(other.unit, entry.unit)));
  if (local !== undefined && !kept.some(isLocal)) {
    if (kept.length >= primaryBudget) kept.pop();
    keep(local);
  }
  const units = kept.map((entry) => entry.unit);
  // An anaphoric sentence (« Elle est accordée… ») brings the sentence it refers to.
  const all = new Set(units);
  for (const unit of [...units]) {
    if (all.size >= maxSentences || !ANAPHORA.test(unit.text)) continue;
    const previous = scored.find((entry) => entry.unit.passageIndex === unit.passageIndex && entry.unit.position === unit.position - 1)?.unit;
    if (previous !== undefined && !all.has(previous) && !units.some((other) => isNearDuplicate(other, previous))) all.add(previous);
  }
  return [...all];
}

/** A sentence followed by its citation, before its final punctuation: `… 3 ans maximum [1].` */
export function citeSentence(text: string, n: number): string {
  const match = /([.!…])$/u.exec(text);
  return match === null ? `${text} [${n}].` : `${text.slice(0, -1)} [${n}]${match[1] ?? '.'}`;
}

/** The body: one paragraph per document, documents in rank order, sentences in passage order; the local rule labelled. */
function body(request: DraftRequest, units: readonly PassageUnit[]): string[] {
  const byDocument = new Map<string, PassageUnit[]>();
  const ordered = [...units].sort((a, b) => a.passageIndex - b.passageIndex || a.position - b.position);
  for (const unit of ordered) {
    const documentId = request.passages[unit.passageIndex]?.documentId ?? '';
    byDocument.set(documentId, [...(byDocument.get(documentId) ?? []), unit]);
  }
  return [...byDocument.values()].map((group) => {
    const sentences = group.map((unit) => citeSentence(unit.text, unit.n)).join(' ');
    const first = group[0];
    const local = first !== undefined && request.passages[first.passageIndex]?.local === true;
    return local ? `Règle locale de l'${academieLabel(request.academie)} : ${sentences}` : sentences;
  });
}

function introduction(units: readonly PassageUnit[], request: DraftRequest): string {
  const documents = new Set(units.map((unit) => request.passages[unit.passageIndex]?.documentId));
  return documents.size > 1
    ? 'Voici les règles applicables à votre situation, telles que les précisent les documents de référence (les numéros renvoient aux sources citées).'
    : 'Voici la règle applicable à votre situation, telle que la précise le document de référence (les numéros renvoient à la source citée).';
}

/**
 * Composes an extractive draft: scores the passages' sentences against the question's content
 * words and their glossary equivalents (IDF over the given passages; half weight for a term only
 * in the section's heading; favouring the best-ranked documents), keeps the best few without near-duplicates (at
 * most 8, an académie passage kept when one matches), groups them by document in passage order,
 * each followed by its citation, then adds the questions to ask the agent and the related rights.
 * When retrieval says the documents do not answer, or no sentence matches, returns the
 * "not in the documents" reply.
 */
export function composeExtractive(request: DraftRequest, options: ExtractiveOptions = {}): ExtractiveDraft {
  const notInDocuments: ExtractiveDraft = { answer: notInDocumentsReply(request.settings), cited: [], followUpQuestions: [], relatedRights: [] };
  if (!request.answerable || request.passages.length === 0) return notInDocuments;
  const units = request.passages.flatMap((passage, index) => passageUnits(passage, index));
  const terms = questionTerms(request.question);
  const selected = selectUnits(request, scoreUnits(request, units, questionConcepts(request.question)), options);
  if (selected.length === 0) return notInDocuments;

  const paragraphs = body(request, selected);
  const bodyStems = new Set(selected.flatMap((unit) => [...unit.stems]));
  const usedPassages = new Set(selected.map((unit) => unit.passageIndex));
  const usedDocuments = new Set(selected.map((unit) => request.passages[unit.passageIndex]?.documentId));
  const documentPassages = new Set(
    request.passages.flatMap((passage, index) => (usedDocuments.has(passage.documentId) ? [index] : [])),
  );
  const related = relatedRights({
    units,
    questionStems: new Set(terms.map((term) => term.stem)),
    bodyStems,
    used: new Set(selected),
    passageIndexes: documentPassages,
  });
  const questions = followUpQuestions({
    question: request.question,
    ...(request.statuts === undefined ? {} : { statuts: request.statuts }),
    quoted: selected.map((unit) => unit.text),
    passages: request.passages.filter((_passage, index) => usedPassages.has(index)).map((passage) => passage.text),
  });

  const sections = [GREETING, introduction(selected, request), ...paragraphs];
  if (questions.length > 0) {
    sections.push(`${FOLLOW_UP_HEADING} (pour vérifier la règle qui s'applique) :\n${questions.map((question) => `- ${question}`).join('\n')}`);
  }
  if (related.units.length > 0) {
    sections.push(`${RELATED_RIGHTS_HEADING} :\n${related.units.map((unit) => `- ${citeSentence(unit.text, unit.n)}`).join('\n')}`);
  }
  sections.push(CLOSING);
  const answer = sections.join('\n\n');
  const cited = [...new Set([...selected, ...related.units].sort((a, b) => a.passageIndex - b.passageIndex).map((unit) => unit.n))];
  return { answer, cited: citedInOrder(answer, cited), followUpQuestions: questions, relatedRights: related.rights };
}

/** The cited numbers in the order the answer first cites them. */
function citedInOrder(answer: string, cited: readonly number[]): number[] {
  const order = [...answer.matchAll(/\[(\d+)\]/g)].map((match) => Number(match[1]));
  return [...new Set(order)].filter((n) => cited.includes(n));
}
