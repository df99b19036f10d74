export * from './lib/retrieval.module';
export * from './lib/retrieval.service';
export * from './lib/search/fusion';
export { SearchRepository } from './lib/search/search.repository';
export { TextIndex, TextIndexBuilder } from './lib/search/text-index';
