import { AnalyticsFactEntity } from './analytics-fact.entity';
import { ChunkEntity } from './chunk.entity';
import { ConversationEntity } from './conversation.entity';
import { DocumentEntity } from './document.entity';
import { EventOutboxEntity } from './event-outbox.entity';
import { FeedbackEntity } from './feedback.entity';
import { InstructionEntity } from './instruction.entity';
import { MessageEntity } from './message.entity';
import { QaEntryEntity } from './qa-entry.entity';

export { AnalyticsFactEntity } from './analytics-fact.entity';
export { CHUNK_TSV_EXPRESSION, ChunkEntity } from './chunk.entity';
export { ConversationEntity } from './conversation.entity';
export {
  DOCUMENT_STATUSES,
  DocumentEntity,
  type DocumentStatus,
} from './document.entity';
export { EventOutboxEntity } from './event-outbox.entity';
export { FeedbackEntity } from './feedback.entity';
export { InstructionEntity } from './instruction.entity';
export {
  MESSAGE_ROLES,
  MessageEntity,
  type MessageRole,
} from './message.entity';
export {
  QA_REVIEW_STATUSES,
  QaEntryEntity,
  type QaReviewStatus,
} from './qa-entry.entity';

/** Every entity, registered in each DataSource built by this library. */
export const ENTITIES = [
  DocumentEntity,
  ChunkEntity,
  QaEntryEntity,
  ConversationEntity,
  MessageEntity,
  FeedbackEntity,
  InstructionEntity,
  AnalyticsFactEntity,
  EventOutboxEntity,
] as const;
