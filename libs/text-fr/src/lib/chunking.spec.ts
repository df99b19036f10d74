import {
  chunkBlocks,
  chunkPlainText,
  DEFAULT_CHUNK_OPTIONS,
  type ChunkOptions,
  type ChunkSourceBlock,
} from './chunking';
import { splitSentences } from './sentences';

const paragraph = (text: string, page?: number): ChunkSourceBlock => ({
  kind: 'paragraph',
  text,
  ...(page === undefined ? {} : { page }),
});
const heading = (text: string, level?: number): ChunkSourceBlock => ({
  kind: 'heading',
  text,
  ...(level === undefined ? {} : { level }),
});

/** A sentence of exactly `length` characters (≥ 8), starting with a unique tag. */
function sentenceOf(tag: string, length: number): string {
  const head = `${tag} `;
  let body = '';
  while (head.length + body.length + 1 < length)
    body += body.length % 9 === 8 ? ' ' : 'e';
  return `${head}${body.trimEnd().padEnd(length - head.length - 1, 'e')}.`;
}

const options = (overrides: Partial<ChunkOptions>): Partial<ChunkOptions> => ({
  maxChars: 300,
  targetChars: 200,
  overlapChars: 0,
  minChars: 50,
  ...overrides,
});

describe('chunkBlocks', () => {
  describe('heading paths', () => {
    it('should replace the levels ≥ n when given nested headings and level jumps', () => {
      const chunks = chunkBlocks([
        heading('Titre', 1),
        paragraph('Texte du titre.'),
        heading('A', 2),
        paragraph('Texte de A.'),
        heading('A.1', 4),
        paragraph('Texte de A.1.'),
        heading('A.2', 3),
        paragraph('Texte de A.2.'),
        heading('B', 2),
        paragraph('Texte de B.'),
        heading('Autre'),
        paragraph("Texte d'un autre titre."),
      ]);
      expect(chunks.map((chunk) => [chunk.headingPath, chunk.text])).toEqual([
        [['Titre'], 'Texte du titre.'],
        [['Titre', 'A'], 'Texte de A.'],
        [['Titre', 'A', 'A.1'], 'Texte de A.1.'],
        [['Titre', 'A', 'A.2'], 'Texte de A.2.'],
        [['Titre', 'B'], 'Texte de B.'],
        [['Autre'], "Texte d'un autre titre."],
      ]);
      expect(chunks.map((chunk) => chunk.ordinal)).toEqual([0, 1, 2, 3, 4, 5]);
    });

    it('should give an empty path to text before any heading and collapse spaces in titles', () => {
      const chunks = chunkBlocks([
        paragraph('Préambule.'),
        heading('  Congé\n  parental  ', 2),
        paragraph('Corps.'),
      ]);
      expect(chunks.map((chunk) => chunk.headingPath)).toEqual([
        [],
        ['Congé parental'],
      ]);
    });

    it('should produce no chunk for a section with a heading and no body', () => {
      const chunks = chunkBlocks([
        heading('Titre', 1),
        heading('Vide', 2),
        paragraph('   '),
        heading('Plein', 2),
        paragraph('Du texte.'),
        heading('Vide à la fin', 2),
      ]);
      expect(chunks).toEqual([
        { ordinal: 0, headingPath: ['Titre', 'Plein'], text: 'Du texte.' },
      ]);
    });
  });

  describe('merging and sections', () => {
    it('should never merge blocks of two sections, however small', () => {
      const chunks = chunkBlocks([
        heading('A'),
        paragraph('Un.'),
        heading('B'),
        paragraph('Deux.'),
      ]);
      expect(chunks.map((chunk) => chunk.text)).toEqual(['Un.', 'Deux.']);
    });

    it('should merge consecutive small blocks of a section up to targetChars', () => {
      const blocks = ['A', 'B', 'C', 'D', 'E'].map((tag) =>
        paragraph(sentenceOf(tag, 80)),
      );
      const chunks = chunkBlocks(blocks, options({}));
      expect(
        chunks.map((chunk) => chunk.text.split('\n\n').map((part) => part[0])),
      ).toEqual([['A', 'B'], ['C', 'D'], ['E']]);
      expect(chunks.every((chunk) => chunk.text.length <= 200)).toBe(true);
    });

    it('should keep a block that fits in maxChars whole even when above targetChars', () => {
      const block = [sentenceOf('A', 120), sentenceOf('B', 120)].join(' ');
      const chunks = chunkBlocks([paragraph(block)], options({}));
      expect(chunks.map((chunk) => chunk.text)).toEqual([block]);
    });

    it('should merge a tiny trailing chunk into the previous one when it fits', () => {
      const first = sentenceOf('A', 190);
      const tail = sentenceOf('B', 60);
      expect(
        chunkBlocks(
          [paragraph(first), paragraph(tail)],
          options({ minChars: 100 }),
        ).map((chunk) => chunk.text),
      ).toEqual([`${first}\n\n${tail}`]);
    });

    it('should keep a tiny trailing chunk apart when merging would exceed maxChars', () => {
      const first = sentenceOf('A', 280);
      const tail = sentenceOf('B', 60);
      expect(
        chunkBlocks(
          [paragraph(first), paragraph(tail)],
          options({ minChars: 100 }),
        ).map((chunk) => chunk.text),
      ).toEqual([first, tail]);
    });
  });

  describe('splitting', () => {
    const sentences = Array.from({ length: 12 }, (_, index) =>
      sentenceOf(`S${index}`, 40 + ((index * 37) % 60)),
    );
    const longParagraph = sentences.join(' ');

    it('should split a block longer than maxChars between sentences, never inside one', () => {
      const chunks = chunkBlocks([paragraph(longParagraph)], options({}));
      expect(chunks.length).toBeGreaterThan(1);
      for (const chunk of chunks) {
        expect(chunk.text.length).toBeLessThanOrEqual(300);
        for (const sentence of splitSentences(chunk.text))
          expect(sentences).toContain(sentence);
      }
      expect(chunks.map((chunk) => chunk.text).join(' ')).toBe(longParagraph);
    });

    it('should start a continuing chunk with the last whole sentences of the previous one, within overlapChars', () => {
      const chunks = chunkBlocks(
        [paragraph(longParagraph)],
        options({ overlapChars: 130 }),
      );
      expect(chunks.length).toBeGreaterThan(2);
      for (let i = 1; i < chunks.length; i++) {
        const previous = splitSentences(chunks[i - 1]?.text ?? '');
        const current = splitSentences(chunks[i]?.text ?? '');
        const repeated = current.filter((sentence) =>
          previous.includes(sentence),
        );
        expect(repeated.length).toBeGreaterThan(0);
        expect(repeated).toEqual(
          previous.slice(previous.length - repeated.length),
        );
        expect(current.slice(0, repeated.length)).toEqual(repeated);
        expect(repeated.join(' ').length).toBeLessThanOrEqual(130);
        expect(repeated.length).toBeLessThan(previous.length);
      }
    });

    it('should not repeat anything in the first chunk of a section', () => {
      const chunks = chunkBlocks(
        [
          heading('A'),
          paragraph(longParagraph),
          heading('B'),
          paragraph(sentenceOf('Z', 90)),
        ],
        options({ overlapChars: 130 }),
      );
      expect(chunks[0]?.text.startsWith('S0 ')).toBe(true);
      expect(chunks[chunks.length - 1]?.text).toBe(sentenceOf('Z', 90));
    });

    it('should cut a single sentence longer than maxChars at its last clause boundary that fits', () => {
      const clauses = Array.from(
        { length: 10 },
        (_, index) => `dans le cas numéro ${index} prévu par le texte`,
      );
      const sentence = `Le fonctionnaire bénéficie, ${clauses.join(', ')} ; il en fait la demande.`;
      const chunks = chunkBlocks(
        [paragraph(sentence)],
        options({ maxChars: 120, targetChars: 100 }),
      );
      expect(chunks.length).toBeGreaterThan(1);
      for (const chunk of chunks.slice(0, -1)) {
        expect(chunk.text.length).toBeLessThanOrEqual(120);
        expect(chunk.text).toMatch(/[,;:]$/);
      }
      expect(chunks.map((chunk) => chunk.text).join(' ')).toBe(sentence);
    });

    it('should cut at a word boundary when a long sentence has no clause boundary', () => {
      const sentence = `Le ${'fonctionnaire '.repeat(20)}demande.`;
      const chunks = chunkBlocks(
        [paragraph(sentence)],
        options({ maxChars: 100, targetChars: 80, minChars: 10 }),
      );
      expect(chunks.length).toBeGreaterThan(1);
      for (const chunk of chunks) {
        expect(chunk.text.length).toBeLessThanOrEqual(100);
        expect(sentence).toContain(chunk.text);
        expect(chunk.text).toMatch(/^\S.*\S$/);
      }
      expect(chunks.map((chunk) => chunk.text).join(' ')).toBe(sentence);
    });

    it('should split a list between items and repeat nothing when overlap is off', () => {
      const items = Array.from(
        { length: 10 },
        (_, index) =>
          `- Item ${index} : pièce justificative numéro ${index} à fournir`,
      );
      const chunks = chunkBlocks(
        [{ kind: 'list', text: items.join('\n') }],
        options({}),
      );
      expect(chunks.length).toBeGreaterThan(1);
      const lines = chunks.flatMap((chunk) => chunk.text.split('\n'));
      expect(lines).toEqual(items);
    });

    it('should keep a wrapped list item whole', () => {
      const items = Array.from(
        { length: 8 },
        (_, index) =>
          `- Item ${index} avec un texte\nqui continue sur la ligne suivante`,
      );
      const chunks = chunkBlocks(
        [{ kind: 'list', text: items.join('\n') }],
        options({}),
      );
      expect(chunks.length).toBeGreaterThan(1);
      for (const chunk of chunks)
        expect(chunk.text.split('\n').length % 2).toBe(0);
      expect(chunks.map((chunk) => chunk.text).join('\n')).toBe(
        items.join('\n'),
      );
    });

    it('should split a table between rows and never repeat a row', () => {
      const rows = [
        '| Nombre de trimestres | Délai maximum |',
        '|---|---|',
        ...Array.from(
          { length: 12 },
          (_, index) =>
            `| Entre ${index} et ${index + 3} trimestres | ${index + 2} ans |`,
        ),
      ];
      const chunks = chunkBlocks(
        [{ kind: 'table', text: rows.join('\n') }],
        options({ overlapChars: 130 }),
      );
      expect(chunks.length).toBeGreaterThan(1);
      expect(chunks.flatMap((chunk) => chunk.text.split('\n'))).toEqual(rows);
    });
  });

  describe('pages', () => {
    it('should give the first page and the last one when a chunk spans several', () => {
      const chunks = chunkBlocks(
        [
          heading('A'),
          paragraph('Début.', 1),
          paragraph('Suite.', 1),
          paragraph('Fin.', 2),
          heading('B'),
          paragraph('Seul.', 3),
          heading('C'),
          paragraph('Sans page.'),
        ],
        options({}),
      );
      expect(chunks.map(({ page, pageEnd }) => ({ page, pageEnd }))).toEqual([
        { page: 1, pageEnd: 2 },
        { page: 3, pageEnd: undefined },
        { page: undefined, pageEnd: undefined },
      ]);
      expect('pageEnd' in (chunks[1] ?? {})).toBe(false);
    });

    it('should track pages across the chunks of a split section', () => {
      const blocks = ['A', 'B', 'C', 'D'].map((tag, index) =>
        paragraph(sentenceOf(tag, 150), index + 1),
      );
      const chunks = chunkBlocks(blocks, options({}));
      expect(chunks.map(({ page, pageEnd }) => [page, pageEnd])).toEqual([
        [1, undefined],
        [2, undefined],
        [3, undefined],
        [4, undefined],
      ]);
    });

    it('should count the page of the repeated sentences', () => {
      const blocks = [
        paragraph(`${sentenceOf('A', 70)} ${sentenceOf('A2', 70)}`, 1),
        paragraph(sentenceOf('B', 150), 2),
      ];
      const chunks = chunkBlocks(blocks, options({ overlapChars: 150 }));
      expect(chunks.map(({ page, pageEnd }) => [page, pageEnd])).toEqual([
        [1, undefined],
        [1, 2],
      ]);
    });
  });

  describe('options', () => {
    it('should use the documented defaults', () => {
      expect(DEFAULT_CHUNK_OPTIONS).toEqual({
        maxChars: 1200,
        targetChars: 800,
        overlapChars: 150,
        minChars: 200,
      });
      const text = Array.from({ length: 40 }, (_, index) =>
        sentenceOf(`S${index}`, 95),
      ).join(' ');
      const chunks = chunkBlocks([paragraph(text)]);
      for (const chunk of chunks)
        expect(chunk.text.length).toBeLessThanOrEqual(1200);
      expect(chunks[0]?.text.length).toBeLessThanOrEqual(800);
    });

    it('should reject inconsistent options with a message naming them', () => {
      expect(() => chunkBlocks([], { targetChars: 2000 })).toThrow(
        /minChars ≤ targetChars ≤ maxChars/,
      );
      expect(() => chunkBlocks([], { overlapChars: 1200 })).toThrow(
        /overlapChars/,
      );
      expect(() => chunkBlocks([], { maxChars: 1.5 })).toThrow(RangeError);
      expect(() => chunkBlocks([], { minChars: -1 })).toThrow(
        /minChars must be a non-negative integer/,
      );
    });

    it('should ignore options given as undefined', () => {
      expect(() =>
        chunkBlocks([paragraph('Texte.')], { maxChars: undefined }),
      ).not.toThrow();
    });
  });
});

describe('chunkPlainText', () => {
  it('should split paragraphs on blank lines and recognise lists and tables', () => {
    const text =
      'Premier paragraphe.\n\n\n- un\n- deux\n\n| a | b |\n|---|---|\n\nDernier\u00a0: fin.';
    const chunks = chunkPlainText(text, {
      maxChars: 40,
      targetChars: 35,
      minChars: 5,
      overlapChars: 0,
    });
    expect(chunks.map((chunk) => chunk.text)).toEqual([
      'Premier paragraphe.\n\n- un\n- deux',
      '| a | b |\n|---|---|\n\nDernier : fin.',
    ]);
    expect(chunks.every((chunk) => chunk.headingPath.length === 0)).toBe(true);
  });

  it('should split a long list paragraph between its items', () => {
    const items = Array.from(
      { length: 10 },
      (_, index) => `- Justificatif numéro ${index} à joindre`,
    );
    const chunks = chunkPlainText(`Pièces :\n\n${items.join('\n')}`, {
      maxChars: 120,
      targetChars: 100,
      minChars: 10,
      overlapChars: 0,
    });
    expect(chunks.length).toBeGreaterThan(2);
    expect(
      chunks
        .flatMap((chunk) => chunk.text.split('\n'))
        .filter((line) => line.startsWith('-')),
    ).toEqual(items);
  });

  it('should number pages when the text holds form feeds', () => {
    const chunks = chunkPlainText('Page un.\fPage deux.', {
      minChars: 0,
      targetChars: 5,
    });
    expect(chunks.map(({ text, page }) => [text, page])).toEqual([
      ['Page un.', 1],
      ['Page deux.', 2],
    ]);
  });

  it('should return no chunk for blank text', () => {
    expect(chunkPlainText(' \n\n \u00a0')).toEqual([]);
  });
});
