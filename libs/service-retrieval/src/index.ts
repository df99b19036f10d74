export * from './lib/retrieval.module';
