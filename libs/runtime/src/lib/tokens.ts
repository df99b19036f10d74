/** Injection tokens of the runtime. */
export const MILEVA_CONFIG = Symbol('MILEVA_CONFIG');
export const MILEVA_DATABASE = Symbol('MILEVA_DATABASE');
export const MILEVA_TRANSPORT = Symbol('MILEVA_TRANSPORT');
export const MILEVA_EMBEDDINGS = Symbol('MILEVA_EMBEDDINGS');
/** The process's durable event log (JetStream, or the outbox table in standalone mode). */
export const MILEVA_EVENT_LOG = Symbol('MILEVA_EVENT_LOG');
