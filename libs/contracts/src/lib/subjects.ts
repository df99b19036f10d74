import type { CorpusServiceName, PlatformServiceName } from './services';

/** Root of every subject. */
export const SUBJECT_ROOT = 'mileva';

/**
 * Placeholder that a corpus service replaces with the corpus it serves
 * (`national`, an académie code, or `*` when one process serves every corpus).
 */
export const CORPUS_PLACEHOLDER = '{corpus}';

/** Wildcard corpus: one process serves every corpus of its database (standalone mode). */
export const ALL_CORPORA = '*';

/** Header that carries the correlation id of a request across services. */
export const CORRELATION_HEADER = 'x-correlation-id';

/** Subjects answered by a platform service (one per platform). */
export const PlatformSubjects = {
  health: (service: PlatformServiceName): string => `${SUBJECT_ROOT}.${service}.health`,
  ping: (service: PlatformServiceName): string => `${SUBJECT_ROOT}.${service}.ping`,
} as const;

/**
 * Subjects answered by a corpus service. Servers subscribe with the `{corpus}` template
 * (see {@link corpusPattern}); clients address one corpus with {@link corpusSubject}.
 */
export const CorpusSubjects = {
  health: (service: CorpusServiceName): string => corpusPattern(`${service}.health`),
  ping: (service: CorpusServiceName): string => corpusPattern(`${service}.ping`),
} as const;

/** Builds a corpus subject template: `mileva.corpus.{corpus}.<suffix>`. */
export function corpusPattern(suffix: string): string {
  return `${SUBJECT_ROOT}.corpus.${CORPUS_PLACEHOLDER}.${suffix}`;
}

/** Fills a corpus subject template for one corpus: `mileva.corpus.lyon.retrieval.health`. */
export function corpusSubject(pattern: string, corpus: string): string {
  if (!pattern.includes(CORPUS_PLACEHOLDER)) {
    throw new Error(`Subject ${pattern} is not a corpus subject`);
  }
  if (!/^(\*|[a-z][a-z0-9-]*)$/.test(corpus)) {
    throw new Error(`Invalid corpus code: ${corpus}`);
  }
  return pattern.replace(CORPUS_PLACEHOLDER, corpus);
}

/**
 * Reads the corpus code out of a concrete corpus subject
 * (`mileva.corpus.lyon.retrieval.health` → `lyon`).
 */
export function corpusOfSubject(subject: string): string | undefined {
  const parts = subject.split('.');
  return parts[0] === SUBJECT_ROOT && parts[1] === 'corpus' ? parts[2] : undefined;
}
