import {
  answerableFlaggedCount,
  firstRelevantRank,
  matchesRelevant,
  mrrAtK,
  rankDocuments,
  recallAtK,
  scoreOutcomes,
  unanswerableCounts,
  type QuestionOutcome,
  type RankedDocument,
} from './retrieval-metrics';

/** A ranking of documents named by their files, one document per file. */
function ranking(...files: string[]): RankedDocument[] {
  return files.map((sourceUri) => ({ documentId: `doc-${sourceUri}`, sourceUri }));
}

function outcome(relevant: string[], files: string[], answerable = true): QuestionOutcome {
  return { relevant, ranking: ranking(...files), answerable };
}

describe('retrieval metrics', () => {
  describe('rankDocuments', () => {
    it('should keep one entry per document, at the rank of its first passage', () => {
      const hits = [
        { documentId: 'b', sourceUri: 'b.md' },
        { documentId: 'a', sourceUri: 'a.md' },
        { documentId: 'b', sourceUri: 'b.md' },
        { documentId: 'c', sourceUri: 'c.md' },
        { documentId: 'a', sourceUri: 'a.md' },
      ];
      expect(rankDocuments(hits).map((document) => document.documentId)).toEqual(['b', 'a', 'c']);
    });

    it('should return an empty ranking when there is no hit', () => {
      expect(rankDocuments([])).toEqual([]);
    });
  });

  describe('matchesRelevant', () => {
    it('should match the same file name', () => {
      expect(matchesRelevant('temps-partiel.md', 'temps-partiel.md')).toBe(true);
    });

    it('should match the other copy of a fiche when only the extension differs', () => {
      expect(matchesRelevant('F123.xml', 'F123.md')).toBe(true);
      expect(matchesRelevant('F123.md', 'F123')).toBe(true);
    });

    it('should compare file names only, not folders', () => {
      expect(matchesRelevant('fiches/conges/F123.md', 'F123.md')).toBe(true);
    });

    it('should not match a different name that shares a prefix', () => {
      expect(matchesRelevant('F1234.md', 'F123.md')).toBe(false);
      expect(matchesRelevant('F123-bis.md', 'F123.md')).toBe(false);
    });

    it('should match names written in another Unicode normal form', () => {
      expect(matchesRelevant('conge\u0301.md', 'cong\u00e9.md')).toBe(true);
    });
  });

  describe('firstRelevantRank', () => {
    it('should give the 1-based rank of the first relevant document, whichever of the relevant ones it is', () => {
      expect(firstRelevantRank(ranking('x.md', 'b.md', 'a.md'), ['a.md', 'b.md'])).toBe(2);
    });

    it('should ignore documents beyond the cut', () => {
      expect(firstRelevantRank(ranking('x.md', 'y.md', 'a.md'), ['a.md'], 2)).toBeUndefined();
      expect(firstRelevantRank(ranking('x.md', 'y.md', 'a.md'), ['a.md'], 3)).toBe(3);
    });
  });

  describe('recallAtK and mrrAtK', () => {
    const outcomes = [
      outcome(['a.md'], ['a.md', 'x.md', 'y.md']), // rank 1
      outcome(['b.md', 'c.md'], ['x.md', 'y.md', 'c.md']), // rank 3, second relevant document
      outcome(['d.md'], ['x.md', 'y.md', 'z.md']), // not found
      outcome(['e.md'], ['x.md', 'e.xml']), // rank 2, other copy of the fiche
      outcome([], ['x.md'], false), // unanswerable: not in the averages
    ];

    it('should count a question as found when any relevant document is within the cut', () => {
      expect(recallAtK(outcomes, 1)).toBeCloseTo(1 / 4);
      expect(recallAtK(outcomes, 2)).toBeCloseTo(2 / 4);
      expect(recallAtK(outcomes, 3)).toBeCloseTo(3 / 4);
      expect(recallAtK(outcomes, 10)).toBeCloseTo(3 / 4);
    });

    it('should average reciprocal ranks, 0 for a question not found within the cut', () => {
      expect(mrrAtK(outcomes, 10)).toBeCloseTo((1 + 1 / 3 + 0 + 1 / 2) / 4);
      expect(mrrAtK(outcomes, 2)).toBeCloseTo((1 + 0 + 0 + 1 / 2) / 4);
    });

    it('should give 0 rather than NaN when no question is answerable', () => {
      expect(recallAtK([outcome([], ['x.md'])], 5)).toBe(0);
      expect(mrrAtK([], 10)).toBe(0);
    });
  });

  describe('unanswerable questions', () => {
    const outcomes = [
      outcome([], ['x.md'], false),
      outcome([], ['y.md'], true),
      outcome([], [], false),
      outcome(['a.md'], ['a.md'], false),
      outcome(['b.md'], ['b.md'], true),
    ];

    it('should count unanswerable questions and those flagged as such', () => {
      expect(unanswerableCounts(outcomes)).toEqual({ n: 3, flagged: 2 });
    });

    it('should count answerable questions wrongly flagged as not answerable', () => {
      expect(answerableFlaggedCount(outcomes)).toBe(1);
    });
  });

  describe('scoreOutcomes', () => {
    it('should round every figure to 3 decimals and report the cut asked for', () => {
      const outcomes = [outcome(['a.md'], ['x.md', 'y.md', 'a.md']), outcome(['b.md'], ['b.md']), outcome(['c.md'], ['x.md']), outcome([], [], false)];
      expect(scoreOutcomes(outcomes, 3)).toEqual({
        n: 3,
        recall1: 0.333,
        recall5: 0.667,
        recall10: 0.667,
        mrr10: 0.444,
        k: 3,
        recallK: 0.667,
        mrrK: 0.444,
        unanswerable: { n: 1, flagged: 1 },
        answerableFlagged: 0,
      });
    });
  });
});
