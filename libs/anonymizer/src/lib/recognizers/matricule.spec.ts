import { detect } from '../detect';

const found = (text: string): string[][] => detect(text).map((entity) => [entity.type, entity.text]);

describe('recognizeMatricule', () => {
  it.each([
    ['matricule 2019-123456', '2019-123456'],
    ['Matricule : AB1234567', 'AB1234567'],
    ['n° de dossier agent : XY7654321', 'XY7654321'],
    ['identifiant SIRH 9876543.', '9876543'],
    ['numéro d’agent 0042-77', '0042-77'],
    ['référence dossier : 2020/4411', '2020/4411'],
    ['code agent 445566', '445566'],
    ['n° EPP : 00123456', '00123456'],
  ])('should mask the identifier in "%s"', (text, value) => {
    expect(found(text)).toEqual([['MATRICULE', value]]);
  });

  it('should not take a number that no cue introduces, nor a date after a cue', () => {
    expect(found('Dossier reçu le 12/03/2025, 1234567 pièces.')).toEqual([]);
    expect(found('identifiant du 12/03/2025')).toEqual([]);
  });
});
