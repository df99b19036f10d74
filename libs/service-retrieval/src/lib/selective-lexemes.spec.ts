import { placeholderLabels, selectiveLexemes } from './retrieval.service';
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
