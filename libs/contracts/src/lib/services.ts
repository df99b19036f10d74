/** Every backend service of MILEVA, as named in subjects, logs and health reports. */
export const SERVICE_NAMES = ['gateway', 'ingestion', 'retrieval', 'generation', 'anonymization', 'analytics'] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Services that belong to a corpus (national or one académie) and answer on corpus-namespaced subjects. */
export const CORPUS_SERVICE_NAMES = ['ingestion', 'retrieval'] as const;

export type CorpusServiceName = (typeof CORPUS_SERVICE_NAMES)[number];

/** Services that exist once for the whole platform and answer on their own subjects. */
export const PLATFORM_SERVICE_NAMES = ['generation', 'anonymization', 'analytics'] as const;

export type PlatformServiceName = (typeof PLATFORM_SERVICE_NAMES)[number];

/** Services reached over the message bus (every service but the gateway). */
export type BackendServiceName = CorpusServiceName | PlatformServiceName;

export const BACKEND_SERVICE_NAMES: readonly BackendServiceName[] = [...CORPUS_SERVICE_NAMES, ...PLATFORM_SERVICE_NAMES];

export function isServiceName(name: unknown): name is ServiceName {
  return typeof name === 'string' && (SERVICE_NAMES as readonly string[]).includes(name);
}

export function isCorpusService(name: ServiceName): name is CorpusServiceName {
  return (CORPUS_SERVICE_NAMES as readonly string[]).includes(name);
}
