export * from './lib/anonymization.module';
