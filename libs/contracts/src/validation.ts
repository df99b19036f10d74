// Server entry point: runtime schemas of every payload. The portal imports types from the main entry only.
export * from './lib/schemas/health.schema';
export * from './lib/schemas/ingestion.schema';
export * from './lib/schemas/retrieval.schema';
export * from './lib/schemas/generation.schema';
export * from './lib/schemas/session.schema';
export * from './lib/schemas/conversations.schema';
export * from './lib/schemas/settings.schema';
export * from './lib/schemas/analytics.schema';
