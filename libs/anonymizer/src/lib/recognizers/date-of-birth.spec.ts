import { detect } from '../detect';

const found = (text: string): string[][] => detect(text).map((entity) => [entity.type, entity.text]);

describe('recognizeDateOfBirth', () => {
  it.each([
    ['Je suis née le 4 août 1979 à Quimper.', '4 août 1979'],
    ['Étant né le 1er mars 1963, puis-je partir ?', '1er mars 1963'],
    ['né(e) le 30/11/1970', '30/11/1970'],
    ['Date de naissance : 07.02.1984', '07.02.1984'],
    ['DDN : 1981-05-17', '1981-05-17'],
    ['née à Brest le 02-09-1966', '02-09-1966'],
    ['Ma date de naissance est le 14 juillet 1988.', '14 juillet 1988'],
  ])('should mask the birth date in "%s"', (text, date) => {
    expect(found(text)).toEqual([['DATE_OF_BIRTH', date]]);
  });

  it('should keep every other date', () => {
    expect(found('Arrêt du 12/03/2025 au 30 avril 2025 ; conseil médical du 5 mai 2025 ; entrée en 1998.')).toEqual([]);
  });

  it('should keep a rule about a generation', () => {
    expect(found('Les agents nés avant le 1er janvier 1961 et ceux nés après le 31/12/1967.')).toEqual([]);
  });

  it('should not read the negation "ne" as "né"', () => {
    expect(found('Je ne sais pas depuis le 12/03/2020.')).toEqual([]);
  });
});
