export * from './lib/generation.module';
export * from './lib/draft.service';
