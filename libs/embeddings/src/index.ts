export * from './lib/embedding-provider';
export * from './lib/embedding-error';
export * from './lib/vector';
export * from './lib/hashed-ngram/hashed-ngram.embedder';
export * from './lib/openai/openai-compatible.embedder';
export * from './lib/create-embedding-provider';
export * from './lib/benchmark';
export * from './lib/http';
