import { Module } from '@nestjs/common';
import { Subjects } from '@mileva/contracts';
import { createHealthController, type ServiceDefinition } from '@mileva/runtime';

/** Drafting answers from retrieved passages, with or without a language model. */
@Module({
  controllers: [createHealthController('generation', Subjects.generation, { usesDatabase: false })],
})
export class GenerationModule {}

export const GENERATION_SERVICE: ServiceDefinition = {
  name: 'generation',
  module: GenerationModule,
  usesDatabase: false,
  perCorpus: false,
};
