export * from './lib/embedding-provider';
export * from './lib/embedding-error';
export * from './lib/vector';
export * from './lib/hashed-ngram/hashed-ngram.embedder';
