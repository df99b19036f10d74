import { detect } from '../detect';

const found = (text: string): string[][] => detect(text).map((entity) => [entity.type, entity.text]);

describe('recognizeEmail', () => {
  it('should find personal addresses, with accents, digits, plus and dots', () => {
    expect(found('Écrire à gwendal.kerbrat2@ac-rennes.fr ou <solène+rh@exemple.org>.')).toEqual([
      ['EMAIL', 'gwendal.kerbrat2@ac-rennes.fr'],
      ['EMAIL', 'solène+rh@exemple.org'],
    ]);
  });

  it('should keep service mailboxes (functional words, establishment codes)', () => {
    expect(found('Contact : dpe3@ac-nantes.fr, ce.0441234x@ac-nantes.fr, drh.pensions@univ-exemple.fr')).toEqual([]);
  });
});

describe('recognizePhone', () => {
  it.each([
    ['06 12 34 56 78'],
    ['06.12.34.56.78'],
    ['06-12-34-56-78'],
    ['0612345678'],
    ['01 45 67 89 10'],
    ['+33 6 12 34 56 78'],
    ['+33 (0)6 12 34 56 78'],
    ['0033612345678'],
    ['0262 21 43 65'],
    ['+262 692 12 34 56'],
    ['+590 690 12 34 56'],
    ['+44 20 7946 0958'],
  ])('should find %s', (phone) => {
    expect(found(`Joignable au ${phone} le matin.`)).toEqual([['PHONE', phone]]);
  });

  it('should not take amounts, dates, years or article numbers for phones', () => {
    expect(found('Le 12/03/2025, 1 234 567 € versés ; article L. 912-1 ; 2024-2025 ; 15 000 agents.')).toEqual([]);
  });
});
