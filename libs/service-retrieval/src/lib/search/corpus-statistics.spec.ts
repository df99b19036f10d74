import { damerauLevenshtein, idf, Vocabulary } from './corpus-statistics';

describe(Vocabulary.name, () => {
  const vocabulary = new Vocabulary(
    new Map([
      ['mutation', 40],
      ['mutations', 12],
      ['maladie', 80],
      ['malade', 5],
      ['disponibilite', 20],
      ['retraite', 60],
    ]),
  );

  describe('correct', () => {
    it.each([
      ['mutaion', 'mutation'],
      ['maldie', 'maladie'],
      ['disponibilte', 'disponibilite'],
      ['retriate', 'retraite'],
    ])('should correct %s to %s', (typo, expected) => {
      expect(vocabulary.correct(typo)).toBe(expected);
    });

    it('should keep known, short, numeric and far-off words', () => {
      expect(vocabulary.correct('mutations')).toBe('mutations');
      expect(vocabulary.correct('cet')).toBe('cet');
      expect(vocabulary.correct('l822')).toBe('l822');
      expect(vocabulary.correct('xylophone')).toBe('xylophone');
    });

    it('should leave words of four letters, which lie one edit from too many real words', () => {
      expect(new Vocabulary(new Map([['taxi', 3]])).correct('maxi')).toBe('maxi');
    });

    it('should prefer the more frequent word at equal distance', () => {
      expect(new Vocabulary(new Map([['conge', 50], ['conga', 2]])).correct('congx')).toBe('conge');
    });
  });
});

describe('damerauLevenshtein', () => {
  it('should count a transposition as one edit', () => {
    expect(damerauLevenshtein('retriate', 'retraite', 2)).toBe(1);
    expect(damerauLevenshtein('abc', 'abc', 2)).toBe(0);
    expect(damerauLevenshtein('abc', 'xyz', 1)).toBe(2);
  });
});

describe('idf', () => {
  it('should weigh rare lexemes more than common ones, and unknown ones most', () => {
    const statistics = { chunks: 100, lexemeFrequency: new Map([['agent', 90], ['cld', 3]]), vocabulary: new Vocabulary(new Map()) };
    expect(idf(statistics, 'cld')).toBeGreaterThan(idf(statistics, 'agent'));
    expect(idf(statistics, 'inconnu')).toBeGreaterThan(idf(statistics, 'cld'));
    expect(idf(statistics, 'agent')).toBeGreaterThan(0);
  });
});
