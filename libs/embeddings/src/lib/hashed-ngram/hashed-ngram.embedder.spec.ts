import fc from 'fast-check';
import { cosine } from '../vector';
import {
  DEFAULT_HASHED_NGRAM_DIMENSION,
  HASHED_NGRAM_EMBEDDER_ID,
  HashedNgramEmbedder,
} from './hashed-ngram.embedder';

const TEMPS_PARTIEL_THERAPEUTIQUE =
  'Le temps partiel thérapeutique peut être accordé au fonctionnaire après un congé de maladie ordinaire, un congé de longue maladie ou un congé de longue durée, sur avis concordant du médecin agréé.';
const RETRAITE =
  "Le fonctionnaire qui atteint la limite d'âge est mis d'office à la retraite et doit demander la liquidation de sa pension auprès du service des retraites de l'État.";
const MUTATION =
  'Les mutations des fonctionnaires sont prononcées après avis de la commission administrative paritaire, en tenant compte de leur situation de famille et du rapprochement de conjoints.';
const CONGES_ANNUELS =
  "Le fonctionnaire en activité a droit à des congés annuels avec traitement dont la durée est fixée par décret en Conseil d'État, soit cinq fois ses obligations hebdomadaires de service.";
const PASSAGES = [
  TEMPS_PARTIEL_THERAPEUTIQUE,
  RETRAITE,
  MUTATION,
  CONGES_ANNUELS,
];

function norm(v: Float32Array): number {
  return Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
}

/** Passage closest to the query, and its margin over the runner-up. */
function rank(
  embedder: HashedNgramEmbedder,
  query: string,
): { best: string; margin: number } {
  const q = embedder.embedOne(query);
  const scored = PASSAGES.map((passage) => ({
    passage,
    score: cosine(q, embedder.embedOne(passage)),
  })).sort((a, b) => b.score - a.score);
  return { best: scored[0].passage, margin: scored[0].score - scored[1].score };
}

describe(HashedNgramEmbedder.name, () => {
  const embedder = new HashedNgramEmbedder();

  describe('constructor', () => {
    it('should default to 512 dimensions under the id hash-ngram-v1', () => {
      expect(embedder.id).toBe(HASHED_NGRAM_EMBEDDER_ID);
      expect(embedder.id).toBe('hash-ngram-v1');
      expect(embedder.dimension).toBe(DEFAULT_HASHED_NGRAM_DIMENSION);
      expect(DEFAULT_HASHED_NGRAM_DIMENSION).toBe(512);
    });

    it('should honour a configured dimension', async () => {
      const small = new HashedNgramEmbedder(128);

      const [vector] = await small.embed([RETRAITE], 'document');

      expect(small.dimension).toBe(128);
      expect(vector).toHaveLength(128);
    });

    it('should reject a dimension that is not an integer within bounds', () => {
      for (const dimension of [0, 8, 100.5, 16_001, Number.NaN]) {
        expect(() => new HashedNgramEmbedder(dimension)).toThrow(
          /Dimension d'embedding invalide/,
        );
      }
    });
  });

  describe('embed', () => {
    it('should return one unit vector of the configured dimension per text, in order', async () => {
      const vectors = await embedder.embed(PASSAGES, 'document');

      expect(vectors).toHaveLength(PASSAGES.length);
      vectors.forEach((vector, i) => {
        expect(vector).toBeInstanceOf(Float32Array);
        expect(vector).toHaveLength(512);
        expect(norm(vector)).toBeCloseTo(1, 5);
        expect(Array.from(vector)).toEqual(
          Array.from(embedder.embedOne(PASSAGES[i])),
        );
      });
    });

    it('should embed queries and documents in the same space', async () => {
      const [asQuery] = await embedder.embed([MUTATION], 'query');
      const [asDocument] = await embedder.embed([MUTATION], 'document');

      expect(Array.from(asQuery)).toEqual(Array.from(asDocument));
    });

    it('should give the same vectors across instances and whatever was embedded before', async () => {
      const fresh = new HashedNgramEmbedder();
      const before = fresh.embedOne(CONGES_ANNUELS);
      // A long text grows the internal feature table; results must not depend on that.
      fresh.embedOne(PASSAGES.join(' ').repeat(40));

      const after = fresh.embedOne(CONGES_ANNUELS);

      expect(Array.from(after)).toEqual(Array.from(before));
      expect(Array.from(after)).toEqual(
        Array.from(embedder.embedOne(CONGES_ANNUELS)),
      );
    });

    it('should embed a batch larger than one event-loop slice exactly like text by text', async () => {
      const texts = Array.from(
        { length: 300 },
        (_, i) => `${PASSAGES[i % PASSAGES.length]} (${i})`,
      );

      const vectors = await embedder.embed(texts, 'document');

      expect(vectors).toHaveLength(300);
      expect(Array.from(vectors[299])).toEqual(
        Array.from(embedder.embedOne(texts[299])),
      );
    });

    it('should keep the vectors of hash-ngram-v1 stable (changing them requires a new id)', () => {
      const vector = embedder.embedOne(TEMPS_PARTIEL_THERAPEUTIQUE);
      const strongest = Array.from(vector.keys())
        .sort((a, b) => Math.abs(vector[b]) - Math.abs(vector[a]) || a - b)
        .slice(0, 5);
      const checksum = vector.reduce((sum, x, i) => sum + x * ((i % 7) + 1), 0);

      expect(strongest).toEqual([140, 282, 249, 342, 376]);
      expect(Array.from(strongest, (i) => vector[i])).toEqual([
        expect.closeTo(0.260767, 6),
        expect.closeTo(-0.210385, 6),
        expect.closeTo(0.173959, 6),
        expect.closeTo(0.166895, 6),
        expect.closeTo(0.161534, 6),
      ]);
      expect(checksum).toBeCloseTo(8.588628, 5);
    });

    it('should return an all-zero vector for a text without content words, and cosine should stay finite', async () => {
      const [empty, blank, stopWords] = await embedder.embed(
        ['', '  \n\t', "l'on a de la … !"],
        'query',
      );
      const passage = embedder.embedOne(RETRAITE);

      for (const vector of [empty, blank, stopWords]) {
        expect(vector).toHaveLength(512);
        expect(vector.every((x) => x === 0)).toBe(true);
        expect(cosine(vector, passage)).toBe(0);
      }
    });
  });

  describe('similarity', () => {
    it.each([
      ['temps partiel thérapeutique', TEMPS_PARTIEL_THERAPEUTIQUE],
      [
        'temps partiel therapeutique apres conge maladie',
        TEMPS_PARTIEL_THERAPEUTIQUE,
      ],
      ['mutaion des fonctionaires et comission paritaire', MUTATION],
      ['rapprochement de conjoint pour une mutation', MUTATION],
      ['congés annuels', CONGES_ANNUELS],
      ['tems partiel terapeutique', TEMPS_PARTIEL_THERAPEUTIQUE],
      ['CONGÉ ANNUEL', CONGES_ANNUELS],
      ["limite d'age de depart a la retraite", RETRAITE],
      ['retraites pensions liquidation', RETRAITE],
    ])('should rank "%s" closest to its passage', (query, expected) => {
      const { best, margin } = rank(embedder, query);

      expect(best).toBe(expected);
      expect(margin).toBeGreaterThan(0.02);
    });

    it('should put "temps partiel thérapeutique" closer to its passage than to the one on retirement', () => {
      const query = embedder.embedOne('temps partiel thérapeutique');

      expect(
        cosine(query, embedder.embedOne(TEMPS_PARTIEL_THERAPEUTIQUE)),
      ).toBeGreaterThan(cosine(query, embedder.embedOne(RETRAITE)) + 0.1);
    });

    it('should treat inflected and misspelt words as near-identical to their source word', () => {
      const conge = embedder.embedOne('congé');

      // Singular, plural and accents share every feature after folding and stemming.
      expect(cosine(conge, embedder.embedOne('conges'))).toBeCloseTo(1, 6);
      expect(cosine(conge, embedder.embedOne('congés'))).toBeCloseTo(1, 6);
      expect(
        cosine(embedder.embedOne('mutation'), embedder.embedOne('mutaion')),
      ).toBeGreaterThan(0.25);
      expect(
        cosine(
          embedder.embedOne('fonctionnaire'),
          embedder.embedOne('fonctionaire'),
        ),
      ).toBeGreaterThan(0.5);
      expect(
        cosine(embedder.embedOne('mutation'), embedder.embedOne('retraite')),
      ).toBeLessThan(0.1);
    });

    it('should ignore case, accents and ligatures', () => {
      const reference = embedder.embedOne('voeux de mutation intra-académique');

      expect(
        Array.from(embedder.embedOne('VŒUX DE MUTATION INTRA-ACADEMIQUE')),
      ).toEqual(Array.from(reference));
    });
  });

  describe('properties', () => {
    const anyText = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc
        .array(
          fc.constantFrom(
            ...PASSAGES,
            'congé',
            'mutaion',
            "l'",
            ' ',
            '\n',
            '2024',
          ),
          { maxLength: 12 },
        )
        .map((parts) => parts.join(' ')),
    );

    it('should return finite vectors of norm 1 or 0', () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const vector = embedder.embedOne(text);
          const length = norm(vector);

          return (
            vector.length === 512 &&
            vector.every(Number.isFinite) &&
            length <= 1 + 1e-5 &&
            (length === 0 || Math.abs(length - 1) < 1e-5)
          );
        }),
      );
    });

    it('should be deterministic across instances', () => {
      const other = new HashedNgramEmbedder();
      fc.assert(
        fc.property(anyText, (text) => {
          const a = embedder.embedOne(text);
          const b = other.embedOne(text);

          return a.every((x, i) => Object.is(x, b[i]));
        }),
      );
    });

    it('should be insensitive to letter case on ASCII text', () => {
      fc.assert(
        fc.property(
          fc.string({ unit: 'binary-ascii', maxLength: 200 }),
          (text) => {
            const a = embedder.embedOne(text);
            const b = embedder.embedOne(text.toUpperCase());

            return a.every((x, i) => x === b[i]);
          },
        ),
      );
    });

    it('should never produce NaN similarities', () => {
      fc.assert(
        fc.property(anyText, anyText, (a, b) => {
          const similarity = cosine(embedder.embedOne(a), embedder.embedOne(b));

          return similarity >= -1 && similarity <= 1;
        }),
      );
    });
  });
});
