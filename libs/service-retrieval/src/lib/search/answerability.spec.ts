import { Vocabulary, type CorpusStatistics } from './corpus-statistics';
import { conceptShare, coverage, isSpecificTerm, queryConcepts, type ConceptCandidate } from './answerability';

const statistics: CorpusStatistics = {
  chunks: 1000,
  lexemeFrequency: new Map([
    ['teletravail', 12],
    ['jour', 400],
    ['semain', 150],
    ['conge', 300],
    ['parental', 20],
  ]),
  vocabulary: new Vocabulary(new Map()),
};

function candidate(word: string, lexemes: string[], options: Partial<ConceptCandidate> = {}): ConceptCandidate {
  return { word, lexemes, alternatives: [], specific: false, ...options };
}

describe('queryConcepts', () => {
  it('should drop everyday words the corpus never uses, and question words', () => {
    const concepts = queryConcepts([candidate('bosser', ['boss']), candidate('combien', ['combien']), candidate('teletravail', ['teletravail'])], statistics);
    expect(concepts.map((concept) => concept.word)).toEqual(['teletravail']);
  });

  it('should keep a specific term the corpus never mentions as a concept nothing covers', () => {
    const [concept] = queryConcepts([candidate('xyzq', ['xyzq'], { specific: true })], statistics);
    expect(concept.alternatives).toEqual([]);
    expect(concept.weight).toBeGreaterThan(0);
  });

  it('should accept an equivalent the corpus uses when the word itself is absent', () => {
    const [concept] = queryConcepts([candidate('tt', ['tt'], { alternatives: [['teletravail']], specific: true })], statistics);
    expect(concept.alternatives).toEqual([['teletravail']]);
  });

  it('should weigh rare concepts more than common ones', () => {
    const [rare, common] = queryConcepts([candidate('parental', ['parental']), candidate('jours', ['jour'])], statistics);
    expect(rare.weight).toBeGreaterThan(common.weight);
  });
});

describe('coverage', () => {
  const concepts = queryConcepts([candidate('conge', ['conge']), candidate('parental', ['parental']), candidate('semaine', ['semain'])], statistics);

  it('should be the best share one document expresses, its passages together', () => {
    const rows = [
      { documentId: 'a', lexemes: ['conge'] },
      { documentId: 'a', lexemes: ['parental'] },
      { documentId: 'b', lexemes: ['semain'] },
    ];
    expect(coverage(rows, concepts)).toBeCloseTo(conceptShare(new Set(['conge', 'parental']), concepts));
    expect(coverage(rows, concepts)).toBeGreaterThan(conceptShare(new Set(['semain']), concepts));
  });

  it('should be 1 when a document expresses every concept, and 0 without concepts', () => {
    expect(coverage([{ documentId: 'a', lexemes: ['conge', 'parental', 'semain'] }], concepts)).toBe(1);
    expect(coverage([{ documentId: 'a', lexemes: ['conge'] }], [])).toBe(0);
  });

  it('should never be complete while a specific term the corpus ignores is asked about', () => {
    const withMissing = queryConcepts([candidate('conge', ['conge']), candidate('xyzq', ['xyzq'], { specific: true })], statistics);
    expect(coverage([{ documentId: 'a', lexemes: ['conge', 'xyzq'] }], withMissing)).toBeLessThan(0.5);
  });
});

describe('isSpecificTerm', () => {
  it.each([
    ['cet', 'Combien de jours sur un CET ?', false, true],
    ['l822', 'article l822 du code', false, true],
    ['ppcr', 'grille ppcr', false, true],
    ['cet', 'cet agent demande', false, false],
    ['teletravail', 'teletravail deux jours', false, false],
    ['teletravail', 'teletravail deux jours', true, true],
  ])('%s in « %s » (glossary %s) → %s', (word, query, inGlossary, expected) => {
    expect(isSpecificTerm(word, query, inGlossary)).toBe(expected);
  });
});
