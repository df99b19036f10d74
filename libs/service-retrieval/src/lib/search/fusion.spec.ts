import { fuseRankings, RRF_K } from './fusion';

describe('fuseRankings', () => {
  it('should favour items ranked well by both lists over an item first in one list only', () => {
    const text = [{ id: 'a', score: 9 }, { id: 'b', score: 8 }, { id: 'c', score: 1 }];
    const vector = [{ id: 'b', score: 0.9 }, { id: 'c', score: 0.8 }, { id: 'd', score: 0.7 }];
    const fused = fuseRankings([text, vector]);
    expect(fused.map((item) => item.id)).toEqual(['b', 'c', 'a', 'd']);
    expect(fused[0].score).toBeCloseTo(1 / (RRF_K + 2) + 1 / (RRF_K + 1));
  });

  it('should ignore the raw scores, only ranks count', () => {
    const fused = fuseRankings([[{ id: 'x', score: 1000 }, { id: 'y', score: 999 }], [{ id: 'y', score: 0.1 }]]);
    expect(fused.map((item) => item.id)).toEqual(['y', 'x']);
  });

  it('should weight the lists when asked', () => {
    const fused = fuseRankings([[{ id: 'x', score: 1 }], [{ id: 'y', score: 1 }]], [1, 2]);
    expect(fused.map((item) => item.id)).toEqual(['y', 'x']);
  });

  it('should give nothing for no ranking', () => {
    expect(fuseRankings([])).toEqual([]);
  });
});

