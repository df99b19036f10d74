import * as fc from 'fast-check';
import {
  cleanCharacters,
  COMPOUND_HEADS,
  COMPOUND_TAILS,
  expandLigatures,
  hyphenBreakKind,
  joinWrappedLines,
  normalizeInline,
  normalizeWhitespace,
} from './text-normalizer';

/** Real hyphenated French words and names that must survive a line break on any of their hyphens. */
const COMPOUNDS = [
  'peut-être',
  'Jean-Pierre',
  "c'est-à-dire",
  'vis-à-vis',
  'sous-préfet',
  'demi-traitement',
  'Saint-Pierre-et-Miquelon',
  'après-midi',
  'contrat-type',
  'ci-dessus',
  'celui-ci',
  'a-t-il',
  'est-ce',
  'au-delà',
  'non-titulaire',
  'grand-mère',
  'outre-mer',
  'procès-verbal',
  'compte-rendu',
  'porte-parole',
  'L. 822-1',
  'R. 911-2-1',
  'Île-de-France',
  'ex-fonctionnaire',
];

const lowercaseWord = fc.stringMatching(/^[a-zéèêàâçôîû]{2,12}$/);
const contextWords = fc.array(fc.stringMatching(/^[A-Za-zéèàç,;.]{1,10}$/), { maxLength: 4 });

/** Characters that stress whitespace handling: every kind of space, breaks, soft hyphens, ligatures. */
const messyText = fc.string({
  unit: fc.constantFrom(' ', '\t', '\n', '\r', '\u00A0', '\u202F', '\u2009', '\u2028', '\u00AD', '\u200B', '\uFEFF', 'a', 'é', 'e', '\u0301', '-', 'ﬁ', 'x', '.'),
  maxLength: 60,
});

describe('text normalizer', () => {
  describe('cleanCharacters', () => {
    it('should expand ligatures and drop soft hyphens and zero-width characters', () => {
      expect(cleanCharacters('ﬁn de la ﬂexion, eﬀet, oﬃce, souﬄe, fonc\u00ADtion\u200Bnaire')).toBe('fin de la flexion, effet, office, souffle, fonctionnaire');
    });

    it('should turn typographic spaces into plain spaces and keep the line structure', () => {
      expect(cleanCharacters('Article\u00A01er\u202F:  texte\r\n\tsuite \u2028fin')).toBe('Article 1er : texte\nsuite\nfin');
    });

    it('should drop private-use glyphs of symbol fonts', () => {
      expect(cleanCharacters('\uF0A7 Point')).toBe('Point');
    });
  });

  describe('joinWrappedLines', () => {
    it.each([
      [['Le fonction-', 'naire est titularisé.'], 'Le fonctionnaire est titularisé.'],
      [['Jean-', 'Pierre Martin'], 'Jean-Pierre Martin'],
      [['il peut-', 'être muté'], 'il peut-être muté'],
      [["c'est-à-", 'dire au 1er janvier'], "c'est-à-dire au 1er janvier"],
      [['article L. 822-', '1 du code'], 'article L. 822-1 du code'],
      [['une période - ', 'puis une autre'], 'une période - puis une autre'],
      [['Le congé est accor\u00AD', 'dé de droit'], 'Le congé est accordé de droit'],
      [['une ligne', '', '  la suite  '], 'une ligne la suite'],
    ])('should join %j into %j', (lines, expected) => {
      expect(joinWrappedLines(lines)).toBe(expected);
    });

    it('should never merge across a real compound hyphen, whatever the context', () => {
      const compound = fc.constantFrom(...COMPOUNDS).chain((word) => {
        const hyphens = [...word].flatMap((character, index) => (character === '-' ? [index] : []));
        return fc.record({ word: fc.constant(word), cut: fc.constantFrom(...hyphens) });
      });
      fc.assert(
        fc.property(compound, contextWords, contextWords, ({ word, cut }, before, after) => {
          const first = [...before, word.slice(0, cut + 1)].join(' ');
          const second = [word.slice(cut + 1), ...after].join(' ');
          expect(joinWrappedLines([first, second])).toContain(word);
        }),
      );
    });

    it('should never merge when either half starts with a capital letter', () => {
      fc.assert(
        fc.property(fc.stringMatching(/^[A-Za-zé]{1,10}$/), fc.stringMatching(/^[A-ZÉ][a-zé]{0,10}$/), (left, right) => {
          expect(joinWrappedLines([`texte ${left}-`, `${right} suite`])).toBe(`texte ${left}-${right} suite`);
        }),
      );
    });

    it('should glue back any lowercase word cut by the layout when it is no known compound', () => {
      fc.assert(
        fc.property(lowercaseWord, lowercaseWord, (left, right) => {
          fc.pre(!COMPOUND_HEADS.has(left) && !COMPOUND_TAILS.has(right));
          expect(hyphenBreakKind(`le ${left}-`, right)).toBe('join');
          expect(joinWrappedLines([`le ${left}-`, `${right} suite`])).toBe(`le ${left}${right} suite`);
        }),
      );
    });

    it('should return one normalized line, stable when joined again', () => {
      fc.assert(
        fc.property(fc.array(messyText, { maxLength: 5 }), (lines) => {
          const joined = joinWrappedLines(lines);
          expect(joined).not.toMatch(/\n| {2}|^\s|\s$/);
          expect(joinWrappedLines([joined])).toBe(joined);
        }),
      );
    });
  });

  describe('whitespace normalization', () => {
    it('should be idempotent', () => {
      fc.assert(
        fc.property(messyText, (text) => {
          const once = normalizeWhitespace(text);
          expect(normalizeWhitespace(once)).toBe(once);
        }),
      );
    });

    it('should leave no leading, trailing or doubled whitespace', () => {
      fc.assert(
        fc.property(messyText, (text) => {
          expect(normalizeWhitespace(text)).not.toMatch(/^\s|\s$|\s\s/);
        }),
      );
    });

    it('should keep cleanCharacters and normalizeInline idempotent', () => {
      fc.assert(
        fc.property(messyText, (text) => {
          const clean = cleanCharacters(text);
          expect(cleanCharacters(clean)).toBe(clean);
          const inline = normalizeInline(text);
          expect(normalizeInline(inline)).toBe(inline);
        }),
      );
    });

    it('should expand every ligature of the Alphabetic Presentation Forms block', () => {
      expect(expandLigatures('\uFB00\uFB01\uFB02\uFB03\uFB04')).toBe('fffiflffiffl');
    });
  });
});
