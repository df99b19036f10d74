export * from './lib/excluded-use';
export * from './lib/prompt';
export * from './lib/extractive';
export * from './lib/citations';
export * from './lib/replies';
export * from './lib/finish';
export { followUpQuestions, MAX_FOLLOW_UP_QUESTIONS } from './lib/follow-up';
export { MAX_RELATED_RIGHTS } from './lib/related-rights';
