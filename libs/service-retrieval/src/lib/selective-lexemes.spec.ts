import { placeholderLabels, selectiveLexemes, withinOrElse } from './retrieval.service';
import { Vocabulary, type CorpusStatistics } from './search/corpus-statistics';

describe('selectiveLexemes', () => {
  const statistics: CorpusStatistics = {
    chunks: 100_000,
    lexemeFrequency: new Map([
      ['fonctionnair', 60_000],
      ['agent', 30_000],
      ['detach', 4_000],
      ['quotit', 1_200],
    ]),
    vocabulary: new Vocabulary(new Map()),
  };

  it('should select passages by the lexemes that are not common, and never by absent ones', () => {
    expect(selectiveLexemes(['fonctionnair', 'detach', 'inconnu', 'quotit'], statistics)).toEqual(['detach', 'quotit']);
  });

  it('should fall back on the rarest lexemes of the corpus when all are common', () => {
    expect(selectiveLexemes(['fonctionnair', 'agent', 'inconnu'], statistics)).toEqual(['agent', 'fonctionnair']);
  });

  it('should leave no lexeme out on a small corpus, where the subject of a question is a common word', () => {
    const small: CorpusStatistics = { chunks: 95, lexemeFrequency: new Map([['aidant', 30], ['proch', 32], ['dur', 4]]), vocabulary: new Vocabulary(new Map()) };
    expect(selectiveLexemes(['aidant', 'proch', 'dur'], small)).toEqual(['aidant', 'proch', 'dur']);
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
