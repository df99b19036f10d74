import { FRENCH_STOPWORDS, lightStem, tokenizeFrench } from './tokenize';

describe('tokenizeFrench', () => {
  it('should fold tokens, drop stopwords and split elisions', () => {
    expect(
      tokenizeFrench(
        "L'Agent a demandé une Disponibilité pour élever l'enfant",
      ),
    ).toEqual(['agent', 'demande', 'disponibilite', 'elever', 'enfant']);
  });

  it('should keep negations and comparisons that matter in HR answers', () => {
    expect(
      tokenizeFrench('Pas de congé sans accord, non rémunéré, plus ou moins'),
    ).toEqual([
      'pas',
      'conge',
      'sans',
      'accord',
      'non',
      'remunere',
      'plus',
      'moins',
    ]);
    for (const word of [
      'pas',
      'non',
      'sans',
      'plus',
      'moins',
      'ni',
      'aucun',
      'sauf',
      'si',
    ]) {
      expect(FRENCH_STOPWORDS.has(word)).toBe(false);
    }
  });

  it('should keep identifiers, code articles, numbers and dates whole', () => {
    expect(
      tokenizeFrench(
        'Article L. 822-1, R.911-2 et L822-1 ; décret n° 84-16 du 12.04.2024, 1,5 jour, REP+',
      ),
    ).toEqual([
      'article',
      'l822-1',
      'r911-2',
      'l822-1',
      'decret',
      '84-16',
      '12.04.2024',
      '1,5',
      'jour',
      'rep+',
    ]);
  });

  it('should split hyphenated words without digits', () => {
    expect(tokenizeFrench('mi-temps IA-IPR peut-être')).toEqual(
      ['mi', 'temps', 'ia', 'ipr', 'peut', 'etre'].filter(
        (token) => !FRENCH_STOPWORDS.has(token),
      ),
    );
  });

  it('should return nothing for punctuation only', () => {
    expect(tokenizeFrench(' — ; « » ')).toEqual([]);
  });

  it('should list stopwords folded, as tokens are', () => {
    for (const word of FRENCH_STOPWORDS)
      expect(word).toBe(
        word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase(),
      );
  });
});

describe('lightStem', () => {
  it('should give congés, congé and conge the same stem', () => {
    expect(
      new Set(['congés', 'congé', 'conge', 'Congés'].map(lightStem)),
    ).toEqual(new Set(['cong']));
  });

  it('should give singular and plural the same stem', () => {
    const pairs: readonly [string, string][] = [
      ['mutations', 'mutation'],
      ['emplois', 'emploi'],
      ['droits', 'droit'],
      ['principaux', 'principal'],
      ['bureaux', 'bureau'],
      ['travaux', 'travail'],
      ['fonctionnaires', 'fonctionnaire'],
      ['avancements', 'avancement'],
    ];
    for (const [plural, singular] of pairs)
      expect(lightStem(plural)).toBe(lightStem(singular));
  });

  it('should join nouns in -ation, -ement and past participles', () => {
    expect(lightStem('titularisation')).toBe(lightStem('titularisée'));
    expect(lightStem('rémunération')).toBe(lightStem('rémunéré'));
    expect(lightStem('recrutement')).toBe(lightStem('recrutés'));
    expect(lightStem('seulement')).toBe(lightStem('seule'));
  });

  it('should leave short words, words ending in -us or -ss, and identifiers alone', () => {
    expect(lightStem('taux')).toBe('taux');
    expect(lightStem('plus')).toBe('plus');
    expect(lightStem('refus')).toBe('refus');
    expect(lightStem('ans')).toBe('ans');
    expect(lightStem('l822-1')).toBe('l822-1');
    expect(lightStem('2024')).toBe('2024');
  });

  it('should keep at least three letters', () => {
    expect(lightStem('moment')).toBe('moment');
    expect(lightStem('nation')).toBe('nation');
    expect(lightStem('station')).toBe('station');
  });
});
