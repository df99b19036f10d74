/**
 * Related rights ("À signaler aussi"): sentences of the passages that grant a right or a measure
 * the question did not ask about (a temps partiel thérapeutique after a long illness leave, an
 * indemnité différentielle…), so that agents learn every right the documents give them.
 */
import type { RelatedRight } from '@mileva/contracts';
import { GLOSSARY, THEMES } from '@mileva/rh-taxonomy';
import { foldForSearch } from '@mileva/text-fr';
import { contentStems } from './terms';
import type { PassageUnit } from './units';

/** At most this many related rights in a draft. */
export const MAX_RELATED_RIGHTS = 3;

/** Words that open the name of a right or a measure (folded). */
const MEASURE_HEAD =
  /^(?:conge|conges|temps partiel|mi temps|disponibilite|allocation|indemnite|indemnites|prime|supplement|autorisation|aide|remboursement|bonification|nouvelle bonification|reclassement|periode de preparation|poste adapte|compte|forfait|cheque|capital|garantie|prise en charge|retraite pour invalidite|amenagement|rupture conventionnelle|cessation progressive|avantage)\b/;

/** Rights the glossary and the themes do not name as such. */
const EXTRA_MEASURES = [
  'indemnité différentielle',
  'disponibilité d’office',
  'retraite pour invalidité',
  'aménagement des conditions de travail',
  'congé parental',
  'congé bonifié',
  'indemnité de résidence',
];

/** A named right or measure, as the set of stems that must all appear for a sentence to mention it. */
interface Measure {
  readonly name: string;
  readonly stems: readonly string[];
}

const MEASURES: readonly Measure[] = (() => {
  const names = [
    ...GLOSSARY.flatMap((entry) => [entry.term, ...entry.expansions]),
    ...THEMES.flatMap((theme) => theme.keywords),
    ...EXTRA_MEASURES,
  ].filter((name) => MEASURE_HEAD.test(foldForSearch(name).replace(/[-']/g, ' ')));
  const byKey = new Map<string, Measure>();
  for (const name of names) {
    const stems = [...new Set(contentStems(name))];
    // A single generic word (`congé`, `prime`) names no particular right.
    if (stems.length < 2) continue;
    const key = [...stems].sort().join(' ');
    if (!byKey.has(key)) byKey.set(key, { name, stems });
  }
  return [...byKey.values()];
})();

/** Words that say a sentence grants something (folded). */
const ENTITLEMENT =
  /\b(?:peut|peuvent|pouvez|pourrez|pourra|a droit|avez droit|ont droit|beneficie|beneficient|beneficier|beneficiez|est accorde|est accordee|sont accordes|percevez|percoit|percoivent|est verse|est versee|sont verses|est maintenu|sont maintenus|demander|solliciter|obtenir)\b/;

const mentions = (stems: ReadonlySet<string>, measure: Measure): boolean => measure.stems.every((stem) => stems.has(stem));

/**
 * Picks up to {@link MAX_RELATED_RIGHTS} sentences granting a right or measure that neither the
 * question (with its glossary equivalents) nor the draft's body mentions: one sentence per measure
 * and per document, the best-ranked passages first, from the documents the body relies on or from
 * sentences naming something the question asks about.
 */
export function relatedRights(input: {
  readonly units: readonly PassageUnit[];
  /** Stems of the question and of its glossary equivalents. */
  readonly questionStems: ReadonlySet<string>;
  /** Stems of the sentences already in the body. */
  readonly bodyStems: ReadonlySet<string>;
  /** Units already in the body (never repeated). */
  readonly used: ReadonlySet<PassageUnit>;
  /** Passages of the documents the draft relies on: their sentences are connected to the question. */
  readonly passageIndexes: ReadonlySet<number>;
}): { readonly rights: RelatedRight[]; readonly units: PassageUnit[] } {
  // Elsewhere, a sentence is connected when it names something the question asks about (`CLM`).
  const connected = (unit: PassageUnit): boolean =>
    input.passageIndexes.has(unit.passageIndex) || [...unit.stems].some((stem) => input.questionStems.has(stem));
  const candidates = input.units
    .filter((unit) => !input.used.has(unit) && connected(unit))
    .filter((unit) => ENTITLEMENT.test(foldForSearch(unit.text)))
    .sort((a, b) => a.passageIndex - b.passageIndex || a.position - b.position);
  const seen = new Set<string>();
  const picked: PassageUnit[] = [];
  const documents = new Set<string>();
  for (const unit of candidates) {
    if (picked.length >= MAX_RELATED_RIGHTS) break;
    // One right per document: a second sentence of the same fiche details the same measure.
    if (documents.has(unit.documentId)) continue;
    const measure = MEASURES.find(
      (candidate) => mentions(unit.stems, candidate) && !mentions(input.questionStems, candidate) && !mentions(input.bodyStems, candidate) && !seen.has(candidate.name),
    );
    if (measure === undefined) continue;
    // A sentence naming two new measures covers both.
    for (const other of MEASURES) if (mentions(unit.stems, other)) seen.add(other.name);
    picked.push(unit);
    documents.add(unit.documentId);
  }
  return { rights: picked.map((unit) => ({ text: unit.text, citations: [unit.n] })), units: picked };
}
