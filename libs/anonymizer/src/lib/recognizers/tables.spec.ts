import { detect } from '../detect';

const found = (text: string): string[][] => detect(text).map((entity) => [entity.type, entity.text]);

describe('recognizeTableColumns', () => {
  it('should mask the cells under name columns of a Markdown table, whatever the words', () => {
    const table = ['| NOM | Prénom | Quotité | Avis |', '|---|---|---|---|', '| BREST | Rose | 80 % | favorable |', '| Le Floch | Anne-Sophie | 50 % | à revoir |'].join('\n');
    expect(found(table)).toEqual([
      ['PERSON', 'BREST'],
      ['PERSON', 'Rose'],
      ['PERSON', 'Le Floch'],
      ['PERSON', 'Anne-Sophie'],
    ]);
  });

  it('should mask the columns of a CSV export by their header', () => {
    const csv = ['nom;prenom;date de naissance;matricule;corps', 'PLOUHINEC;Ozanne;12/04/1979;A123456;certifié', '"Kerbrat";"Gwendal";03/11/1985;B765432;agrégé'].join('\n');
    expect(found(csv)).toEqual([
      ['PERSON', 'PLOUHINEC'],
      ['PERSON', 'Ozanne'],
      ['DATE_OF_BIRTH', '12/04/1979'],
      ['MATRICULE', 'A123456'],
      ['PERSON', 'Kerbrat'],
      ['PERSON', 'Gwendal'],
      ['DATE_OF_BIRTH', '03/11/1985'],
      ['MATRICULE', 'B765432'],
    ]);
  });

  it('should leave tables without personal columns alone', () => {
    expect(found('| Type de congé | Durée max |\n|---|---|\n| CLM | 3 ans |\n| CLD | 5 ans |')).toEqual([]);
  });
});

describe('recognizeTableColumns (CSV details)', () => {
  it('should read headers with underscores and keep a quoted separator inside its field', () => {
    const csv = ['nom,prenom,date_naissance,adresse', 'KERBRAT,Gwendal,12/04/1979,"4 rue des Lilas, 35000 Rennes"'].join('\n');
    expect(detect(csv).map((entity) => [entity.type, entity.text])).toEqual([
      ['PERSON', 'KERBRAT'],
      ['PERSON', 'Gwendal'],
      ['DATE_OF_BIRTH', '12/04/1979'],
      ['ADDRESS', '4 rue des Lilas, 35000 Rennes'],
    ]);
  });
});
