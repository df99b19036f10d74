import { detect } from '../detect';

const persons = (text: string): string[] => detect(text).filter((entity) => entity.type === 'PERSON').map((entity) => entity.text);

describe('recognizePersons', () => {
  describe('shape', () => {
    it('should find a known first name beside a surname, compound ones included', () => {
      expect(persons('La demande de Gwendal Kerbrat est arrivée.')).toEqual(['Gwendal Kerbrat']);
      expect(persons('Transmis par Jean-Baptiste Le Guennec hier.')).toEqual(['Jean-Baptiste Le Guennec']);
      expect(persons('Awa N’Diaye-Mabiala a écrit.')).toEqual(['Awa N’Diaye-Mabiala']);
    });

    it('should find an ALL-CAPS surname beside a first name, in either order', () => {
      expect(persons('KERBRAT Gwendal souhaite muter.')).toEqual(['KERBRAT Gwendal']);
      expect(persons('Réponse de Solène MABIALA-KOUASSI ce matin.')).toEqual(['Solène MABIALA-KOUASSI']);
      expect(persons('le cas de LE GUENNEC Yvonig, stagiaire')).toEqual(['LE GUENNEC Yvonig']);
    });

    it('should find a first name signed with the initial of the surname', () => {
      expect(persons('Puis-je avoir un temps partiel ? Lucas M.')).toEqual(['Lucas M.']);
      expect(persons('Merci. Nadia K. Bonne journée')).toEqual(['Nadia K.']);
    });

    it('should find an initial before a surname, and not an article number', () => {
      expect(persons('Signé : J.-P. Kerbrat, puis G. Le Guennec.')).toEqual(['J.-P. Kerbrat', 'G. Le Guennec']);
      expect(persons('Voir l’article L. 912-1 et R. 914-3.')).toEqual([]);
    });
  });

  describe('context', () => {
    it('should find any name after a civility, ALL-CAPS or not, and leave the civility out', () => {
      expect(persons('Tél. M. KERBRAT ce matin ; Mme Ozanne Plouhinec ; Dr Fauvette ; Monsieur PIERRE.')).toEqual([
        'KERBRAT',
        'Ozanne Plouhinec',
        'Fauvette',
        'PIERRE',
      ]);
    });

    it('should not take a function after a civility', () => {
      expect(persons('M. le proviseur et Madame la Rectrice ; Mesdames, Messieurs,')).toEqual([]);
    });

    it('should find a first name in a greeting and alone on a signature line', () => {
      expect(persons('Bonjour Yvonig,\nPeux-tu regarder ?\nMerci !\nOzanne')).toEqual(['Yvonig', 'Ozanne']);
    });

    it('should find names that are common words or places when the context says so', () => {
      expect(persons('Bonjour Madame Rose,\nCordialement,\nPierre Lorient')).toEqual(['Rose', 'Pierre Lorient']);
      expect(persons('M. Brest Jean a écrit.')).toEqual(['Brest Jean']);
    });

    it('should find names after a self-introduction and a label', () => {
      expect(persons('Bonjour, je m’appelle KERBRAT et je suis stagiaire.')).toEqual(['KERBRAT']);
      expect(persons('Nom : PLOUHINEC\nPrénom : Ozanne')).toEqual(['PLOUHINEC', 'Ozanne']);
    });

    it('should find a known first name typed in lowercase after "je m’appelle", with its surname', () => {
      expect(persons('bonjour je m’appelle nadia plouhinec et je suis aesh')).toEqual(['nadia plouhinec']);
      expect(persons('moi c’est yvonig, merci')).toEqual([]);
      expect(persons('moi c’est karim, merci')).toEqual(['karim']);
    });

    it('should not take a particle before a first name for a surname’s', () => {
      expect(persons('Le Pierre de Coubertin est un stade ; Madame Le Gall.')).toEqual(['Pierre de Coubertin', 'Le Gall']);
    });

    it('should not take the person a street of an institution’s address is named after', () => {
      expect(persons('Rectorat de Bordeaux, 5 rue Joseph de Carayon-Latour, 33060 Bordeaux Cedex')).toEqual([]);
    });

    it('should not take an acronym or an institution after "je suis"', () => {
      expect(persons('Je suis AESH en CDI ; je suis Professeur des écoles.')).toEqual([]);
    });

    it('should not take a service line of a signature for a name', () => {
      expect(persons('Cordialement,\nLa division des personnels\nGestionnaire BIATSS\nBureau DPE 2')).toEqual([]);
    });
  });

  describe('every occurrence', () => {
    it('should mask the other occurrences of a name found once, in any case, particles included', () => {
      expect(persons('Objet : dossier KERBRAT\nJe transmets la demande de Gwendal Kerbrat.')).toEqual(['KERBRAT', 'Gwendal Kerbrat']);
      expect(persons('Dossier LE GUENNEC\nMadame Yvonne Le Guennec demande…')).toEqual(['LE GUENNEC', 'Yvonne Le Guennec']);
    });

    it('should not mask a name inside a place or a compound word', () => {
      expect(persons('Mme Martin habite Saint-Martin-d’Hères.')).toEqual(['Martin']);
    });

    it('should mask names known from earlier messages', () => {
      expect(detect('Et pour Kerbrat ?', { knownNames: ['kerbrat'] }).map((entity) => entity.text)).toEqual(['Kerbrat']);
    });
  });
});
