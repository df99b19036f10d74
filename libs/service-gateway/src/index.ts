export * from './lib/gateway.module';
export * from './lib/search/corpus-search.service';
