export * from './lib/ingestion.module';
export * from './lib/ingestion.service';
export * from './lib/answers/answers.service';
export * from './lib/answers/answers-file';
export * from './lib/seed/national-seeder';
export * from './lib/pipeline/source-file';
export type { IngestionFailure, IngestionSummary } from '@mileva/contracts';
