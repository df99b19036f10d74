import { PseudonymizationSession, pseudonymize, reidentify, valueKey } from './pseudonymize';

describe('pseudonymize', () => {
  it('should replace each value with a typed, numbered French placeholder and return the mapping apart', () => {
    const result = pseudonymize('Mme Ozanne Plouhinec (06 11 22 33 44, ozanne.p@exemple.fr) née le 12/04/1979.');
    expect(result.text).toBe('Mme [PERSONNE_1] ([TELEPHONE_1], [EMAIL_1]) née le [DATE_NAISSANCE_1].');
    expect(result.mapping).toEqual({
      '[PERSONNE_1]': 'Ozanne Plouhinec',
      '[TELEPHONE_1]': '06 11 22 33 44',
      '[EMAIL_1]': 'ozanne.p@exemple.fr',
      '[DATE_NAISSANCE_1]': '12/04/1979',
    });
    expect(result.counts).toEqual({ PERSON: 1, PHONE: 1, EMAIL: 1, DATE_OF_BIRTH: 1 });
  });

  it('should give one placeholder to two spellings of one value, and the next number to a new value', () => {
    const result = pseudonymize('Appel du 06 11 22 33 44 puis du +33 6 11 22 33 44 et du 07 99 88 77 66.');
    expect(result.text).toBe('Appel du [TELEPHONE_1] puis du [TELEPHONE_1] et du [TELEPHONE_2].');
  });

  it('should number placeholders across the texts of one record and mask there a name found in another', () => {
    const result = pseudonymize(['Dossier KERBRAT : quelle bonification ?', 'Madame Gwenola Kerbrat, votre demande est recevable. Cordialement, Yvonig Plouhinec']);
    expect(result.texts).toEqual(['Dossier [PERSONNE_1] : quelle bonification ?', 'Madame [PERSONNE_2], votre demande est recevable. Cordialement, [PERSONNE_3]']);
    expect(result.counts).toEqual({ PERSON: 3 });
  });

  it('should keep placeholders consistent across the messages of a session, and mask names seen before', () => {
    const session = new PseudonymizationSession();
    const first = pseudonymize('Je suis Gwendal Kerbrat, tél. 06 11 22 33 44.', session);
    const second = pseudonymize('Rappel : Kerbrat attend, au 06 11 22 33 44 ; ou au 07 99 88 77 66.', session);
    expect(first.text).toBe('Je suis [PERSONNE_1], tél. [TELEPHONE_1].');
    expect(second.text).toBe('Rappel : [PERSONNE_2] attend, au [TELEPHONE_1] ; ou au [TELEPHONE_2].');
    expect(Object.keys(second.mapping)).toEqual(['[PERSONNE_1]', '[TELEPHONE_1]', '[PERSONNE_2]', '[TELEPHONE_2]']);
  });

  it('should rebuild a session from its mapping', () => {
    const session = new PseudonymizationSession();
    pseudonymize('M. KERBRAT, 06 11 22 33 44', session);
    const rebuilt = new PseudonymizationSession(session.mapping);
    expect(pseudonymize('Kerbrat rappellera au 06 11 22 33 44 ou au 07 99 88 77 66.', rebuilt).text).toBe('[PERSONNE_1] rappellera au [TELEPHONE_1] ou au [TELEPHONE_2].');
  });

  it('should leave the types asked for in the text', () => {
    expect(pseudonymize('M. KERBRAT, 06 11 22 33 44', undefined, { keep: ['PHONE'] }).text).toBe('M. [PERSONNE_1], 06 11 22 33 44');
  });

  it('should leave a text without personal data unchanged', () => {
    const text = 'Le CLM est accordé par le Rectorat après avis du conseil médical (article L. 822-6 du CGFP).';
    expect(pseudonymize(text)).toEqual({ text, mapping: {}, counts: {} });
  });
});

describe('reidentify', () => {
  it('should put the values back, tolerate spaces inside brackets and leave unknown placeholders', () => {
    const mapping = { '[PERSONNE_1]': 'Gwendal Kerbrat', '[NIR_1]': '1 84 12 75 123 456 40' };
    expect(reidentify('Bonjour [PERSONNE_1], votre NIR [ NIR_1 ] est noté ; [PERSONNE_2] aussi.', mapping)).toBe(
      'Bonjour Gwendal Kerbrat, votre NIR 1 84 12 75 123 456 40 est noté ; [PERSONNE_2] aussi.',
    );
  });
});

describe('valueKey', () => {
  it('should compare names without case or accents, identifiers without separators, phones by number', () => {
    expect(valueKey('PERSON', 'KERBRAT')).toBe(valueKey('PERSON', 'Kerbrat'));
    expect(valueKey('PERSON', 'Gaëlle')).toBe(valueKey('PERSON', 'GAELLE'));
    expect(valueKey('IBAN', 'FR14 2004 1010 0505 0001 3M02 606')).toBe(valueKey('IBAN', 'FR1420041010050500013M02606'));
    expect(valueKey('PHONE', '0033 6 11 22 33 44')).toBe(valueKey('PHONE', '06.11.22.33.44'));
    expect(valueKey('PHONE', '+33 (0)6 11 22 33 44')).toBe(valueKey('PHONE', '0611223344'));
    expect(valueKey('EMAIL', 'A.B@Exemple.fr')).toBe(valueKey('EMAIL', 'a.b@exemple.fr'));
  });
});
