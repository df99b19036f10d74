/**
 * Fixed French wordings of drafts: salutation, closing, the "not in the documents" reply and the
 * AI-use mention.
 */
import type { AcademieDraftSettings } from '@mileva/contracts';

/** Who the agent is pointed to when the académie has not configured a contact. */
export const DEFAULT_CONTACT = 'le service des ressources humaines de votre académie';

export const GREETING = 'Bonjour,';
export const CLOSING = 'Je reste à votre disposition pour tout complément.\n\nCordialement,';

/** The AI-use mention appended to every draft when the académie has not set its own wording. */
export const DEFAULT_AI_NOTICE =
  "Cette réponse a été préparée avec l'aide de MILEVA, outil d'intelligence artificielle du ministère, à partir des documents cités ; elle a été vérifiée et complétée par votre gestionnaire RH avant envoi.";

/** The académie's contact, or {@link DEFAULT_CONTACT}. */
export function contactOf(settings?: AcademieDraftSettings): string {
  const contact = settings?.contact?.trim();
  return contact === undefined || contact === '' ? DEFAULT_CONTACT : contact;
}

/** The AI-use mention of an académie (its wording, or {@link DEFAULT_AI_NOTICE}). */
export function aiNotice(settings?: AcademieDraftSettings): string {
  const notice = settings?.aiNotice?.trim();
  return notice === undefined || notice === '' ? DEFAULT_AI_NOTICE : notice;
}

/**
 * The reply when the documents do not answer: says so plainly and points to the académie's contact,
 * without any rule, figure or guess.
 */
export function notInDocumentsReply(settings?: AcademieDraftSettings): string {
  return [
    GREETING,
    'Les documents de référence dont nous disposons ne permettent pas de répondre à votre question : ils ne traitent pas de cette situation.',
    `Pour obtenir une réponse fiable, je vous invite à vous adresser ${toContact(contactOf(settings))}, en précisant votre situation.`,
    'Cordialement,',
  ].join('\n\n');
}

/** « à » before a contact, contracted with its article: « au service… », « aux services… », « à la division… ». */
export function toContact(contact: string): string {
  if (/^le\s/i.test(contact)) return `au ${contact.replace(/^le\s+/i, '')}`;
  if (/^les\s/i.test(contact)) return `aux ${contact.replace(/^les\s+/i, '')}`;
  return `à ${contact}`;
}

/** Appends the AI-use mention to a reply. */
export function withAiNotice(answer: string, notice: string): string {
  return `${answer.trimEnd()}\n\n---\n${notice}`;
}
