export * from './lib/analytics.module';
export * from './lib/aggregates/aggregates.service';
export * from './lib/aggregates/suppression';
export * from './lib/facts/events.consumer';
export * from './lib/facts/fact-store';
