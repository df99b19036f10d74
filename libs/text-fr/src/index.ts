export * from './lib/normalize';
export * from './lib/sentences';
export * from './lib/chunking';
export * from './lib/tokenize';
