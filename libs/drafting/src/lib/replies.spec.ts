import { notInDocumentsReply, toContact } from './replies';

describe('toContact', () => {
  it.each([
    ['le service des ressources humaines', 'au service des ressources humaines'],
    ['les services académiques', 'aux services académiques'],
    ['la DPE de l’académie de Lyon', 'à la DPE de l’académie de Lyon'],
    ['votre gestionnaire', 'à votre gestionnaire'],
  ])('%s → %s', (contact, expected) => {
    expect(toContact(contact)).toBe(expected);
  });
});

describe('notInDocumentsReply', () => {
  it('should point to the default contact in correct French', () => {
    expect(notInDocumentsReply()).toContain('vous adresser au service des ressources humaines de votre académie');
  });
});
