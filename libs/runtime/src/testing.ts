// Test helpers of the runtime (not part of the main barrel).
export * from './lib/testing/nats-server';
export * from './lib/testing/free-port';
export * from './lib/testing/service-harness';
