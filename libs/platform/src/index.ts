export * from './lib/platform';
export * from './lib/services';
export * from './lib/run-process';
export * from './lib/version';
export * from './lib/commands/ingest.command';
export * from './lib/commands/bench-ingest.command';
