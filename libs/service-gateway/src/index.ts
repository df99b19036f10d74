export * from './lib/gateway.module';
export * from './lib/search/corpus-search.service';
export * from './lib/questions/pseudonym-session.store';
export * from './lib/questions/question.service';
export * from './lib/questions/ask.service';
export * from './lib/auth/request-user';
