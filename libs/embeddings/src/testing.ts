// Test helpers of the embeddings lib (not part of the main barrel).
export * from './lib/testing/fake-embeddings-server';
