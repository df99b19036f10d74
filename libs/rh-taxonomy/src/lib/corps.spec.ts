import {
  CORPS,
  CORPS_CODES,
  POPULATIONS,
  corpsOfPopulation,
  findCorps,
  getCorps,
  isCorpsCode,
} from './corps';

describe('CORPS', () => {
  it('should have unique slug codes and non-empty labels when listing corps', () => {
    expect(new Set(CORPS_CODES).size).toBe(CORPS.length);
    for (const corps of CORPS) {
      expect(corps.code).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(corps.label.trim()).not.toBe('');
      expect(corps.shortLabel.trim()).not.toBe('');
      expect(['A', 'B', 'C']).toContain(corps.category);
    }
  });

  it('should have unique acronyms when corps have one', () => {
    const acronyms = CORPS.flatMap((corps) =>
      corps.acronym === undefined ? [] : [corps.acronym],
    );
    expect(new Set(acronyms).size).toBe(acronyms.length);
  });

  it('should give every population at least one corps when grouping corps', () => {
    expect(new Set(POPULATIONS.map((p) => p.code)).size).toBe(
      POPULATIONS.length,
    );
    for (const population of POPULATIONS) {
      expect(corpsOfPopulation(population.code).length).toBeGreaterThan(0);
    }
  });

  it('should include the main corps when listing codes', () => {
    expect(CORPS_CODES).toEqual(
      expect.arrayContaining([
        'pe',
        'certifie',
        'agrege',
        'plp',
        'peps',
        'cpe',
        'psyen',
        'mcf',
        'pu',
        'igr',
        'ige',
        'asi',
        'tech-rf',
        'atrf',
        'aae',
        'saenes',
        'adjaenes',
        'infenes',
        'assae',
        'medecin',
        'perdir',
        'ien',
        'ia-ipr',
        'conservateur-bib',
        'bibas',
        'magasinier',
      ]),
    );
  });

  it('should store known categories when reading corps', () => {
    expect(getCorps('certifie').category).toBe('A');
    expect(getCorps('saenes').category).toBe('B');
    expect(getCorps('adjaenes').category).toBe('C');
    expect(getCorps('mcf').population).toBe('enseignant-chercheur');
  });
});

describe('findCorps', () => {
  it('should find a corps when given an acronym, a synonym or a label in any case', () => {
    expect(findCorps('ADJAENES')?.code).toBe('adjaenes');
    expect(findCorps('professeur agrégé')?.code).toBe('agrege');
    expect(findCorps('Professeurs des écoles')?.code).toBe('pe');
    expect(findCorps('ia ipr')?.code).toBe('ia-ipr');
  });

  it('should return undefined when given an unknown name', () => {
    expect(findCorps('astronaute')).toBeUndefined();
    expect(findCorps('')).toBeUndefined();
    expect(isCorpsCode('pe')).toBe(true);
    expect(isCorpsCode('PE')).toBe(false);
  });
});
