export * from './lib/ingestion.module';
