export * from './event-log';
export * from './jetstream-event-log';
export * from './outbox-event-log';
export * from './create-event-log';
