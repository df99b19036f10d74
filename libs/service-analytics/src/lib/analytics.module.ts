import { Module } from '@nestjs/common';
import { Subjects } from '@mileva/contracts';
import { createHealthController, type ServiceDefinition } from '@mileva/runtime';
import { AggregatesService } from './aggregates/aggregates.service';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsEventsConsumer } from './facts/events.consumer';

/** Aggregate, anonymous usage analytics: events recorded once as facts, aggregates with small-cell suppression. */
@Module({
  controllers: [createHealthController('analytics', Subjects.analytics, { usesDatabase: true }), AnalyticsController],
  providers: [AnalyticsEventsConsumer, AggregatesService],
  exports: [AnalyticsEventsConsumer, AggregatesService],
})
export class AnalyticsModule {}

export const ANALYTICS_SERVICE: ServiceDefinition = {
  name: 'analytics',
  module: AnalyticsModule,
  usesDatabase: true,
  perCorpus: false,
};
