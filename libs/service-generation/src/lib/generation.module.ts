import { Module } from '@nestjs/common';
import { Subjects } from '@mileva/contracts';
import { createHealthController, type ServiceDefinition } from '@mileva/runtime';
import { DraftService } from './draft.service';
import { GenerationController } from './generation.controller';

/** Drafting answers from retrieved passages, with or without a language model. */
@Module({
  controllers: [createHealthController('generation', Subjects.generation, { usesDatabase: false }), GenerationController],
  providers: [DraftService],
  exports: [DraftService],
})
export class GenerationModule {}

export const GENERATION_SERVICE: ServiceDefinition = {
  name: 'generation',
  module: GenerationModule,
  usesDatabase: false,
  perCorpus: false,
};
