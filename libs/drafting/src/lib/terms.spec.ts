import { contentStems, evidenceStems, questionConcepts } from './terms';

describe('questionConcepts', () => {
  it('should attach glossary equivalents to the words they stand for', () => {
    const concepts = questionConcepts('CLM enseignant stagiaire');
    expect(concepts.map((concept) => concept.stem)).toEqual(['clm', 'enseignant', 'stagiair']);
    expect(concepts[0]?.alternatives).toContainEqual(['cong', 'longu', 'maladi']);
    // An acronym's expansion is not an equivalent of its neighbour.
    expect(concepts[1]?.alternatives).not.toContainEqual(['cong', 'longu', 'maladi']);
  });

  it('should attach the equivalents of a phrase to each of its words', () => {
    const concepts = questionConcepts('temps partiel thérapeutique');
    for (const concept of concepts) expect(concept.alternatives).toContainEqual(['tpt']);
  });

  it('should let a verb of the question stand for its noun, and « combien de temps » for a duration', () => {
    const concepts = questionConcepts('Combien de temps peut-on cumuler ces congés ?');
    expect(concepts.map((concept) => concept.stem)).toContain('dur');
    expect(concepts.map((concept) => concept.stem)).not.toContain('temp');
    expect(concepts.find((concept) => concept.stem === 'cumuler')?.alternatives).toContainEqual(['cumul']);
  });
});

describe('contentStems', () => {
  it('should drop question words, placeholders and layout', () => {
    expect(contentStems('Quel **congé** pour [PERSONNE_1] pendant la 1^re année ?')).toEqual(['cong', 'pendant', '1re', 'ann']);
  });
});

describe('evidenceStems', () => {
  it('should count an acronym and its spelled-out form as the same words', () => {
    expect([...evidenceStems('Le CLM dure 3 ans')]).toEqual(expect.arrayContaining(['clm', 'cong', 'longu', 'maladi']));
    expect([...evidenceStems('un congé de longue maladie')]).toContain('clm');
  });

  it('should not take the words of a spelled-out form scattered in a text for its acronym', () => {
    expect([...evidenceStems('Le congé de longue maladie peut durer 3 ans, en cas de maladie de longue durée.')]).not.toContain('cld');
    expect([...evidenceStems('Le congé de longue durée suit le CLM.')]).toContain('cld');
  });
});
