import { Module } from '@nestjs/common';
import { Subjects } from '@mileva/contracts';
import { createHealthController, type ServiceDefinition } from '@mileva/runtime';

/** Ingestion of an académie's or the national corpus: parsing, chunking, embedding, storing. */
@Module({
  controllers: [createHealthController('ingestion', Subjects.ingestion, { usesDatabase: true })],
})
export class IngestionModule {}

export const INGESTION_SERVICE: ServiceDefinition = {
  name: 'ingestion',
  module: IngestionModule,
  usesDatabase: true,
  perCorpus: true,
};
