import { Module } from '@nestjs/common';
import { Subjects } from '@mileva/contracts';
import { createHealthController, type ServiceDefinition } from '@mileva/runtime';

/** Detection and reversible pseudonymization of personal data. */
@Module({
  controllers: [createHealthController('anonymization', Subjects.anonymization, { usesDatabase: false })],
})
export class AnonymizationModule {}

export const ANONYMIZATION_SERVICE: ServiceDefinition = {
  name: 'anonymization',
  module: AnonymizationModule,
  usesDatabase: false,
  perCorpus: false,
};
