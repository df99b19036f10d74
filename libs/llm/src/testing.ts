// Test helpers of the llm lib (not part of the main barrel): local servers that speak the
// providers' streaming wire formats, to test clients and services without a model.
export * from './lib/testing/fake-llm-server';
export { findClosedPort } from '@mileva/embeddings/testing';
