import { normalizeTerm, tokenizeTerm } from './normalize';

describe('normalizeTerm', () => {
  it('should lowercase and fold accents when given an accented term', () => {
    expect(normalizeTerm('Disponibilité')).toBe('disponibilite');
    expect(normalizeTerm('ÎLE-DE-FRANCE')).toBe('ile de france');
  });

  it('should turn hyphens and apostrophes into single spaces when present', () => {
    expect(normalizeTerm("Académie d'Aix-Marseille")).toBe(
      'academie d aix marseille',
    );
    expect(normalizeTerm('congé d’ancienneté – CLM')).toBe(
      'conge d anciennete clm',
    );
  });

  it('should trim and collapse whitespace when given padded text', () => {
    expect(normalizeTerm('  temps \t partiel\u00a0 thérapeutique ')).toBe(
      'temps partiel therapeutique',
    );
  });

  it('should fold ligatures when given œ or æ', () => {
    expect(normalizeTerm('Vœux')).toBe('voeux');
  });
});

describe('tokenizeTerm', () => {
  it('should split on punctuation but keep + when given acronyms', () => {
    expect(tokenizeTerm('IA-IPR / REP+')).toEqual(['ia', 'ipr', 'rep+']);
  });

  it('should drop empty and punctuation-only tokens when given symbols', () => {
    expect(tokenizeTerm(' + , ; ')).toEqual([]);
    expect(tokenizeTerm('temps partiel 50 %')).toEqual([
      'temps',
      'partiel',
      '50',
    ]);
  });
});
