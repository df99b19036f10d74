import { Module } from '@nestjs/common';
import { Subjects } from '@mileva/contracts';
import { createHealthController, type ServiceDefinition } from '@mileva/runtime';

/** Aggregate, anonymous usage analytics. */
@Module({
  controllers: [createHealthController('analytics', Subjects.analytics, { usesDatabase: true })],
})
export class AnalyticsModule {}

export const ANALYTICS_SERVICE: ServiceDefinition = {
  name: 'analytics',
  module: AnalyticsModule,
  usesDatabase: true,
  perCorpus: false,
};
