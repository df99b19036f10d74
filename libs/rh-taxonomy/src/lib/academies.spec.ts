import {
  ACADEMIES,
  ACADEMIE_CODES,
  ADMINISTRATION_CENTRALE,
  CORPUS_CODES,
  NATIONAL_CORPUS,
  REGIONS_ACADEMIQUES,
  academiesOfRegion,
  findAcademie,
  getAcademie,
  isAcademieCode,
  isCorpusCode,
  isOrganisationCode,
  isRegionAcademiqueCode,
} from './academies';

describe('ACADEMIES', () => {
  it('should hold exactly 30 académies when listing the 2024 map', () => {
    expect(ACADEMIES).toHaveLength(30);
    expect(ACADEMIE_CODES).toHaveLength(30);
  });

  it('should have unique codes, official codes and names when listing académies', () => {
    const unique = (values: readonly string[]): number => new Set(values).size;
    expect(unique(ACADEMIES.map((a) => a.code))).toBe(30);
    expect(unique(ACADEMIES.map((a) => a.officialCode))).toBe(30);
    expect(unique(ACADEMIES.map((a) => a.name))).toBe(30);
  });

  it('should use lowercase ascii slugs and two-digit official codes when defining académies', () => {
    for (const academie of ACADEMIES) {
      expect(academie.code).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(academie.officialCode).toMatch(/^\d{2}$/);
      expect(academie.name.startsWith('Académie ')).toBe(true);
    }
  });

  it('should keep the official numbers of the ministry when checking known académies', () => {
    expect(getAcademie('paris').officialCode).toBe('01');
    expect(getAcademie('aix-marseille').officialCode).toBe('02');
    expect(getAcademie('lyon').officialCode).toBe('10');
    expect(getAcademie('versailles').officialCode).toBe('25');
    expect(getAcademie('normandie').officialCode).toBe('70');
    expect(getAcademie('mayotte').officialCode).toBe('43');
  });

  it('should not list the former académies of Caen and Rouen when listing codes', () => {
    expect(isAcademieCode('caen')).toBe(false);
    expect(isAcademieCode('rouen')).toBe(false);
  });
});

describe('REGIONS_ACADEMIQUES', () => {
  it('should hold 18 régions académiques with unique codes when listed', () => {
    expect(REGIONS_ACADEMIQUES).toHaveLength(18);
    expect(new Set(REGIONS_ACADEMIQUES.map((r) => r.code)).size).toBe(18);
    expect(new Set(REGIONS_ACADEMIQUES.map((r) => r.inseeCode)).size).toBe(18);
  });

  it('should link every académie to an existing région when checking regions', () => {
    for (const academie of ACADEMIES) {
      expect(isRegionAcademiqueCode(academie.region.code)).toBe(true);
      expect(REGIONS_ACADEMIQUES).toContain(academie.region);
    }
  });

  it('should give every région at least one académie when grouping académies', () => {
    for (const region of REGIONS_ACADEMIQUES) {
      expect(academiesOfRegion(region.code).length).toBeGreaterThanOrEqual(1);
    }
  });

  it('should group the three Île-de-France académies when asked for ile-de-france', () => {
    expect(academiesOfRegion('ile-de-france').map((a) => a.code)).toEqual([
      'creteil',
      'paris',
      'versailles',
    ]);
  });
});

describe('findAcademie', () => {
  it('should find an académie when given its full name with the « Académie de » prefix', () => {
    expect(findAcademie('Académie de Clermont-Ferrand')?.code).toBe(
      'clermont-ferrand',
    );
    expect(findAcademie("Académie d'Aix-Marseille")?.code).toBe(
      'aix-marseille',
    );
    expect(findAcademie('académie de la Réunion')?.code).toBe('la-reunion');
  });

  it('should ignore case and accents when given a short name', () => {
    expect(findAcademie('LYON')?.code).toBe('lyon');
    expect(findAcademie('creteil')?.code).toBe('creteil');
    expect(findAcademie('Orléans Tours')?.code).toBe('orleans-tours');
  });

  it('should find an académie when given its code, official number, alias or ac- prefix', () => {
    expect(findAcademie('nancy-metz')?.code).toBe('nancy-metz');
    expect(findAcademie('70')?.code).toBe('normandie');
    expect(findAcademie('Caen')?.code).toBe('normandie');
    expect(findAcademie('ac-versailles')?.code).toBe('versailles');
    expect(findAcademie('Rectorat de Bordeaux')?.code).toBe('bordeaux');
  });

  it('should return undefined when given an unknown or empty name', () => {
    expect(findAcademie('Atlantis')).toBeUndefined();
    expect(findAcademie('Académie de Atlantis')).toBeUndefined();
    expect(findAcademie('')).toBeUndefined();
    expect(findAcademie('académie')).toBeUndefined();
  });
});

describe('corpus and organisation codes', () => {
  it('should list national then every académie when building corpus codes', () => {
    expect(NATIONAL_CORPUS).toBe('national');
    expect(CORPUS_CODES).toHaveLength(31);
    expect(CORPUS_CODES[0]).toBe('national');
  });

  it('should accept national and académie codes only when checking a corpus code', () => {
    expect(isCorpusCode('national')).toBe(true);
    expect(isCorpusCode('lyon')).toBe(true);
    expect(isCorpusCode('centrale')).toBe(false);
    expect(isCorpusCode('Lyon')).toBe(false);
    expect(isCorpusCode(42)).toBe(false);
  });

  it('should treat the administration centrale as an organisation but not a corpus when checking codes', () => {
    expect(ADMINISTRATION_CENTRALE.code).toBe('centrale');
    expect(isOrganisationCode('centrale')).toBe(true);
    expect(isOrganisationCode('grenoble')).toBe(true);
    expect(isOrganisationCode('national')).toBe(false);
  });
});
