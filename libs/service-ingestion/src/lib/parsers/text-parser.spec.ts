import { parseDocument } from './index';
import { headingCandidate } from './text-parser';

describe('parseDocument (plain text)', () => {
  it('should find headings by numbering style, articles, lists and wrapped paragraphs', async () => {
    const text = [
      'NOTE DE SERVICE RELATIVE AUX CONGÉS',
      '',
      'I. Dispositions générales',
      '',
      'Le présent texte précise les règles applicables aux fonction-',
      'naires et aux agents contractuels, peut-',
      'être dès la rentrée.',
      '',
      'A. Champ d’application',
      'Les personnels concernés sont :',
      '',
      '- les enseignants ;',
      '- les personnels administratifs,',
      '  techniques et de santé ;',
      '- les AESH.',
      '',
      'Article 1er : Le congé est accordé de droit.',
      'Article 2',
      'La demande est adressée au recteur.',
      '',
      'II. Procédure',
      '',
      '1. Le fonctionnaire présente sa demande deux mois avant la date prévue.',
    ].join('\n');
    const document = await parseDocument({ bytes: new Uint8Array(Buffer.from(text)), fileName: 'note.txt' });
    expect(document.title).toBe('NOTE DE SERVICE RELATIVE AUX CONGÉS');
    expect(document.blocks).toEqual([
      { kind: 'heading', text: 'NOTE DE SERVICE RELATIVE AUX CONGÉS', level: 1 },
      { kind: 'heading', text: 'I. Dispositions générales', level: 2 },
      { kind: 'paragraph', text: 'Le présent texte précise les règles applicables aux fonctionnaires et aux agents contractuels, peut-être dès la rentrée.' },
      { kind: 'heading', text: 'A. Champ d’application', level: 3 },
      { kind: 'paragraph', text: 'Les personnels concernés sont :' },
      { kind: 'list', text: '- les enseignants ;\n- les personnels administratifs, techniques et de santé ;\n- les AESH.' },
      { kind: 'heading', text: 'Article 1er', level: 4 },
      { kind: 'paragraph', text: 'Le congé est accordé de droit.' },
      { kind: 'heading', text: 'Article 2', level: 4 },
      { kind: 'paragraph', text: 'La demande est adressée au recteur.' },
      { kind: 'heading', text: 'II. Procédure', level: 2 },
      { kind: 'paragraph', text: '1. Le fonctionnaire présente sa demande deux mois avant la date prévue.' },
    ]);
    expect(document.format).toBe('text');
  });

  it.each([
    ['CHAPITRE II', 'word:chapitre'],
    ['Section 3 - Dispositions diverses', 'word:section'],
    ['1.2 Modalités de calcul', 'number:2'],
    ['2) Calendrier', 'number:1'],
    ['B. Pièces à fournir', 'letter'],
    ['IV - Recours', 'roman'],
    ['CONGÉ BONIFIÉ', 'caps'],
  ])('should read %j as a heading of style %s', (line, style) => {
    expect(headingCandidate(line)?.style).toBe(style);
  });

  it.each(['1. Le fonctionnaire a droit à un congé.', 'Le congé est accordé.', 'A, B et C', 'IV'])('should not read %j as a heading', (line) => {
    expect(headingCandidate(line)).toBeUndefined();
  });
});
