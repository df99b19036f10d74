import fc from 'fast-check';
import {
  chunkBlocks,
  type ChunkOptions,
  type ChunkSourceBlock,
  type TextChunk,
} from './chunking';
import { splitSentences } from './sentences';

const WORDS = [
  'agent',
  'congé',
  'mutation',
  'académie',
  'rémunération',
  'disponibilité',
  'recteur',
  'décret',
  'titulaire',
  'stagiaire',
  'durée',
  'demande',
  'service',
  'indemnité',
] as const;

/** Shapes drawn by fast-check; unique tags are assigned afterwards so every sentence can be traced. */
type Sentence = readonly { readonly word: number; readonly comma: boolean }[];
type BlockShape =
  | { readonly kind: 'heading'; readonly level: number; readonly title: number }
  | {
      readonly kind: 'paragraph' | 'list' | 'table';
      readonly units: readonly (readonly Sentence[])[];
    };

const sentenceArb: fc.Arbitrary<Sentence> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.array(
      fc.record({ word: fc.nat(WORDS.length - 1), comma: fc.boolean() }),
      { minLength: 1, maxLength: 14 },
    ),
  },
  // Now and then a very long sentence, with or without clause boundaries.
  {
    weight: 1,
    arbitrary: fc.array(
      fc.record({ word: fc.nat(WORDS.length - 1), comma: fc.boolean() }),
      { minLength: 40, maxLength: 120 },
    ),
  },
  {
    weight: 1,
    arbitrary: fc.array(
      fc.record({ word: fc.nat(WORDS.length - 1), comma: fc.constant(false) }),
      { minLength: 40, maxLength: 120 },
    ),
  },
);

const blockArb: fc.Arbitrary<BlockShape> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('heading' as const),
      level: fc.integer({ min: 1, max: 4 }),
      title: fc.nat(5),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        'paragraph' as const,
        'list' as const,
        'table' as const,
      ),
      // A paragraph is one unit of sentences; a list has items (of sentences); a table has rows.
      units: fc.array(fc.array(sentenceArb, { minLength: 1, maxLength: 4 }), {
        minLength: 1,
        maxLength: 8,
      }),
    }),
  },
);

const optionsArb: fc.Arbitrary<ChunkOptions> = fc
  .record({
    maxChars: fc.integer({ min: 60, max: 500 }),
    target: fc.double({ min: 0.3, max: 1, noNaN: true }),
    min: fc.double({ min: 0, max: 1, noNaN: true }),
    overlap: fc.double({ min: 0, max: 0.6, noNaN: true }),
  })
  .map(({ maxChars, target, min, overlap }) => {
    const targetChars = Math.max(1, Math.floor(maxChars * target));
    return {
      maxChars,
      targetChars,
      minChars: Math.floor(targetChars * min),
      overlapChars: Math.floor(maxChars * overlap),
    };
  });

interface Built {
  readonly blocks: ChunkSourceBlock[];
  /** Heading path of the section each block belongs to (empty for headings). */
  readonly sectionOf: Map<string, number>;
  readonly paths: string[][];
}

function build(shapes: readonly BlockShape[]): Built {
  let counter = 0;
  // Every word carries a unique number, so any piece of the output can be traced to its input.
  const sentenceText = (
    sentence: Sentence,
    first: boolean,
    prefix: string,
  ): string => {
    const words = sentence.map(
      ({ word, comma }, index) =>
        `${WORDS[word] ?? 'agent'}${counter++}${comma && index < sentence.length - 1 ? ',' : ''}`,
    );
    return `${first ? prefix : ''}T${counter++} ${words.join(' ')}.`;
  };
  const blocks: ChunkSourceBlock[] = [];
  const sectionOf = new Map<string, number>();
  const paths: string[][] = [[]];
  let headings: { level: number; title: string }[] = [];
  for (const shape of shapes) {
    if (shape.kind === 'heading') {
      const title = `Titre ${shape.title}`;
      headings = [
        ...headings.filter((heading) => heading.level < shape.level),
        { level: shape.level, title },
      ];
      paths.push(headings.map((heading) => heading.title));
      blocks.push({ kind: 'heading', text: title, level: shape.level });
      continue;
    }
    const prefix = shape.kind === 'list' ? '- ' : '';
    const lines = shape.units.map((unit) => {
      const text = unit
        .map((sentence, index) => sentenceText(sentence, index === 0, prefix))
        .join(' ');
      return shape.kind === 'table' ? `| ${text} |` : text;
    });
    const text =
      shape.kind === 'paragraph' ? lines.join(' ') : lines.join('\n');
    for (const tag of text.match(TAG) ?? [])
      sectionOf.set(tag, paths.length - 1);
    blocks.push({ kind: shape.kind, text });
  }
  return { blocks, sectionOf, paths };
}

/** A traced word: letters then its unique number. */
const TAG = /\p{L}+\d+/gu;

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

/**
 * Length of the prefix of `current` repeated from the end of `previous`, cut on whitespace and
 * holding a traced word (so that a lone `|` or `-` is not taken for an overlap).
 */
function overlapLength(previous: string, current: string): number {
  for (let k = Math.min(previous.length, current.length - 1); k > 0; k--) {
    const start = previous.length - k;
    if (
      current.startsWith(previous.slice(start)) &&
      /\p{L}+\d+/u.test(previous.slice(start)) &&
      /\s/.test(current[k] ?? '') &&
      (start === 0 || /\s/.test(previous[start - 1] ?? ''))
    ) {
      return k;
    }
  }
  return 0;
}

function newContents(
  chunks: readonly TextChunk[],
): { overlap: string; body: string }[] {
  return chunks.map((chunk, index) => {
    const previous = chunks[index - 1];
    const k =
      previous === undefined ? 0 : overlapLength(previous.text, chunk.text);
    return { overlap: chunk.text.slice(0, k), body: chunk.text.slice(k) };
  });
}

const inputSentences = (blocks: readonly ChunkSourceBlock[]): string[] =>
  blocks
    .filter((block) => block.kind !== 'heading')
    .flatMap((block) => splitSentences(block.text));

const scenario = fc.record({
  shapes: fc.array(blockArb, { maxLength: 14 }),
  options: optionsArb,
});

describe('chunkBlocks properties', () => {
  it('should keep every chunk within maxChars with ordinals 0..n-1', () => {
    fc.assert(
      fc.property(scenario, ({ shapes, options }) => {
        const chunks = chunkBlocks(build(shapes).blocks, options);
        chunks.forEach((chunk, index) => {
          expect(chunk.ordinal).toBe(index);
          expect(chunk.text.length).toBeLessThanOrEqual(options.maxChars);
          expect(chunk.text).toBe(chunk.text.trim());
          expect(chunk.text).toMatch(/[\p{L}\p{N}]/u);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('should contain every input sentence in order once overlaps are removed', () => {
    fc.assert(
      fc.property(scenario, ({ shapes, options }) => {
        const { blocks } = build(shapes);
        const chunks = chunkBlocks(blocks, options);
        const concatenated = collapse(
          newContents(chunks)
            .map(({ body }) => body)
            .join(' '),
        );
        let from = 0;
        for (const sentence of inputSentences(blocks)) {
          const at = concatenated.indexOf(collapse(sentence), from);
          expect(at).toBeGreaterThanOrEqual(from);
          from = at + collapse(sentence).length;
        }
        expect(from).toBe(concatenated.length);
      }),
      { numRuns: 300 },
    );
  });

  it('should never cut a sentence that fits in maxChars', () => {
    fc.assert(
      fc.property(scenario, ({ shapes, options }) => {
        const { blocks } = build(shapes);
        const chunks = chunkBlocks(blocks, options);
        for (const sentence of inputSentences(blocks)) {
          if (sentence.length > options.maxChars) continue;
          expect(chunks.some((chunk) => chunk.text.includes(sentence))).toBe(
            true,
          );
        }
      }),
      { numRuns: 300 },
    );
  });

  it('should never mix sections and give each chunk the heading path of its section', () => {
    fc.assert(
      fc.property(scenario, ({ shapes, options }) => {
        const { blocks, sectionOf, paths } = build(shapes);
        for (const chunk of chunkBlocks(blocks, options)) {
          const sections = new Set(
            (chunk.text.match(TAG) ?? []).map((tag) => sectionOf.get(tag)),
          );
          expect(sections.size).toBe(1);
          const [section] = [...sections];
          expect(chunk.headingPath).toEqual(paths[section ?? -1]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('should only repeat whole sentences, within overlapChars, from the same section', () => {
    fc.assert(
      fc.property(scenario, ({ shapes, options }) => {
        const { blocks } = build(shapes);
        const sentences = new Set(inputSentences(blocks).map(collapse));
        const chunks = chunkBlocks(blocks, options);
        newContents(chunks).forEach(({ overlap }, index) => {
          if (overlap === '') return;
          expect(overlap.trimEnd().length).toBeLessThanOrEqual(
            options.overlapChars,
          );
          expect(chunks[index]?.headingPath).toEqual(
            chunks[index - 1]?.headingPath,
          );
          for (const sentence of splitSentences(overlap))
            expect(sentences.has(collapse(sentence))).toBe(true);
          expect(overlap.trimEnd()).not.toBe(chunks[index - 1]?.text);
        });
      }),
      { numRuns: 300 },
    );
  });
});
