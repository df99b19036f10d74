// Browser-safe entry point: constants and types, no server code.
export * from './lib/services';
export * from './lib/subjects';
export * from './lib/errors';
export type * from './lib/health';
export { HEALTH_CONTRACT_VERSION } from './lib/health';
export type * from './lib/ingestion';
export { ANSWERS_FILE_EXTENSIONS, CORPUS_DOCUMENT_EXTENSIONS, INGESTION_CONTRACT_VERSION } from './lib/ingestion';
export type * from './lib/anonymization';
export { ANONYMIZATION_CONTRACT_VERSION } from './lib/anonymization';
export type * from './lib/retrieval';
export { RETRIEVAL_CONTRACT_VERSION } from './lib/retrieval';
export type * from './lib/generation';
export { GENERATION_CONTRACT_VERSION } from './lib/generation';
export * from './lib/session';
export type * from './lib/conversations';
export { FEEDBACK_COMMENT_MAX_CHARS, FEEDBACK_MINUTES_MAX, FEEDBACK_OUTCOMES, FEEDBACK_REASONS } from './lib/conversations';
export type * from './lib/corpus';
export { CORPUS_MANAGING_ROLES, CORPUS_UPLOAD_MAX_FILES, INSTRUCTIONS_MAX_CHARS, SETTINGS_SHORT_TEXT_MAX_CHARS } from './lib/corpus';
export type * from './lib/analytics';
export {
  ANALYTICS_ALL,
  ANALYTICS_BREAKDOWNS,
  ANALYTICS_CONTRACT_VERSION,
  ANALYTICS_EVENT_TYPES,
  ANALYTICS_EVENTS_ROOT,
  ANALYTICS_GRANULARITIES,
  ANALYTICS_MIN_USERS,
  ANALYTICS_NO_THEME,
  ANALYTICS_TIME_ZONE,
  analyticsEventSubject,
} from './lib/analytics';
