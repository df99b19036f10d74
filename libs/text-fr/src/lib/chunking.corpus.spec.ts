import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  chunkBlocks,
  DEFAULT_CHUNK_OPTIONS,
  type ChunkSourceBlock,
} from './chunking';
import { normalizeText } from './normalize';
import { isListItemLine, isTableRowLine, splitSentences } from './sentences';

/** The shared corpus of real HR documents, beside the repository (absent on machines without it). */
const CORPUS_DIR = join(__dirname, '../../../../../shared/corpus/docs');

const FILES = [
  // A law article: title, a metadata list, one section of plain paragraphs.
  'legi_loi-84-16_art60_mutations.md',
  // A service-public fiche with nested headings (levels 1, 2, 4, 5) and lists.
  'sp_F544_disponibilite-d-un-fonctionnaire.md',
  // Tables.
  'sp_F1049_rachat-des-annees-d-etudes-du-fonctionnaire.md',
  // A paragraph longer than maxChars, with inline dash items.
  'sp_F1895_la-duree-du-stage-du-fonctionnaire-est-elle-prolongee-en-cas-d-absence.md',
];

/** Minimal Markdown reading: `#` headings, blank-line paragraphs, lists, tables; emphasis, links and quotes removed. */
function parseMarkdown(markdown: string): ChunkSourceBlock[] {
  const blocks: ChunkSourceBlock[] = [];
  for (const raw of normalizeText(markdown).split(/\n{2,}/)) {
    const text = raw
      .split('\n')
      .map((line) => line.replace(/^>\s?/, ''))
      .join('\n')
      .replace(/\*\*|__/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .trim();
    if (text === '') continue;
    const heading = /^(#{1,6})\s+(.+)$/.exec(text);
    if (heading !== null && !text.includes('\n')) {
      blocks.push({
        kind: 'heading',
        level: heading[1]?.length ?? 1,
        text: heading[2] ?? '',
      });
    } else if (text.split('\n').every(isTableRowLine)) {
      blocks.push({ kind: 'table', text });
    } else {
      blocks.push({ kind: isListItemLine(text) ? 'list' : 'paragraph', text });
    }
  }
  return blocks;
}


describe('chunkBlocks on real corpus documents', () => {
  it('should find the shared corpus beside the repository', () => {
    expect(existsSync(CORPUS_DIR)).toBe(true);
  });

  describe.each(FILES)('%s', (file) => {
    const blocks = parseMarkdown(readFileSync(join(CORPUS_DIR, file), 'utf8'));
    const bodies = blocks.filter((block) => block.kind !== 'heading');
    const chunks = chunkBlocks(blocks);

    it('should produce chunks within maxChars under a non-empty heading path', () => {
      expect(chunks.length).toBeGreaterThan(0);
      for (const chunk of chunks) {
        expect(chunk.text.length).toBeLessThanOrEqual(
          DEFAULT_CHUNK_OPTIONS.maxChars,
        );
        expect(chunk.headingPath.length).toBeGreaterThan(0);
        expect(chunk.text).not.toMatch(/^#/m);
      }
    });

    it('should start chunks with a capital letter, a digit, a quote or a list/table marker', () => {
      for (const chunk of chunks) {
        const start = chunk.text.split('\n')[0] ?? '';
        expect(
          /^[\p{Lu}\d«"(]/u.test(start) ||
            isListItemLine(start) ||
            isTableRowLine(start),
        ).toBe(true);
      }
    });

    it('should end chunks with sentence punctuation, a list or table line, or where a block ends', () => {
      for (const chunk of chunks) {
        const lines = chunk.text.split('\n');
        const last = lines[lines.length - 1] ?? '';
        const endsWell =
          /[.!?…:;»)]$/u.test(last) ||
          isListItemLine(last) ||
          isTableRowLine(last) ||
          bodies.some((block) => block.text.endsWith(last));
        expect(endsWell).toBe(true);
      }
    });

    it('should keep every sentence of the document whole in some chunk', () => {
      for (const block of bodies) {
        for (const sentence of splitSentences(block.text)) {
          if (sentence.length > DEFAULT_CHUNK_OPTIONS.maxChars) continue;
          expect(chunks.some((chunk) => chunk.text.includes(sentence))).toBe(
            true,
          );
        }
      }
    });
  });

  it('should split the long paragraph of F1895 with a whole-sentence overlap', () => {
    const blocks = parseMarkdown(
      readFileSync(join(CORPUS_DIR, FILES[3] ?? ''), 'utf8'),
    );
    const chunks = chunkBlocks(blocks);
    const example = chunks.filter((chunk) =>
      chunk.text.includes('stagiaire le 1er janvier 2019'),
    );
    expect(example.length).toBeGreaterThan(1);
    const [first, second] = example;
    const lastSentence = splitSentences(first?.text ?? '').pop() ?? '';
    expect(second?.text.startsWith(lastSentence)).toBe(true);
  });

  it('should follow the nested headings of F544', () => {
    const chunks = chunkBlocks(
      parseMarkdown(readFileSync(join(CORPUS_DIR, FILES[1] ?? ''), 'utf8')),
    );
    expect(chunks.map((chunk) => chunk.headingPath)).toContainEqual([
      "Disponibilité d'un fonctionnaire",
      "Fonction publique d'État (FPE)",
      'Élever un enfant de moins de 12 ans',
      'Durée',
    ]);
  });
});
