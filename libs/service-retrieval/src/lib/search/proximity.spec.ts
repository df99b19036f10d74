import { proximityShare, queryPairs } from './proximity';
import { parseTsvector } from './text-index';

describe('queryPairs', () => {
  const weights: Record<string, number> = { temp: 1, partiel: 3, enfant: 2, conge: 1.5 };
  const weightOf = (lexeme: string) => weights[lexeme] ?? 0.5;

  it('should pair consecutive content words, skipping words without lexemes, weighed by the more common word', () => {
    expect(queryPairs([['temp'], ['partiel'], [], ['enfant']], weightOf)).toEqual([
      { first: 'temp', second: 'partiel', weight: 1 },
      { first: 'partiel', second: 'enfant', weight: 2 },
    ]);
  });

  it('should make no pair of a word with itself, nor the same pair twice, nor of a single word', () => {
    expect(queryPairs([['conge'], ['conge'], ['temp'], ['partiel'], ['temp'], ['partiel']], weightOf)).toEqual([
      { first: 'conge', second: 'temp', weight: 1 },
      { first: 'temp', second: 'partiel', weight: 1 },
      { first: 'partiel', second: 'temp', weight: 1 },
    ]);
    expect(queryPairs([['temp']], weightOf)).toEqual([]);
  });
});

describe('proximityShare', () => {
  const pairs = [
    { first: 'temp', second: 'partiel', weight: 1 },
    { first: 'enfant', second: 'conge', weight: 3 },
  ];

  it('should count the pairs said close together, in either order, by weight', () => {
    // temps (2) partiel (3) together; enfant (40) far from congé (10).
    expect(proximityShare(parseTsvector(`'temp':2B 'partiel':3B 'enfant':40B 'conge':10B`), pairs)).toBeCloseTo(0.25, 10);
    // congé (12) then enfant (14): within the window in the other order.
    expect(proximityShare(parseTsvector(`'temp':2B 'partiel':3B 'conge':12B 'enfant':14B`), pairs)).toBeCloseTo(1, 10);
  });

  it('should count nothing when the words are apart or absent', () => {
    expect(proximityShare(parseTsvector(`'temp':2B 'partiel':9B 'enfant':40B`), pairs)).toBe(0);
    expect(proximityShare(parseTsvector(`'temp':2B`), [])).toBe(0);
  });
});
