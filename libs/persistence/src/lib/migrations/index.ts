import { InitialSchema1795597200000 } from './1795597200000-initial-schema';
import { AnswersAsDocuments1795600800000 } from './1795600800000-answers-as-documents';
import { MessageDrafts1795604400000 } from './1795604400000-message-drafts';
import { EventOutbox1795608000000 } from './1795608000000-event-outbox';
import { InstructionContactAddress1795611600000 } from './1795611600000-instruction-contact-address';

/** Every migration, oldest first. Append new ones; never edit or reorder a landed one. */
export const MIGRATIONS = [InitialSchema1795597200000, AnswersAsDocuments1795600800000, MessageDrafts1795604400000, EventOutbox1795608000000, InstructionContactAddress1795611600000] as const;
