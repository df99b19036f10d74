import { Module } from '@nestjs/common';
import { Subjects } from '@mileva/contracts';
import { createHealthController, type ServiceDefinition } from '@mileva/runtime';
import { AnonymizationController } from './anonymization.controller';
import { AnonymizationService } from './anonymization.service';

/** Detection and reversible pseudonymization of personal data. */
@Module({
  controllers: [createHealthController('anonymization', Subjects.anonymization, { usesDatabase: false }), AnonymizationController],
  providers: [AnonymizationService],
  exports: [AnonymizationService],
})
export class AnonymizationModule {}

export const ANONYMIZATION_SERVICE: ServiceDefinition = {
  name: 'anonymization',
  module: AnonymizationModule,
  usesDatabase: false,
  perCorpus: false,
};
