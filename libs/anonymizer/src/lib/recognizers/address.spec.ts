import { detect } from '../detect';

const found = (text: string): string[][] => detect(text).map((entity) => [entity.type, entity.text]);

describe('recognizeAddress', () => {
  it('should take the number, bis/ter, street type, name, postcode and commune', () => {
    expect(found('J’habite 14 bis rue des Glycines, 35000 Rennes depuis mai.')).toEqual([['ADDRESS', '14 bis rue des Glycines, 35000 Rennes']]);
    expect(found('Nouvelle adresse : 3, allée du Général Leclerc 29200 BREST')).toEqual([['ADDRESS', '3, allée du Général Leclerc 29200 BREST']]);
    expect(found('au 27 boulevard Saint-Michel à Paris, depuis')).toEqual([['ADDRESS', '27 boulevard Saint-Michel à Paris']]);
  });

  it('should take the postcode and commune written on the next line', () => {
    expect(found('Adressez-le au 12 rue des Lilas\n35000 Rennes\nMerci')).toEqual([['ADDRESS', '12 rue des Lilas\n35000 Rennes']]);
  });

  it('should take a street name in lowercase and stop before the next sentence', () => {
    expect(found('Domicile au 8 chemin de la gare. Je souhaite')).toEqual([['ADDRESS', '8 chemin de la gare']]);
  });

  it('should take the rest of a line labelled "Adresse :"', () => {
    expect(found('Adresse : Résidence Les Tamaris, bât. C, 4 impasse des Mouettes, 17000 La Rochelle\nTél. : non communiqué')).toEqual([
      ['ADDRESS', 'Résidence Les Tamaris, bât. C, 4 impasse des Mouettes, 17000 La Rochelle'],
    ]);
  });

  it('should keep an institution’s address', () => {
    expect(found('Rectorat de l’académie, 12 rue des Halles, 35000 Rennes')).toEqual([]);
    expect(found('Le service des pensions, 5 place du Marché 44000 Nantes, vous répondra.')).toEqual([]);
  });

  it('should not take numbers without a street type', () => {
    expect(found('Les 3 agents du bureau 12 de la division des examens.')).toEqual([]);
  });
});
