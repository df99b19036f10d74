import { foldText, isStopWord, stem, tokenize } from './french-text';

describe('foldText', () => {
  it('should lowercase, strip accents and expand ligatures', () => {
    expect(foldText('Congé ŒUVRE Ælia Événement çà où')).toBe(
      'conge oeuvre aelia evenement ca ou',
    );
  });
});

describe('tokenize', () => {
  it('should split on apostrophes, hyphens and punctuation, typographic or not', () => {
    expect(
      tokenize(
        foldText("L'agent d’Île-de-France, qu'il soit à mi-temps (art. 34)…"),
      ),
    ).toEqual([
      'l',
      'agent',
      'd',
      'ile',
      'de',
      'france',
      'qu',
      'il',
      'soit',
      'a',
      'mi',
      'temps',
      'art',
      '34',
    ]);
  });

  it('should keep letters of other scripts inside words', () => {
    expect(tokenize('δίκαιο 2024年')).toEqual(['δίκαιο', '2024年']);
  });
});

describe('isStopWord', () => {
  it('should drop function words and elided letters but keep numbers and content words', () => {
    expect(['l', 'd', 'qu', 'les', 'des', 'a', 'pour'].every(isStopWord)).toBe(
      true,
    );
    expect(['7', 'conge', 'mi', 'temps'].some(isStopWord)).toBe(false);
  });
});

describe('stem', () => {
  it('should make singular, plural, feminine and accented forms meet', () => {
    const forms = ['conge', 'conges', 'congee', 'congees'].map(stem);

    expect(new Set(forms)).toEqual(new Set(['cong']));
    expect(stem('partielles')).toBe(stem('partiel'));
    expect(stem('annees')).toBe(stem('annee'));
    expect(stem('mutations')).toBe('mutation');
  });

  it('should turn -aux plurals into -al, except -eaux', () => {
    expect(stem('principaux')).toBe('principal');
    expect(stem('bureaux')).toBe(stem('bureau'));
  });

  it('should leave short words alone', () => {
    expect(stem('pas')).toBe('pas');
    expect(stem('cet')).toBe('cet');
  });
});
