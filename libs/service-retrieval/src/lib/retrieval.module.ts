import { Module } from '@nestjs/common';
import { Subjects } from '@mileva/contracts';
import { createHealthController, type ServiceDefinition } from '@mileva/runtime';
import { RetrievalController } from './retrieval.controller';
import { RetrievalService } from './retrieval.service';

/** Hybrid search over a corpus (vector similarity and French full text). */
@Module({
  controllers: [createHealthController('retrieval', Subjects.retrieval, { usesDatabase: true }), RetrievalController],
  providers: [RetrievalService],
  exports: [RetrievalService],
})
export class RetrievalModule {}

export const RETRIEVAL_SERVICE: ServiceDefinition = {
  name: 'retrieval',
  module: RetrievalModule,
  usesDatabase: true,
  perCorpus: true,
};
