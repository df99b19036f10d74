import { detect } from '../detect';

const found = (text: string): string[][] => detect(text).map((entity) => [entity.type, entity.text]);

describe('recognizeSchool', () => {
  it.each([
    ['au collège Les Hauts de Sèvre depuis', 'collège Les Hauts de Sèvre'],
    ['Lycée professionnel Gustave Eiffel de Saint-Brieuc, section', 'Lycée professionnel Gustave Eiffel de Saint-Brieuc'],
    ['affectée à l’école élémentaire du Moulin Neuf.', 'école élémentaire du Moulin Neuf'],
    ['au LPO Jean Rostand (Angers)', 'LPO Jean Rostand'],
    ['à l’université Rennes 2, je', 'université Rennes 2'],
    ['professeur au lycée de la Côte Fleurie', 'lycée de la Côte Fleurie'],
    ['ÉCOLE MATERNELLE LES CHARMILLES', 'ÉCOLE MATERNELLE LES CHARMILLES'],
    ['à l’école primaire publique Paul Bert de Tours.', 'école primaire publique Paul Bert de Tours'],
  ])('should take the establishment in "%s"', (text, school) => {
    expect(found(text)).toEqual([['SCHOOL', school]]);
  });

  it('should not take a bare keyword or a generic phrase', () => {
    expect(found('Je travaille au lycée depuis trois ans ; professeur des écoles ; le collège REP+ du secteur.')).toEqual([]);
  });

  it('should not take the people an establishment is named after for persons', () => {
    expect(detect('collège Aristide Briand').map((entity) => entity.type)).toEqual(['SCHOOL']);
  });
});
