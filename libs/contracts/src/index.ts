// Types-only and browser-safe entry point: constants and interfaces, no server code.
export * from './lib/services';
export * from './lib/subjects';
export * from './lib/errors';
export type * from './lib/health';
export { HEALTH_CONTRACT_VERSION } from './lib/health';
