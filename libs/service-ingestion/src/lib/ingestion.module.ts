import { Module } from '@nestjs/common';
import { Subjects } from '@mileva/contracts';
import { createHealthController, type ServiceDefinition } from '@mileva/runtime';
import { AnswersController } from './answers/answers.controller';
import { DocumentEvents } from './analytics/document-events';
import { AnswersService } from './answers/answers.service';
import { IngestionController } from './ingestion.controller';
import { IngestionService } from './ingestion.service';
import { NationalSeeder } from './seed/national-seeder';

/** Ingestion of an académie's or the national corpus: parsing, chunking, embedding, storing; the base of previous answers. */
@Module({
  controllers: [createHealthController('ingestion', Subjects.ingestion, { usesDatabase: true }), IngestionController, AnswersController],
  providers: [IngestionService, AnswersService, NationalSeeder, DocumentEvents],
  exports: [IngestionService, AnswersService, NationalSeeder],
})
export class IngestionModule {}

export const INGESTION_SERVICE: ServiceDefinition = {
  name: 'ingestion',
  module: IngestionModule,
  usesDatabase: true,
  perCorpus: true,
};
