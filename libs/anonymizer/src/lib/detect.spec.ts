import fc from 'fast-check';
import { detect, resolveOverlaps } from './detect';

describe('detect', () => {
  it('should leave institutional words, legal references and HR acronyms alone', () => {
    const text = [
      'Madame, Monsieur,',
      'Le Rectorat de l’Académie de Lyon et la DSDEN du Rhône rappellent que le Code de l’éducation (article L. 912-1)',
      'et le Code général de la fonction publique (articles L. 822-1 et suivants) encadrent le CLM, le CLD, le CITIS et le TPT.',
      'La DGRH du Ministère de l’Éducation nationale publie la note de service n° 2024-123 au Bulletin officiel du 5 décembre 2024.',
      'Les demandes de PSC, d’ISAE et de GIPA sont à saisir sur ENSAP ou SIRH avant le 15 mars 2025 ; contact : dpe@ac-exemple.fr.',
      'Les services du Rectorat',
    ].join('\n');
    expect(detect(text)).toEqual([]);
  });

  it('should give sorted, non-overlapping spans that match the text, with a type and a confidence', () => {
    const text = 'Mme Ozanne PLOUHINEC, née le 12/04/1979, NIR 2 79 04 29 019 123 49, tél. 06 11 22 33 44, ozanne.plouhinec@exemple.fr';
    const entities = detect(text);
    expect(entities.map((entity) => entity.type)).toEqual(['PERSON', 'DATE_OF_BIRTH', 'NIR', 'PHONE', 'EMAIL']);
    for (const entity of entities) {
      expect(text.slice(entity.start, entity.end)).toBe(entity.text);
      expect(entity.confidence).toBeGreaterThan(0);
      expect(entity.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('should count offsets in UTF-16 units, after emoji and accents', () => {
    const text = '😀 Écrire à gaëlle.kerbrat@exemple.fr 👍';
    const [email] = detect(text);
    expect(email.start).toBe(text.indexOf('gaëlle'));
    expect(text.slice(email.start, email.end)).toBe('gaëlle.kerbrat@exemple.fr');
  });

  it('should hold its invariants on any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const entities = detect(text);
        let previousEnd = 0;
        for (const entity of entities) {
          expect(entity.start).toBeGreaterThanOrEqual(previousEnd);
          expect(entity.end).toBeGreaterThan(entity.start);
          expect(entity.end).toBeLessThanOrEqual(text.length);
          expect(entity.text).toBe(text.slice(entity.start, entity.end));
          previousEnd = entity.end;
        }
      }),
      { seed: 5, numRuns: 300 },
    );
  });

  it('should ignore candidates under the confidence asked', () => {
    const text = 'Bonjour Yvonig,';
    expect(detect(text)).toHaveLength(1);
    expect(detect(text, { minConfidence: 0.99 })).toEqual([]);
  });
});

describe('resolveOverlaps', () => {
  it('should prefer a checked identifier, then an address or school, then a name, and sort what it keeps', () => {
    const kept = resolveOverlaps([
      { start: 0, end: 20, type: 'PERSON', confidence: 0.95 },
      { start: 5, end: 30, type: 'SCHOOL', confidence: 0.85 },
      { start: 25, end: 40, type: 'EMAIL', confidence: 0.99 },
    ]);
    expect(kept.map((entity) => entity.type)).toEqual(['PERSON', 'EMAIL']);
  });

  it('should prefer the more confident, then the longer candidate of one tier', () => {
    const kept = resolveOverlaps([
      { start: 0, end: 5, type: 'PERSON', confidence: 0.9 },
      { start: 0, end: 12, type: 'PERSON', confidence: 0.9 },
      { start: 10, end: 15, type: 'PERSON', confidence: 0.95 },
    ]);
    expect(kept).toEqual([
      { start: 0, end: 5, type: 'PERSON', confidence: 0.9 },
      { start: 10, end: 15, type: 'PERSON', confidence: 0.95 },
    ]);
  });
});
