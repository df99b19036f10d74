// Browser-safe entry point: constants and types, no server code.
export * from './lib/services';
export * from './lib/subjects';
export * from './lib/errors';
export type * from './lib/health';
export { HEALTH_CONTRACT_VERSION } from './lib/health';
export type * from './lib/ingestion';
export { INGESTION_CONTRACT_VERSION } from './lib/ingestion';
export type * from './lib/anonymization';
export { ANONYMIZATION_CONTRACT_VERSION } from './lib/anonymization';
export type * from './lib/retrieval';
export { RETRIEVAL_CONTRACT_VERSION } from './lib/retrieval';
export type * from './lib/generation';
export { GENERATION_CONTRACT_VERSION } from './lib/generation';
export * from './lib/session';
export type * from './lib/conversations';
export { FEEDBACK_COMMENT_MAX_CHARS, FEEDBACK_MINUTES_MAX, FEEDBACK_OUTCOMES, FEEDBACK_REASONS } from './lib/conversations';
