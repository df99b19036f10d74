export * from './lib/generation.module';
