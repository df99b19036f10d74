import { SUPPORT_MIN_COVERAGE, checkCitations } from './citations';
import { clmPassages, mutationPassages } from './passages.fixture';

describe('checkCitations', () => {
  const passages = clmPassages();

  it('should accept sentences supported by the passages they cite', () => {
    const answer = [
      'Bonjour,',
      'Le CLM peut durer 3 ans maximum [1]. Il est accordé ou renouvelé par périodes de 3 à 6 mois [2].',
      'Le traitement indiciaire est versé en totalité pendant 1 an, puis réduit de moitié les 2 années suivantes [3].',
      'Cordialement,',
    ].join('\n\n');
    expect(checkCitations(answer, passages)).toEqual({ unsupported: [], citations: [1, 2, 3], allFailed: false });
  });

  it('should flag a sentence whose citation points to an unrelated passage', () => {
    const answer = 'La durée du CLM est de 3 ans maximum [2]. La mutation prend effet au plus tard 3 mois après la demande formulée par le fonctionnaire [1].';
    const check = checkCitations(answer, passages);
    expect(check.unsupported).toEqual(['La mutation prend effet au plus tard 3 mois après la demande formulée par le fonctionnaire [1].']);
    expect(check.allFailed).toBe(false);
  });

  it('should flag a citation number that points to no passage', () => {
    const check = checkCitations('La durée du CLM est de 3 ans maximum [2]. Le CLM peut être prolongé par un CLD [12].', passages);
    expect(check.unsupported).toEqual(['Le CLM peut être prolongé par un CLD [12].']);
    expect(check.citations).toEqual([2]);
  });

  it('should flag a figure the passage does not give', () => {
    const check = checkCitations('La durée du CLM est de 5 ans maximum [2].', passages);
    expect(check.unsupported).toHaveLength(1);
  });

  it('should flag a sentence naming an acronym that none of its passages names', () => {
    // Passage 1 is about the CLM: the CLD, the subject of the sentence, is not in it.
    const check = checkCitations('Le CLM peut durer 3 ans maximum, comme le CLD [1].', passages);
    expect(check.unsupported).toEqual(['Le CLM peut durer 3 ans maximum, comme le CLD [1].']);
  });

  it('should count an acronym and its spelled-out form as the same words', () => {
    const check = checkCitations('Le congé de longue maladie est accordé ou renouvelé par périodes de 3 à 6 mois [2].', passages);
    expect(check.unsupported).toEqual([]);
  });

  it('should read citations written after the final period and grouped citations', () => {
    const check = checkCitations('La durée du CLM est de 3 ans maximum. [2] Le CLD peut prolonger un CLM [1, 4].', passages);
    // Passage 1 says nothing of the CLD: the second sentence is not supported by every passage it cites.
    expect(check.unsupported).toEqual(['Le CLD peut prolonger un CLM [1, 4].']);
    expect(check.citations).toEqual([2, 1, 4]);
  });

  it('should check list items and leave sentences without citations alone', () => {
    const answer = "Questions à poser à l'agent :\n- Êtes-vous titulaire ?\n\nÀ signaler aussi :\n- Un temps partiel thérapeutique peut être accordé après un congé de longue maladie [5].\n- Une prime de fin d'année est versée [5].";
    expect(checkCitations(answer, passages).unsupported).toEqual(["Une prime de fin d'année est versée [5]."]);
  });

  it('should report allFailed when nothing cited supports the draft', () => {
    expect(checkCitations('Bonjour, le CLM dure 3 ans [1].', mutationPassages()).allFailed).toBe(true);
    expect(checkCitations('Bonjour,\n\nJe ne sais pas.\n\nCordialement,', passages)).toEqual({ unsupported: [], citations: [], allFailed: true });
    expect(checkCitations('Le CLM dure 3 ans [42].', passages)).toEqual({ unsupported: ['Le CLM dure 3 ans [42].'], citations: [], allFailed: true });
  });

  it('should not take placeholders for citations', () => {
    const check = checkCitations('[PERSONNE_1] peut être placé en CLM après avis du comité médical [1].', passages);
    expect(check).toEqual({ unsupported: [], citations: [1], allFailed: false });
  });

  it('should apply the documented threshold: half of the content words', () => {
    expect(SUPPORT_MIN_COVERAGE).toBe(0.5);
    // 4 content words (durée, CLM, fixée, rectorat): 3 in passage 2, 1 not → supported.
    expect(checkCitations('La durée du CLM est fixée par le rectorat [2].', passages).unsupported).toEqual([]);
    // 4 content words (CLM, ouvre, droit, chèques-vacances…): under half in passage 2 → unsupported.
    expect(checkCitations('Le CLM ouvre droit à des chèques vacances bonifiés [2].', passages).unsupported).toHaveLength(1);
  });
});
