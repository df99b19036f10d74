import {
  fakeEmbedding,
  findClosedPort,
  startFakeEmbeddingsServer,
  type FakeEmbeddingsServer,
} from '../testing/fake-embeddings-server';
import { EmbeddingError } from '../embedding-error';
import { normalizeInPlace } from '../vector';
import {
  OpenAiCompatibleEmbedder,
  PLACEHOLDER_API_KEY,
  type OpenAiCompatibleEmbedderOptions,
} from './openai-compatible.embedder';

const MODEL = 'multilingual-e5-large';
const SECRET_KEY = 'sk-secret-0123456789';

const TEXTS = [
  'Un fonctionnaire peut bénéficier d’un temps partiel thérapeutique après un congé de maladie.',
  'La limite d’âge entraîne la mise à la retraite d’office.',
  'Les mutations sont prononcées après avis de la commission administrative paritaire.',
  'Le congé bonifié permet de se rendre dans son département d’origine.',
  'La disponibilité pour élever un enfant est accordée de droit.',
];

function expected(text: string, dimension = 8): number[] {
  return Array.from(
    normalizeInPlace(Float32Array.from(fakeEmbedding(text, dimension))),
  );
}

function asArrays(vectors: readonly Float32Array[]): number[][] {
  return vectors.map((vector) => Array.from(vector));
}

function closeTo(vector: readonly number[]): unknown[] {
  return vector.map((x) => expect.closeTo(x, 6));
}

describe(OpenAiCompatibleEmbedder.name, () => {
  let server: FakeEmbeddingsServer;

  function createEmbedder(
    overrides: Partial<OpenAiCompatibleEmbedderOptions> = {},
  ): OpenAiCompatibleEmbedder {
    return new OpenAiCompatibleEmbedder({
      baseUrl: server.baseUrl,
      model: MODEL,
      batchSize: 16,
      timeoutMs: 2_000,
      maxRetries: 2,
      ...overrides,
    });
  }

  beforeEach(async () => {
    server = await startFakeEmbeddingsServer({ dimension: 8 });
  });

  afterEach(async () => {
    await server.close();
  });

  describe('constructor', () => {
    it('should name its vector space after the model', () => {
      expect(createEmbedder().id).toBe(`openai:${MODEL}`);
    });

    it.each([
      [{ baseUrl: 'not a url' }, /URL du serveur d'embeddings invalide/],
      [
        { baseUrl: 'ftp://127.0.0.1/v1' },
        /URL du serveur d'embeddings invalide/,
      ],
      [{ model: ' ' }, /Nom du modèle/],
      [{ batchSize: 0 }, /Taille de lot/],
      [{ timeoutMs: -1 }, /Délai d'attente/],
      [{ maxRetries: 1.5 }, /nouvelles tentatives/],
      [{ dimension: 0 }, /Dimension d'embedding invalide/],
    ])('should reject the invalid option %o', (overrides, message) => {
      expect(() => createEmbedder(overrides)).toThrow(message);
    });
  });

  describe('embed', () => {
    it('should send the wire format and return normalized vectors in input order', async () => {
      const embedder = createEmbedder();

      const vectors = await embedder.embed(TEXTS.slice(0, 2), 'document');

      expect(server.requests).toEqual([
        {
          model: MODEL,
          input: TEXTS.slice(0, 2),
          encodingFormat: 'float',
          dimensions: undefined,
          authorization: `Bearer ${PLACEHOLDER_API_KEY}`,
        },
      ]);
      expect(asArrays(vectors)).toEqual(
        TEXTS.slice(0, 2).map((text) => closeTo(expected(text))),
      );
      vectors.forEach((vector) =>
        expect(Math.hypot(...vector)).toBeCloseTo(1, 5),
      );
    });

    it('should split the texts into batches of batchSize', async () => {
      const embedder = createEmbedder({ batchSize: 2 });

      const vectors = await embedder.embed(TEXTS, 'document');

      expect(server.requests.map((request) => request.input)).toEqual([
        TEXTS.slice(0, 2),
        TEXTS.slice(2, 4),
        TEXTS.slice(4),
      ]);
      expect(asArrays(vectors)).toEqual(
        TEXTS.map((text) => closeTo(expected(text))),
      );
    });

    it('should restore input order from the index when the server returns data shuffled', async () => {
      server.enqueue({ kind: 'embeddings', reverseOrder: true });
      const embedder = createEmbedder();

      const vectors = await embedder.embed(TEXTS, 'document');

      expect(asArrays(vectors)).toEqual(
        TEXTS.map((text) => closeTo(expected(text))),
      );
    });

    it('should apply the query and document prefixes', async () => {
      const embedder = createEmbedder({
        queryPrefix: 'query: ',
        documentPrefix: 'passage: ',
      });

      const [query] = await embedder.embed(
        ['temps partiel thérapeutique'],
        'query',
      );
      const [passage] = await embedder.embed([TEXTS[0]], 'document');

      expect(server.requests.map((request) => request.input)).toEqual([
        ['query: temps partiel thérapeutique'],
        [`passage: ${TEXTS[0]}`],
      ]);
      expect(Array.from(query)).toEqual(
        closeTo(expected('query: temps partiel thérapeutique')),
      );
      expect(Array.from(passage)).toEqual(
        closeTo(expected(`passage: ${TEXTS[0]}`)),
      );
    });

    it('should send the configured key as bearer token', async () => {
      await createEmbedder({ apiKey: SECRET_KEY }).embed([TEXTS[0]], 'query');

      expect(server.requests[0].authorization).toBe(`Bearer ${SECRET_KEY}`);
    });

    it('should send a placeholder, never OPENAI_API_KEY from the environment, when no key is configured', async () => {
      const previous = process.env['OPENAI_API_KEY'];
      process.env['OPENAI_API_KEY'] = SECRET_KEY;
      try {
        await createEmbedder().embed([TEXTS[0]], 'query');
      } finally {
        if (previous === undefined) {
          delete process.env['OPENAI_API_KEY'];
        } else {
          process.env['OPENAI_API_KEY'] = previous;
        }
      }

      expect(server.requests[0].authorization).toBe(
        `Bearer ${PLACEHOLDER_API_KEY}`,
      );
    });

    it('should not call the server for no texts, and give blank texts a zero vector', async () => {
      const embedder = createEmbedder({ dimension: 8 });

      await expect(embedder.embed([], 'document')).resolves.toEqual([]);
      const vectors = await embedder.embed(['', TEXTS[1], '  '], 'document');

      expect(server.requests.map((request) => request.input)).toEqual([
        [TEXTS[1]],
      ]);
      expect(asArrays(vectors)).toEqual([
        new Array(8).fill(0),
        closeTo(expected(TEXTS[1])),
        new Array(8).fill(0),
      ]);
    });

    it('should accept base64 vectors from servers that ignore encoding_format', async () => {
      const floats = Float32Array.of(3, 0, 4, 0);
      server.enqueue({
        kind: 'raw',
        body: {
          object: 'list',
          data: [
            {
              object: 'embedding',
              index: 0,
              embedding: Buffer.from(floats.buffer).toString('base64'),
            },
          ],
          model: MODEL,
          usage: { prompt_tokens: 1, total_tokens: 1 },
        },
      });

      const [vector] = await createEmbedder().embed([TEXTS[0]], 'document');

      expect(Array.from(vector)).toEqual(closeTo([0.6, 0, 0.8, 0]));
    });

    it.each([
      ['a body without data', { object: 'list' }],
      ['too few embeddings', { data: [] }],
      [
        'a duplicated index',
        {
          data: [
            { index: 0, embedding: [1] },
            { index: 0, embedding: [1] },
          ],
        },
      ],
      [
        'a non-numeric component',
        {
          data: [
            { index: 0, embedding: [1, 'x'] },
            { index: 1, embedding: [1, 2] },
          ],
        },
      ],
    ])('should fail with BAD_RESPONSE on %s', async (_case, body) => {
      server.enqueue({ kind: 'raw', body });

      await expect(
        createEmbedder().embed(TEXTS.slice(0, 2), 'document'),
      ).rejects.toMatchObject({
        code: 'BAD_RESPONSE',
        message: expect.stringContaining('/v1/embeddings'),
      });
    });
  });

  describe('dimension', () => {
    it('should be fixed by the first response when not configured', async () => {
      const embedder = createEmbedder();
      expect(embedder.dimension).toBe(0);

      await embedder.embed([TEXTS[0]], 'document');

      expect(embedder.dimension).toBe(8);
    });

    it('should be resolved on demand with a single request', async () => {
      const embedder = createEmbedder();

      await expect(embedder.resolveDimension()).resolves.toBe(8);
      await expect(embedder.resolveDimension()).resolves.toBe(8);
      expect(server.requests).toHaveLength(1);
    });

    it('should be sent as dimensions when configured', async () => {
      const embedder = createEmbedder({ dimension: 8 });

      await embedder.embed([TEXTS[0]], 'document');

      expect(embedder.dimension).toBe(8);
      expect(server.requests[0].dimensions).toBe(8);
    });

    it('should fail with DIMENSION_MISMATCH when the server returns another dimension than configured', async () => {
      server.enqueue({ kind: 'embeddings', dimension: 4 });

      await expect(
        createEmbedder({ dimension: 8 }).embed([TEXTS[0]], 'document'),
      ).rejects.toMatchObject({
        code: 'DIMENSION_MISMATCH',
        message: expect.stringMatching(
          /dimension 4 au lieu de 8.*vérifiez le nom du modèle/,
        ),
      });
    });

    it('should fail with DIMENSION_MISMATCH when the dimension changes after the first response', async () => {
      const embedder = createEmbedder();
      await embedder.embed([TEXTS[0]], 'document');
      server.enqueue({ kind: 'embeddings', dimension: 16 });

      await expect(
        embedder.embed([TEXTS[1]], 'document'),
      ).rejects.toBeInstanceOf(EmbeddingError);
      await expect(
        embedder.embed([TEXTS[1]], 'document'),
      ).resolves.toHaveLength(1);
      expect(embedder.dimension).toBe(8);
    });
  });

  describe('errors', () => {
    it('should retry after a 429 and succeed', async () => {
      server.enqueue({ kind: 'error', status: 429, retryAfterMs: 10 });

      const vectors = await createEmbedder().embed([TEXTS[0]], 'document');

      expect(server.requests).toHaveLength(2);
      expect(Array.from(vectors[0])).toEqual(closeTo(expected(TEXTS[0])));
    });

    it('should retry a 5xx with exponential backoff when the server gives no delay', async () => {
      server.enqueue({ kind: 'error', status: 503 });

      await expect(
        createEmbedder({ maxRetries: 1 }).embed([TEXTS[0]], 'document'),
      ).resolves.toHaveLength(1);
      expect(server.requests).toHaveLength(2);
    });

    it('should fail with BAD_RESPONSE after a 500 on every attempt', async () => {
      server.enqueue(
        { kind: 'error', status: 500, retryAfterMs: 1 },
        { kind: 'error', status: 500, retryAfterMs: 1 },
        { kind: 'error', status: 500, retryAfterMs: 1 },
      );

      const failure = createEmbedder({ maxRetries: 2 }).embed(
        [TEXTS[0]],
        'document',
      );

      await expect(failure).rejects.toBeInstanceOf(EmbeddingError);
      await expect(failure).rejects.toMatchObject({
        code: 'BAD_RESPONSE',
        status: 500,
        message: expect.stringContaining('HTTP 500, 3 tentative(s)'),
      });
      expect(server.requests).toHaveLength(3);
    });

    it('should fail with RATE_LIMITED when the server keeps answering 429', async () => {
      server.enqueue(
        { kind: 'error', status: 429, retryAfterMs: 1 },
        { kind: 'error', status: 429, retryAfterMs: 1 },
      );

      await expect(
        createEmbedder({ maxRetries: 1 }).embed([TEXTS[0]], 'document'),
      ).rejects.toMatchObject({
        code: 'RATE_LIMITED',
        status: 429,
        message: expect.stringContaining('quota'),
      });
    });

    it.each([401, 403])(
      'should fail with BAD_RESPONSE saying to check the key, without retrying nor showing it, on %i',
      async (status) => {
        server.enqueue({ kind: 'error', status });

        const failure = createEmbedder({ apiKey: SECRET_KEY }).embed(
          [TEXTS[0]],
          'document',
        );

        await expect(failure).rejects.toMatchObject({
          code: 'BAD_RESPONSE',
          status,
          message: expect.stringContaining("vérifiez la clé d'API"),
        });
        await expect(failure).rejects.not.toMatchObject({
          message: expect.stringContaining(SECRET_KEY),
        });
        expect(server.requests).toHaveLength(1);
      },
    );

    it('should fail with BAD_RESPONSE naming the model on a 404', async () => {
      server.enqueue({ kind: 'error', status: 404 });

      await expect(
        createEmbedder().embed([TEXTS[0]], 'document'),
      ).rejects.toMatchObject({
        code: 'BAD_RESPONSE',
        status: 404,
        message: expect.stringContaining(`« ${MODEL} »`),
      });
    });

    it('should fail with UNREACHABLE naming the URL, but not its credentials, when the connection is refused', async () => {
      const port = await findClosedPort();
      const embedder = new OpenAiCompatibleEmbedder({
        baseUrl: `http://user:${SECRET_KEY}@127.0.0.1:${port}/v1?token=${SECRET_KEY}`,
        apiKey: SECRET_KEY,
        model: MODEL,
        batchSize: 16,
        timeoutMs: 2_000,
        maxRetries: 1,
      });

      const failure = embedder.embed([TEXTS[0]], 'document');

      await expect(failure).rejects.toMatchObject({
        code: 'UNREACHABLE',
        message: expect.stringContaining(`http://127.0.0.1:${port}/v1`),
      });
      await expect(failure).rejects.not.toMatchObject({
        message: expect.stringContaining(SECRET_KEY),
      });
    });

    it('should fail with TIMEOUT when the server does not answer in time', async () => {
      server.enqueue({ kind: 'hang' });

      await expect(
        createEmbedder({ timeoutMs: 200, maxRetries: 0 }).embed(
          [TEXTS[0]],
          'document',
        ),
      ).rejects.toMatchObject({
        code: 'TIMEOUT',
        message: expect.stringContaining('200 ms'),
      });
    });
  });
});
