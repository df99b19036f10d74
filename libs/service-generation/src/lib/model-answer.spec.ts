import { citationsOf, readModelAnswer } from './model-answer';

describe('readModelAnswer', () => {
  it('should read the questions to ask and the related rights, with their citations', () => {
    const parts = readModelAnswer(
      [
        'Bonjour,',
        '',
        'Le congé de longue maladie dure au plus trois ans [1].',
        '',
        '**Questions à poser à l’agent :**',
        '- Êtes-vous titulaire ou contractuel ?',
        '- Depuis quand êtes-vous en arrêt ?',
        '',
        '### À signaler aussi',
        '1. Un temps partiel thérapeutique est possible à la reprise [2].',
        '',
        'Cordialement,',
      ].join('\n'),
    );
    expect(parts.followUpQuestions).toEqual(['Êtes-vous titulaire ou contractuel ?', 'Depuis quand êtes-vous en arrêt ?']);
    expect(parts.relatedRights).toEqual([{ text: 'Un temps partiel thérapeutique est possible à la reprise [2].', citations: [2] }]);
  });

  it('should find nothing in a reply without those sections', () => {
    expect(readModelAnswer('Bonjour,\n- une liste ordinaire [1]\nCordialement,')).toEqual({ followUpQuestions: [], relatedRights: [] });
  });
});

describe('citationsOf', () => {
  it('should list each cited passage once, in order', () => {
    expect(citationsOf('a [2] b [1] c [2] d [12]')).toEqual([2, 1, 12]);
  });
});
