import { STATUTS, STATUT_CODES, getStatut, isStatutCode } from './statuts';

describe('STATUTS', () => {
  it('should have unique slug codes and non-empty labels when listing statuts', () => {
    expect(new Set(STATUT_CODES).size).toBe(STATUTS.length);
    for (const statut of STATUTS) {
      expect(statut.code).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(statut.label.trim()).not.toBe('');
      expect(statut.synonyms.length).toBeGreaterThan(0);
    }
  });

  it('should include the main statuses when listing codes', () => {
    expect(STATUT_CODES).toEqual(
      expect.arrayContaining([
        'titulaire',
        'stagiaire',
        'contractuel-cdd',
        'contractuel-cdi',
        'vacataire',
        'aesh',
        'apprenti',
      ]),
    );
  });

  it('should flag only titulaires and stagiaires as civil servants when reading statuts', () => {
    expect(STATUTS.filter((s) => s.civilServant).map((s) => s.code)).toEqual([
      'titulaire',
      'stagiaire',
    ]);
  });

  it('should accept known codes and reject others when checking values', () => {
    expect(isStatutCode('aesh')).toBe(true);
    expect(isStatutCode('AESH')).toBe(false);
    expect(getStatut('contractuel-cdi').synonyms).toContain('CDI');
  });
});
