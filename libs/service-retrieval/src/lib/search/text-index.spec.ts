import { lexemeRank, parseTsvector, TextIndex, topK } from './text-index';

describe('parseTsvector', () => {
  it('should read lexemes, positions and weights as Postgres writes them', () => {
    expect(parseTsvector(`'agent':1A,5B,9 'l''ecol':3C 'a\\\\b':4 'sans'`)).toEqual([
      { lexeme: 'agent', positions: [1, 5, 9], weights: [3, 2, 0] },
      { lexeme: "l'ecol", positions: [3], weights: [1] },
      { lexeme: 'a\\b', positions: [4], weights: [0] },
      { lexeme: 'sans', positions: [0], weights: [0] },
    ]);
    expect(parseTsvector('')).toEqual([]);
  });

  it('should refuse a text that is not a tsvector', () => {
    expect(() => parseTsvector('agent:1')).toThrow(SyntaxError);
    expect(() => parseTsvector(`'agent`)).toThrow(SyntaxError);
  });
});

describe('lexemeRank', () => {
  it('should weigh the heaviest occurrence in full and the others by the square of their rank', () => {
    // One heading occurrence (A = 1.0): (1 + 1 - 1) / (π²/6).
    expect(lexemeRank([3])).toBeCloseTo(1 / 1.64493406685, 8);
    // Body (B = 0.4) then heading: 0.4/1 + 1/4, the heading at rank 2 counted in full.
    expect(lexemeRank([2, 3])).toBeCloseTo((1 + 0.4 + 0.25 - 0.25) / 1.64493406685, 8);
    expect(lexemeRank([2, 2, 2])).toBeGreaterThan(lexemeRank([2, 2]));
  });
});

describe('topK', () => {
  it('should give the same best items, in the same order, as a full sort', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const scores = Array.from({ length: 500 }, () => Math.floor(random() * 50));
    const items = scores.map((_, index) => index);
    const better = (a: number, b: number) => scores[a] > scores[b] || (scores[a] === scores[b] && a < b);
    const sorted = [...items].sort((a, b) => scores[b] - scores[a] || a - b);
    expect(topK(items, 20, better)).toEqual(sorted.slice(0, 20));
    expect(topK(items.slice(0, 5), 20, better)).toEqual(sorted.filter((item) => item < 5));
  });
});

describe('TextIndex', () => {
  const documents = [
    { id: 'd1', validFrom: null, validTo: null },
    { id: 'd2', validFrom: '2020-01-01', validTo: '2020-12-31' },
  ];
  const index = TextIndex.build(documents, [
    { id: 'c1', documentId: 'd1', tsv: `'conge':1A 'maladi':2A,5B 'agent':7B` },
    { id: 'c2', documentId: 'd1', tsv: `'agent':1B 'temp':2B 'partiel':3B` },
    { id: 'c3', documentId: 'd2', tsv: `'conge':1B 'maladi':2B` },
    { id: 'c4', documentId: 'gone', tsv: `'conge':1A` },
  ]);

  it('should score only the passages that hold a selective lexeme, by all the lexemes', () => {
    const hits = index.search('2026-01-01', ['maladi', 'agent'], [1, 1], 10, ['maladi']);
    expect(hits.map((hit) => hit.id)).toEqual(['c1']);
    expect(hits[0].documentId).toBe('d1');
    // Both lexemes count in the score: more than the rank of the selective one alone.
    expect(hits[0].score).toBeGreaterThan(index.search('2026-01-01', ['maladi'], [1], 10)[0].score);
  });

  it('should keep only the documents in force on the day asked, and never passages of unknown documents', () => {
    expect(index.search('2026-01-01', ['conge'], [1], 10).map((hit) => hit.id)).toEqual(['c1']);
    expect(index.search('2020-06-01', ['conge'], [1], 10).map((hit) => hit.id)).toEqual(['c1', 'c3']);
    expect(index.size).toBe(3);
  });

  it('should rank a heading above body text, and give the same answer twice', () => {
    const first = index.search('2020-06-01', ['conge', 'maladi'], [1, 1], 10);
    expect(first.map((hit) => hit.id)).toEqual(['c1', 'c3']);
    expect(index.search('2020-06-01', ['conge', 'maladi'], [1, 1], 10)).toEqual(first);
    expect(index.search('2020-06-01', ['conge', 'maladi'], [1, 1], 1)).toEqual(first.slice(0, 1));
  });
});
