import { GLOSSARY, expandQueryTerms, lookupTerm } from './glossary';
import { normalizeTerm } from './normalize';
import { isThemeCode } from './themes';

describe('GLOSSARY', () => {
  it('should hold at least 120 entries when loaded', () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(120);
  });

  it('should have no duplicate terms when terms are normalised', () => {
    const terms = GLOSSARY.map((entry) => normalizeTerm(entry.term));
    const duplicates = terms.filter(
      (term, index) => terms.indexOf(term) !== index,
    );
    expect(duplicates).toEqual([]);
  });

  it('should give every entry at least one non-empty expansion different from its term', () => {
    for (const entry of GLOSSARY) {
      expect(entry.expansions.length).toBeGreaterThanOrEqual(1);
      for (const expansion of entry.expansions) {
        expect(expansion.trim()).not.toBe('');
        expect(normalizeTerm(expansion)).not.toBe(normalizeTerm(entry.term));
      }
      expect(new Set(entry.expansions.map(normalizeTerm)).size).toBe(
        entry.expansions.length,
      );
    }
  });

  it('should only reference valid theme codes when entries have themes', () => {
    for (const entry of GLOSSARY) {
      for (const theme of entry.themes ?? []) {
        expect(isThemeCode(theme)).toBe(true);
      }
    }
  });

  it('should cover both acronyms and synonyms when loaded', () => {
    expect(GLOSSARY.some((entry) => entry.kind === 'acronym')).toBe(true);
    expect(GLOSSARY.some((entry) => entry.kind === 'synonym')).toBe(true);
  });
});

describe('lookupTerm', () => {
  it('should find the congé de longue maladie when given clm', () => {
    const [entry] = lookupTerm('clm');
    expect(entry?.term).toBe('CLM');
    expect(entry?.expansions).toContain('congé de longue maladie');
  });

  it('should ignore case and accents when given Disponibilité or dispo', () => {
    expect(lookupTerm('Disponibilité').map((entry) => entry.term)).toContain(
      'dispo',
    );
    expect(lookupTerm('DISPO')[0]?.expansions).toContain('disponibilité');
  });

  it('should match an expansion when given a spelled-out form', () => {
    expect(
      lookupTerm('Congé de longue durée').map((entry) => entry.term),
    ).toContain('CLD');
    expect(lookupTerm('ia ipr')[0]?.term).toBe('IA-IPR');
  });

  it('should return an empty list when given an unknown or empty term', () => {
    expect(lookupTerm('zorglub')).toEqual([]);
    expect(lookupTerm('  ')).toEqual([]);
  });
});

describe('expandQueryTerms', () => {
  it('should include congé de longue durée when tokens hold cld', () => {
    expect(expandQueryTerms(['cld', 'enseignant'])).toContain(
      'congé de longue durée',
    );
  });

  it('should match multi-word synonyms when their words are consecutive tokens', () => {
    const expanded = expandQueryTerms([
      'mon',
      'arret',
      'de',
      'travail',
      'est',
      'prolongé',
    ]);
    expect(expanded).toContain('congé de maladie');
    expect(expandQueryTerms(['arret', 'du', 'travail'])).not.toContain(
      'congé de maladie',
    );
  });

  it('should split and normalise tokens when a token holds punctuation', () => {
    expect(expandQueryTerms(['IA-IPR'])).toContain(
      'inspecteur pédagogique régional',
    );
    expect(expandQueryTerms(['REP+'])).toContain(
      "réseau d'éducation prioritaire renforcé",
    );
  });

  it('should return the acronym when the query holds its expansion and reverse is on', () => {
    expect(expandQueryTerms(['conge', 'de', 'longue', 'maladie'])).toContain(
      'CLM',
    );
    expect(
      expandQueryTerms(['conge', 'de', 'longue', 'maladie'], {
        reverse: false,
      }),
    ).toEqual([]);
  });

  it('should expand ambiguous acronyms only when written in capitals or explicitly included', () => {
    expect(expandQueryTerms(['cet', 'agent'])).toEqual([]);
    expect(expandQueryTerms(['CET'])).toContain('compte épargne-temps');
    expect(expandQueryTerms(['pas'], { includeAmbiguous: true })).toContain(
      'prélèvement à la source',
    );
  });

  it('should return phrases without duplicates nor words already in the query', () => {
    const expanded = expandQueryTerms(['mutation', 'mouvement', 'mutation']);
    expect(new Set(expanded.map(normalizeTerm)).size).toBe(expanded.length);
    expect(expanded).not.toContain('mouvement');
    expect(expanded).not.toContain('mutation');
    expect(expanded).toContain("changement d'affectation");
  });

  it('should return an empty list when no term matches', () => {
    expect(expandQueryTerms([])).toEqual([]);
    expect(expandQueryTerms(['bonjour', 'madame'])).toEqual([]);
  });
});
