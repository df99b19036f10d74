import { placeholderLabels, selectiveLexemes, withinOrElse } from './retrieval.service';
import { Vocabulary, type CorpusStatistics } from './search/corpus-statistics';

describe('selectiveLexemes', () => {
  const statistics: CorpusStatistics = {
    chunks: 1000,
    lexemeFrequency: new Map([
      ['fonctionnair', 600],
      ['agent', 300],
      ['detach', 40],
      ['quotit', 12],
    ]),
    vocabulary: new Vocabulary(new Map()),
  };

  it('should select passages by the lexemes that are not common, and never by absent ones', () => {
    expect(selectiveLexemes(['fonctionnair', 'detach', 'inconnu', 'quotit'], statistics)).toEqual(['detach', 'quotit']);
  });

  it('should fall back on the rarest lexemes of the corpus when all are common', () => {
    expect(selectiveLexemes(['fonctionnair', 'agent', 'inconnu'], statistics)).toEqual(['agent', 'fonctionnair']);
  });

  it('should select nothing when the corpus has none of the lexemes', () => {
    expect(selectiveLexemes(['inconnu'], statistics)).toEqual([]);
  });
});

describe('placeholderLabels', () => {
  it('should read the words that label a masked datum, and only those', () => {
    expect([...placeholderLabels('Mme [PERSONNE_1] (NIR [NIR_1], courriel : [EMAIL_1]) demande un temps partiel')].sort()).toEqual(['courriel', 'mme', 'nir']);
    expect(placeholderLabels('temps partiel de droit').size).toBe(0);
  });
});

describe('withinOrElse', () => {
  const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

  it('should give the awaited value when it comes in time, the fallback when it is late or fails', async () => {
    await expect(withinOrElse(after(5, 'fresh'), 500, 'previous')).resolves.toBe('fresh');
    await expect(withinOrElse(after(500, 'fresh'), 20, 'previous')).resolves.toBe('previous');
    await expect(withinOrElse(Promise.reject(new Error('down')), 500, 'previous')).resolves.toBe('previous');
  });
});
