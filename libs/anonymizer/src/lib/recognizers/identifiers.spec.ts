import { detect } from '../detect';

const found = (text: string): string[][] => detect(text).map((entity) => [entity.type, entity.text]);

describe('recognizeNir', () => {
  it('should find a NIR with a valid key, compact or spaced, without any context', () => {
    expect(found('Voici le 184127512345640 demandé.')).toEqual([['NIR', '184127512345640']]);
    expect(found('Réf. 1 84 12 75 123 456 40 à reporter')).toEqual([['NIR', '1 84 12 75 123 456 40']]);
  });

  it('should find Corsican NIRs (2A, 2B), with the key apart', () => {
    expect(found('sécu : 275082A012345 82')).toEqual([['NIR', '275082A012345 82']]);
    expect(found('mon numéro 1 68 02 2B 045 678 53 est joint')).toEqual([['NIR', '1 68 02 2B 045 678 53']]);
  });

  it('should keep a wrong key when nothing says it is a NIR, and mask it when the context does', () => {
    expect(found('Commande 184127512345641 livrée')).toEqual([]);
    expect(found('Mon numéro de sécurité sociale : 184127512345641')).toEqual([['NIR', '184127512345641']]);
    expect(found('NIR 1841275123456 (clé oubliée)')).toEqual([['NIR', '1841275123456']]);
  });
});

describe('recognizeNumen', () => {
  it('should find the 13 characters of a NUMEN, grouped or not', () => {
    expect(found('NUMEN : 12E0345678ABC')).toEqual([['NUMEN', '12E0345678ABC']]);
    expect(found('son identifiant 08T34 56789 XYZ figure au dossier')).toEqual([['NUMEN', '08T34 56789 XYZ']]);
  });

  it('should take another 13-character code right after the word NUMEN, and nothing without it', () => {
    expect(found('mon numen est 1234567890abc.')).toEqual([['NUMEN', '1234567890abc']]);
    expect(found('Le NUMEN doit figurer sur chaque pièce du dossier 2025.')).toEqual([]);
  });
});

describe('recognizeIne', () => {
  it('should find an INE whose key letter is right, and one after the word INE', () => {
    expect(found('élève 0123456789M inscrit')).toEqual([['INE', '0123456789M']]);
    expect(found('INE : 123456789AB')).toEqual([['INE', '123456789AB']]);
  });

  it('should ignore an 11-character code with a wrong key and no context', () => {
    expect(found('code 0123456789N')).toEqual([]);
  });
});

describe('recognizeIban', () => {
  it('should find valid IBANs, grouped or compact, and stop where the IBAN ends', () => {
    expect(found('IBAN : FR70 3000 2005 5000 0015 7845 Z02 merci')).toEqual([['IBAN', 'FR70 3000 2005 5000 0015 7845 Z02']]);
    expect(found('virement sur FR4512739000706512345678901.')).toEqual([['IBAN', 'FR4512739000706512345678901']]);
    expect(found('compte FR14 2004 1010 0505 0001 3M02 606 ABCD')).toEqual([['IBAN', 'FR14 2004 1010 0505 0001 3M02 606']]);
  });

  it('should mask a mistyped IBAN after "IBAN" or "RIB", and ignore a look-alike elsewhere', () => {
    expect(found('RIB : FR15 2004 1010 0505 0001 3M02 606')).toEqual([['IBAN', 'FR15 2004 1010 0505 0001 3M02 606']]);
    expect(found('Le lot AB12 3456 7890 1234 est arrivé.')).toEqual([]);
  });
});

describe('recognizeSirenSiret', () => {
  it('should find a SIRET with a valid Luhn key, and a SIREN only next to a company word', () => {
    expect(found('SIRET 812 345 676 00017')).toEqual([['SIRET', '812 345 676 00017']]);
    expect(found('mon entreprise (SIREN 812345676) facture')).toEqual([['SIREN', '812345676']]);
    expect(found('dossier 812345676 reçu')).toEqual([]);
    expect(found('SIRET 812 345 676 00018')).toEqual([]);
  });
});
