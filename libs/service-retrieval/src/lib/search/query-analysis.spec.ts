import { Vocabulary } from './corpus-statistics';
import { analyzeQuery } from './query-analysis';

describe('analyzeQuery', () => {
  const vocabulary = new Vocabulary(new Map([['mutation', 10], ['conjoint', 8], ['temps', 30], ['partiel', 20], ['therapeutique', 5]]));

  it('should expand acronyms from the RH glossary', () => {
    const analysis = analyzeQuery('CLM enseignant stagiaire', vocabulary);
    expect(analysis.expansions.join(' | ')).toMatch(/longue maladie/i);
    expect(analysis.statuts).toContain('stagiaire');
    expect(analysis.embeddingText).toMatch(/longue maladie/i);
  });

  it('should correct typos against the corpus vocabulary and say so', () => {
    const analysis = analyzeQuery('mutaion conjoint', vocabulary);
    expect(analysis.words).toEqual(['mutation', 'conjoint']);
    expect(analysis.corrections).toEqual([{ from: 'mutaion', to: 'mutation' }]);
  });

  it('should leave as typed a word the corpus knows in another inflection', () => {
    const analysis = analyzeQuery('mutaions conjoint', vocabulary, new Set(['mutaions']));
    expect(analysis.words).toEqual(['mutaions', 'conjoint']);
    expect(analysis.corrections).toEqual([]);
  });

  it('should recognise a theme as a soft hint', () => {
    expect(analyzeQuery('temps partiel thérapeutique après un arrêt', vocabulary).themes.length).toBeGreaterThan(0);
  });

  it('should fold accents and drop stopwords', () => {
    expect(analyzeQuery('Le temps partiel thérapeutique', undefined).words).toEqual(['temps', 'partiel', 'therapeutique']);
  });
});
