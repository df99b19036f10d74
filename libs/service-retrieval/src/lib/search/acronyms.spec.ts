import { expandAcronymFromHeadings } from './acronyms';

describe('expandAcronymFromHeadings', () => {
  const headings = [
    'Prime de fidélisation territoriale dans la fonction publique',
    'Montant de la prime de fidélisation territoriale',
    'Conditions',
    'Plan de formation triennal',
  ];

  it('should spell out an acronym from the initials of consecutive content words of the headings', () => {
    expect(expandAcronymFromHeadings('PFT', headings)[0]).toBe('prime fidelisation territoriale');
  });

  it('should put the phrase the headings use most first', () => {
    expect(expandAcronymFromHeadings('PFT', headings)).toEqual(['prime fidelisation territoriale', 'plan formation triennal']);
  });

  it('should find nothing for an acronym no heading spells, nor for a single letter', () => {
    expect(expandAcronymFromHeadings('XYZ', headings)).toEqual([]);
    expect(expandAcronymFromHeadings('P', headings)).toEqual([]);
  });
});
