import { draftBody, draftForClipboard, openableUri, toParagraphs, toSegments, validityLabel } from './draft-text';

const NOTICE = 'Réponse préparée avec l’aide de MILEVA.';

describe('draft text', () => {
  describe(draftForClipboard.name, () => {
    it('should copy the draft as written when it already ends with the AI-use mention', () => {
      const answer = `Bonjour,\n\nRéponse [1].\n\n---\n${NOTICE}`;

      expect(draftForClipboard({ answer, aiNotice: NOTICE })).toBe(answer);
    });

    it('should add the AI-use mention when the draft lacks it', () => {
      expect(draftForClipboard({ answer: 'Bonjour,\n\nRéponse [1].\n', aiNotice: NOTICE })).toBe(`Bonjour,\n\nRéponse [1].\n\n---\n${NOTICE}`);
    });
  });

  describe(draftBody.name, () => {
    it('should leave out the trailing mention and its separator, shown apart on the page', () => {
      expect(draftBody({ answer: `Bonjour,\n\nRéponse [1].\n\n---\n${NOTICE}`, aiNotice: NOTICE })).toBe('Bonjour,\n\nRéponse [1].');
    });

    it('should keep a draft that does not end with the mention whole', () => {
      expect(draftBody({ answer: 'Bonjour.', aiNotice: NOTICE })).toBe('Bonjour.');
    });
  });

  describe(toSegments.name, () => {
    it('should cut citations out of the text, single or grouped, and leave placeholders as text', () => {
      expect(toSegments('[PERSONNE_1] a droit au CLM [1]. Voir aussi [2, 3] et [4; 5].')).toEqual([
        { kind: 'text', text: '[PERSONNE_1] a droit au CLM ' },
        { kind: 'cite', numbers: [1] },
        { kind: 'text', text: '. Voir aussi ' },
        { kind: 'cite', numbers: [2, 3] },
        { kind: 'text', text: ' et ' },
        { kind: 'cite', numbers: [4, 5] },
        { kind: 'text', text: '.' },
      ]);
    });
  });

  describe(toParagraphs.name, () => {
    it('should split on blank lines and drop empty paragraphs', () => {
      expect(toParagraphs('Bonjour,\n\n\nPremière ligne\nsuite [1].\n\n  \n').map((p) => p.segments)).toEqual([
        [{ kind: 'text', text: 'Bonjour,' }],
        [{ kind: 'text', text: 'Première ligne\nsuite ' }, { kind: 'cite', numbers: [1] }, { kind: 'text', text: '.' }],
      ]);
    });
  });

  describe(openableUri.name, () => {
    it.each([
      ['https://www.service-public.fr/particuliers/vosdroits/F1234', 'https://www.service-public.fr/particuliers/vosdroits/F1234'],
      ['http://intranet.ac-lyon.fr/doc.pdf', 'http://intranet.ac-lyon.fr/doc.pdf'],
      ['file:///srv/corpus/doc.pdf', null],
      ['corpus://lyon/doc.pdf', null],
      ['javascript:alert(1)', null],
      ['documents/guide.pdf', null],
      ['', null],
    ])('should link %p as %p', (uri, expected) => {
      expect(openableUri(uri)).toBe(expected);
    });
  });

  describe(validityLabel.name, () => {
    it('should write the validity dates in French, whatever the time zone', () => {
      expect(validityLabel('2025-09-01', '2026-08-31')).toBe('Valable du 1 septembre 2025 au 31 août 2026');
      expect(validityLabel('2025-09-01', null)).toBe('Valable depuis le 1 septembre 2025');
      expect(validityLabel(null, '2026-08-31')).toBe('Valable jusqu’au 31 août 2026');
      expect(validityLabel(null, null)).toBeNull();
    });
  });
});
