/** Root of every subject. */
export const SUBJECT_ROOT = 'mileva';

/**
 * Placeholder of corpus subjects. A corpus service process replaces it with the corpus it serves
 * (`national`, an académie code, or `*` when one process serves every corpus); a client addresses
 * one corpus with {@link corpusSubject}.
 */
export const CORPUS_PLACEHOLDER = '{corpus}';

/** Wildcard corpus: one process serves every corpus of its database (standalone mode). */
export const ALL_CORPORA = '*';

/** Header that carries the correlation id of a request across services. */
export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * Every subject of the platform. Platform services answer once for the whole platform; corpus
 * services answer on `mileva.corpus.<corpus>.…`.
 */
export const Subjects = {
  generation: {
    health: 'mileva.generation.health',
    ping: 'mileva.generation.ping',
    /** A draft from pseudonymized passages; replies stream `DraftEvent`s (tokens, then the checked draft). */
    draft: 'mileva.generation.draft',
  },
  anonymization: {
    health: 'mileva.anonymization.health',
    ping: 'mileva.anonymization.ping',
    /** Irreversible pseudonymization of texts to be stored. */
    pseudonymize: 'mileva.anonymization.pseudonymize',
  },
  analytics: {
    health: 'mileva.analytics.health',
    ping: 'mileva.analytics.ping',
    /** Aggregate cells with small-cell suppression (asked by the gateway, which checks who may see them). */
    aggregates: 'mileva.analytics.aggregates',
  },
  ingestion: {
    health: 'mileva.corpus.{corpus}.ingestion.health',
    ping: 'mileva.corpus.{corpus}.ingestion.ping',
    /** Ingests files sent inline as one job (new documents, or a new version of one with `replaces`). */
    ingestFiles: 'mileva.corpus.{corpus}.ingestion.files',
    listDocuments: 'mileva.corpus.{corpus}.ingestion.documents',
    /** One document of the corpus, whatever its status. */
    getDocument: 'mileva.corpus.{corpus}.ingestion.document',
    /** Theme and validity dates of an active document. */
    updateDocument: 'mileva.corpus.{corpus}.ingestion.document.update',
    withdraw: 'mileva.corpus.{corpus}.ingestion.withdraw',
    listAnswers: 'mileva.corpus.{corpus}.ingestion.answers',
    /** Imports a CSV/JSONL base of previous answers, pseudonymized, for review. */
    importAnswers: 'mileva.corpus.{corpus}.ingestion.answers.import',
    reviewAnswer: 'mileva.corpus.{corpus}.ingestion.answers.review',
    /** Event: progress of an ingestion job. */
    progress: 'mileva.corpus.{corpus}.ingestion.progress',
  },
  retrieval: {
    health: 'mileva.corpus.{corpus}.retrieval.health',
    ping: 'mileva.corpus.{corpus}.retrieval.ping',
    search: 'mileva.corpus.{corpus}.retrieval.search',
  },
} as const;

/** True for a subject template that a corpus service answers. */
export function isCorpusSubject(subject: string): boolean {
  return subject.includes(CORPUS_PLACEHOLDER);
}

/** Fills a corpus subject template for one corpus: `mileva.corpus.lyon.retrieval.health`. */
export function corpusSubject(template: string, corpus: string): string {
  if (!isCorpusSubject(template)) {
    throw new Error(`Subject ${template} is not a corpus subject`);
  }
  if (!/^(\*|[a-z][a-z0-9-]*)$/.test(corpus)) {
    throw new Error(`Invalid corpus code: ${corpus}`);
  }
  return template.replace(CORPUS_PLACEHOLDER, corpus);
}

/**
 * Reads the corpus code out of a concrete corpus subject
 * (`mileva.corpus.lyon.retrieval.health` → `lyon`).
 */
export function corpusOfSubject(subject: string): string | undefined {
  const parts = subject.split('.');
  return parts[0] === SUBJECT_ROOT && parts[1] === 'corpus' && parts[2] !== CORPUS_PLACEHOLDER ? parts[2] : undefined;
}
