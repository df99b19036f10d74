import { matchArticleHeading, splitAtArticles } from './legal-headings';

describe('legal headings', () => {
  describe('matchArticleHeading', () => {
    it.each([
      ['Article 34', 'Article 34', ''],
      ['ARTICLE 2', 'ARTICLE 2', ''],
      ['Article L. 822-1', 'Article L. 822-1', ''],
      ['Article R911-2-1', 'Article R911-2-1', ''],
      ['Art. R. 911-2', 'Art. R. 911-2', ''],
      ['Article 1er', 'Article 1er', ''],
      ['Article premier', 'Article premier', ''],
      ['Article 37 bis', 'Article 37 bis', ''],
      ['Article 3bis : période d’essai', 'Article 3bis', 'période d’essai'],
      ['Article 1er : M. X est nommé.', 'Article 1er', 'M. X est nommé.'],
      ['Article 2 – Les intéressés disposent d’un délai', 'Article 2', 'Les intéressés disposent d’un délai'],
      ['Article 34 (abrogé)', 'Article 34 (abrogé)', ''],
      ['Article 3 (et suivants, le cas échéant) : conditions', 'Article 3 (et suivants, le cas échéant)', 'conditions'],
    ])('should read %j as heading %j', (line, heading, rest) => {
      expect(matchArticleHeading(line)).toEqual({ heading, rest });
    });

    it.each([
      'Article 34 de la loi du 11 janvier 1984 prévoit un congé.',
      'Articles 34 et 35',
      "L'article 34 dispose que",
      'Artisan 3',
      'Article',
    ])('should not take %j for a heading', (line) => {
      expect(matchArticleHeading(line)).toBeNull();
    });
  });

  describe('splitAtArticles', () => {
    it('should start a new segment at each article line', () => {
      expect(splitAtArticles(['Vu le code ;', 'Arrête :', 'Article 1er : texte', 'suite', 'Article 2', 'fin'])).toEqual([
        ['Vu le code ;', 'Arrête :'],
        ['Article 1er : texte', 'suite'],
        ['Article 2', 'fin'],
      ]);
    });
  });
});
