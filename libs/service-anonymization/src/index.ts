export * from './lib/anonymization.module';
export * from './lib/anonymization.service';
