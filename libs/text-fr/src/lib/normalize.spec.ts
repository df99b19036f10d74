import fc from 'fast-check';
import { foldForSearch, normalizeText } from './normalize';

describe('normalizeText', () => {
  it('should compose accents to NFC when given decomposed text', () => {
    expect(normalizeText('conge\u0301 de\u0301le\u0301gue\u0301')).toBe(
      'congé délégué',
    );
  });

  it('should split typographic ligatures but keep œ and æ when present', () => {
    expect(
      normalizeText('\ufb01n, \ufb02ux, e\ufb00et, \ufb03ce, ba\ufb04e'),
    ).toBe('fin, flux, effet, ffice, baffle');
    expect(normalizeText('Vœux, curriculum vitæ')).toBe(
      'Vœux, curriculum vitæ',
    );
  });

  it('should turn no-break and narrow spaces into spaces and keep them before double punctuation', () => {
    expect(
      normalizeText(
        'Durée\u202f: 3\u00a0ans\u202f; «\u00a0oui\u00a0»\u202f? Non\u202f!',
      ),
    ).toBe('Durée : 3 ans ; « oui » ? Non !');
  });

  it('should remove soft hyphens and zero-width characters', () => {
    expect(normalizeText('fonc\u00adtion\u200bnaire\ufeff')).toBe(
      'fonctionnaire',
    );
  });

  it("should unify apostrophes to the ASCII ' when typographic ones are used", () => {
    expect(
      normalizeText('l\u2019agent, d\u02bcun, qu\u2018il, l\u00b4acte, l`an'),
    ).toBe("l'agent, d'un, qu'il, l'acte, l'an");
    expect(normalizeText('un accent ` seul')).toBe('un accent ` seul');
  });

  it('should collapse spaces inside lines and keep single line breaks and paragraph breaks', () => {
    expect(
      normalizeText(
        '  Premier\t\tparagraphe  \r\nsuite \r\n\r\n \r\n\n Second   paragraphe\u2029Troisième  ',
      ),
    ).toBe('Premier paragraphe\nsuite\n\nSecond paragraphe\n\nTroisième');
  });

  it('should be idempotent on generated text mixing special characters', () => {
    const alphabet = fc.constantFrom(
      'a',
      'é',
      'e\u0301',
      'Œ',
      'ﬁ',
      ' ',
      '\u00a0',
      '\u202f',
      '\u00ad',
      '\u2019',
      '´',
      '`',
      '\n',
      '\r',
      '\t',
      '\u2029',
      '\f',
      ':',
      '»',
      '«',
      '.',
      '\u200b',
      '\u0301',
      'Z',
      '1',
      '\u0000',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (characters) => {
        const once = normalizeText(characters.join(''));
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('should be idempotent on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});

describe('foldForSearch', () => {
  it('should lowercase, fold accents and spell out œ and æ', () => {
    expect(foldForSearch('Congé de Maternité — ŒUVRES, Vœux, Æsope, Ça')).toBe(
      'conge de maternite — oeuvres, voeux, aesope, ca',
    );
  });

  it('should normalise the text first when it holds ligatures and special spaces', () => {
    expect(foldForSearch('Dé\ufb01nition\u00a0: l\u2019indemnité')).toBe(
      "definition : l'indemnite",
    );
  });

  it('should be idempotent on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
        const once = foldForSearch(text);
        expect(foldForSearch(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
