import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  OpenAI,
} from 'openai';
import { EmbeddingError } from '../embedding-error';
import type {
  EmbeddingProvider,
  EmbeddingPurpose,
  OpenAiEmbeddingsConfig,
} from '../embedding-provider';
import { realmSafeFetch, redactUrl } from '../http';
import { normalizeInPlace } from '../vector';

/** Options of `OpenAiCompatibleEmbedder`: the `openai` variant of `EmbeddingsConfig`. */
export type OpenAiCompatibleEmbedderOptions = Omit<
  OpenAiEmbeddingsConfig,
  'provider'
>;

/**
 * Sent as bearer token when no key is configured: the SDK requires one, local servers (Ollama,
 * vLLM) ignore it. Passing it explicitly also keeps the SDK from picking up `OPENAI_API_KEY`.
 */
export const PLACEHOLDER_API_KEY = 'no-key';

/** Text embedded by `resolveDimension` when the dimension is not configured. */
const DIMENSION_PROBE = 'dimension';

/**
 * Client of any server speaking the OpenAI `/v1/embeddings` wire format (Albert API, Ollama, vLLM,
 * OpenAI), through the official SDK. Texts are sent in batches of `batchSize`, one request at a
 * time, with the configured query or document prefix; vectors come back in input order (by their
 * `index`), normalized to unit length, and checked against the expected dimension. Timeouts,
 * connection failures, 429 and 5xx are retried by the SDK (`maxRetries`, exponential backoff,
 * `Retry-After` honoured); the final failure becomes an `EmbeddingError`.
 *
 * Blank texts are not sent (the API rejects empty inputs): they get an all-zero vector.
 */
export class OpenAiCompatibleEmbedder implements EmbeddingProvider {
  readonly id: string;

  private readonly client: OpenAI;
  /** Base URL without credentials nor query string, safe to show in messages and logs. */
  private readonly endpoint: string;
  /** Settings without the key, which only the SDK client holds. */
  private readonly options: Omit<OpenAiCompatibleEmbedderOptions, 'apiKey'>;
  private resolvedDimension: number | undefined;

  constructor(options: OpenAiCompatibleEmbedderOptions) {
    validateOptions(options);
    const { apiKey, ...settings } = options;
    this.options = settings;
    this.id = `openai:${options.model}`;
    this.endpoint = redactUrl(options.baseUrl);
    this.resolvedDimension = options.dimension;
    this.client = new OpenAI({
      baseURL: options.baseUrl,
      apiKey: apiKey || PLACEHOLDER_API_KEY,
      // Never inherit account settings from the environment: the server may not be OpenAI's.
      adminAPIKey: null,
      organization: null,
      project: null,
      timeout: options.timeoutMs,
      maxRetries: options.maxRetries,
      fetch: realmSafeFetch,
      // Failures surface as EmbeddingError; the SDK must not write to the console.
      logLevel: 'off',
    });
  }

  /**
   * Dimension of the vectors: the configured one, otherwise the one of the first response, and 0
   * until then (see `resolveDimension`).
   */
  get dimension(): number {
    return this.resolvedDimension ?? 0;
  }

  /** Returns the dimension, asking the server for one embedding when it is not known yet. */
  async resolveDimension(): Promise<number> {
    if (this.resolvedDimension === undefined) {
      await this.embed([DIMENSION_PROBE], 'document');
    }
    return this.dimension;
  }

  async embed(
    texts: readonly string[],
    purpose: EmbeddingPurpose,
  ): Promise<Float32Array[]> {
    const vectors = new Array<Float32Array | undefined>(texts.length);
    const prefix =
      (purpose === 'query'
        ? this.options.queryPrefix
        : this.options.documentPrefix) ?? '';
    const pending: number[] = [];
    for (let i = 0; i < texts.length; i++) {
      if (texts[i].trim() !== '') {
        pending.push(i);
      }
    }

    for (
      let start = 0;
      start < pending.length;
      start += this.options.batchSize
    ) {
      const batch = pending.slice(start, start + this.options.batchSize);
      const embeddings = await this.request(
        batch.map((i) => prefix + texts[i]),
      );
      batch.forEach((textIndex, position) => {
        vectors[textIndex] = embeddings[position];
      });
    }

    if (pending.length < texts.length) {
      const dimension = await this.resolveDimension();
      for (let i = 0; i < texts.length; i++) {
        vectors[i] ??= new Float32Array(dimension);
      }
    }
    return vectors as Float32Array[];
  }

  /** One `/embeddings` call: vectors in input order, normalized, dimension checked. */
  private async request(inputs: readonly string[]): Promise<Float32Array[]> {
    let body: unknown;
    try {
      body = await this.client.embeddings.create({
        model: this.options.model,
        input: [...inputs],
        encoding_format: 'float',
        ...(this.options.dimension === undefined
          ? {}
          : { dimensions: this.options.dimension }),
      });
    } catch (error) {
      throw this.toEmbeddingError(error);
    }
    const vectors = this.parseResponse(body, inputs.length);
    for (const vector of vectors) {
      this.checkDimension(vector.length);
      normalizeInPlace(vector);
    }
    return vectors;
  }

  private parseResponse(body: unknown, expectedCount: number): Float32Array[] {
    const data = isRecord(body) ? body['data'] : undefined;
    if (!Array.isArray(data) || data.length !== expectedCount) {
      throw this.malformed(
        `${expectedCount} embedding(s) attendu(s), ${Array.isArray(data) ? data.length : 'aucun'} reçu(s)`,
      );
    }
    const vectors = new Array<Float32Array | undefined>(expectedCount);
    for (const item of data) {
      const index = isRecord(item) ? item['index'] : undefined;
      if (
        typeof index !== 'number' ||
        !Number.isInteger(index) ||
        index < 0 ||
        index >= expectedCount ||
        vectors[index] !== undefined
      ) {
        throw this.malformed(
          'index des embeddings absents, hors limites ou en double',
        );
      }
      const vector = toFloat32Array(
        isRecord(item) ? item['embedding'] : undefined,
      );
      if (vector === undefined) {
        throw this.malformed(
          `embedding n° ${index} absent ou contenant des valeurs non numériques`,
        );
      }
      vectors[index] = vector;
    }
    return vectors as Float32Array[];
  }

  private checkDimension(actual: number): void {
    if (this.resolvedDimension === undefined) {
      this.resolvedDimension = actual;
      return;
    }
    if (actual !== this.resolvedDimension) {
      throw new EmbeddingError(
        'DIMENSION_MISMATCH',
        `Le modèle « ${this.options.model} » sur ${this.endpoint} renvoie des vecteurs de dimension ${actual} au lieu de ${this.resolvedDimension} : vérifiez le nom du modèle et la dimension configurée. Des vecteurs de dimensions différentes ne peuvent pas être comparés ; changer de modèle impose de recalculer les embeddings du corpus.`,
      );
    }
  }

  private malformed(detail: string): EmbeddingError {
    return new EmbeddingError(
      'BAD_RESPONSE',
      `Réponse inattendue du serveur d'embeddings ${this.endpoint} (${detail}) : vérifiez que l'URL désigne une API compatible OpenAI (/v1/embeddings) et que le modèle « ${this.options.model} » est un modèle d'embeddings.`,
    );
  }

  private toEmbeddingError(error: unknown): EmbeddingError {
    const { endpoint } = this;
    const { model, maxRetries, timeoutMs } = this.options;
    const attempts = `${maxRetries + 1} tentative(s)`;
    if (error instanceof EmbeddingError) {
      return error;
    }
    // The timeout error is a connection error: test it first.
    if (error instanceof APIConnectionTimeoutError) {
      return new EmbeddingError(
        'TIMEOUT',
        `Le serveur d'embeddings ${endpoint} n'a pas répondu en ${timeoutMs} ms (${attempts}) : vérifiez qu'il est démarré et que le modèle « ${model} » est chargé, ou augmentez le délai d'attente.`,
        { cause: error },
      );
    }
    if (error instanceof APIConnectionError) {
      return new EmbeddingError(
        'UNREACHABLE',
        `Serveur d'embeddings injoignable à l'adresse ${endpoint} (${attempts}) : vérifiez l'URL (elle se termine en général par /v1), que le serveur est démarré et qu'il est accessible depuis cette machine.`,
        { cause: error },
      );
    }
    if (error instanceof APIError && typeof error.status === 'number') {
      const status = error.status;
      const options = { status, cause: error };
      if (status === 401 || status === 403) {
        return new EmbeddingError(
          'BAD_RESPONSE',
          `Le serveur d'embeddings ${endpoint} refuse l'accès (HTTP ${status}) : vérifiez la clé d'API configurée et ses droits sur le modèle « ${model} ».`,
          options,
        );
      }
      if (status === 429) {
        return new EmbeddingError(
          'RATE_LIMITED',
          `Le serveur d'embeddings ${endpoint} limite le débit (HTTP 429, ${attempts}) : vérifiez le quota de la clé d'API, réduisez la taille des lots ou réessayez plus tard.`,
          options,
        );
      }
      if (status === 404) {
        return new EmbeddingError(
          'BAD_RESPONSE',
          `Ressource introuvable sur le serveur d'embeddings ${endpoint} (HTTP 404) : vérifiez l'URL (elle se termine en général par /v1) et le nom du modèle « ${model} ».`,
          options,
        );
      }
      if (status >= 500) {
        return new EmbeddingError(
          'BAD_RESPONSE',
          `Erreur du serveur d'embeddings ${endpoint} (HTTP ${status}, ${attempts}) : vérifiez l'état du serveur et que le modèle « ${model} » y est disponible.`,
          options,
        );
      }
      return new EmbeddingError(
        'BAD_RESPONSE',
        `Le serveur d'embeddings ${endpoint} a refusé la requête (HTTP ${status}) : vérifiez le nom du modèle « ${model} », la dimension demandée et la longueur des textes.`,
        options,
      );
    }
    return new EmbeddingError(
      'BAD_RESPONSE',
      `Échec de l'appel au serveur d'embeddings ${endpoint} : vérifiez l'URL et le modèle « ${model} ».`,
      { cause: error },
    );
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Vector of an `embedding` field: an array of finite numbers, or the base64 of little-endian
 * float32 values (servers that ignore `encoding_format: 'float'`). Undefined when unusable.
 */
function toFloat32Array(value: unknown): Float32Array | undefined {
  if (Array.isArray(value)) {
    if (value.length === 0) {
      return undefined;
    }
    const vector = new Float32Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const component: unknown = value[i];
      if (typeof component !== 'number' || !Number.isFinite(component)) {
        return undefined;
      }
      vector[i] = component;
    }
    return vector;
  }
  if (typeof value === 'string') {
    const bytes = Buffer.from(value, 'base64');
    if (bytes.length === 0 || bytes.length % 4 !== 0) {
      return undefined;
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const vector = new Float32Array(bytes.length / 4);
    for (let i = 0; i < vector.length; i++) {
      vector[i] = view.getFloat32(i * 4, true);
      if (!Number.isFinite(vector[i])) {
        return undefined;
      }
    }
    return vector;
  }
  return undefined;
}

function validateOptions(options: OpenAiCompatibleEmbedderOptions): void {
  let protocol: string | undefined;
  try {
    protocol = new URL(options.baseUrl).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new RangeError(
      `URL du serveur d'embeddings invalide : attendu une URL http(s), par exemple http://127.0.0.1:11434/v1.`,
    );
  }
  if (options.model.trim() === '') {
    throw new RangeError(
      `Nom du modèle d'embeddings vide : indiquez le modèle à utiliser.`,
    );
  }
  if (
    options.dimension !== undefined &&
    !(Number.isInteger(options.dimension) && options.dimension > 0)
  ) {
    throw new RangeError(
      `Dimension d'embedding invalide (${options.dimension}) : attendu un entier positif.`,
    );
  }
  if (!(Number.isInteger(options.batchSize) && options.batchSize > 0)) {
    throw new RangeError(
      `Taille de lot d'embeddings invalide (${options.batchSize}) : attendu un entier positif.`,
    );
  }
  if (!(Number.isFinite(options.timeoutMs) && options.timeoutMs > 0)) {
    throw new RangeError(
      `Délai d'attente d'embeddings invalide (${options.timeoutMs} ms) : attendu un nombre positif de millisecondes.`,
    );
  }
  if (!(Number.isInteger(options.maxRetries) && options.maxRetries >= 0)) {
    throw new RangeError(
      `Nombre de nouvelles tentatives invalide (${options.maxRetries}) : attendu un entier positif ou nul.`,
    );
  }
}
