/** Every backend service of MILEVA, as named in subjects, logs and health reports. */
export const SERVICE_NAMES = [
  'gateway',
  'ingestion',
  'retrieval',
  'generation',
  'anonymization',
  'analytics',
] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Services that belong to a corpus (national or one académie) and answer on corpus-namespaced subjects. */
export const CORPUS_SERVICE_NAMES = ['ingestion', 'retrieval'] as const;

export type CorpusServiceName = (typeof CORPUS_SERVICE_NAMES)[number];

/** Services that exist once for the whole platform. */
export const PLATFORM_SERVICE_NAMES = ['generation', 'anonymization', 'analytics'] as const;

export type PlatformServiceName = (typeof PLATFORM_SERVICE_NAMES)[number];

export function isCorpusService(name: ServiceName): name is CorpusServiceName {
  return (CORPUS_SERVICE_NAMES as readonly string[]).includes(name);
}
