import { z } from 'zod';
import { INSTRUCTIONS_MAX_CHARS, SETTINGS_SHORT_TEXT_MAX_CHARS } from '../corpus';

/** An optional text: absent, null or blank means "none". */
function optionalText(name: string, max: number) {
  return z.preprocess(
    (value) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : typeof value === 'string' ? value.trim() : value),
    z
      .string({ error: `${name} doit être un texte` })
      .max(max, `${name} dépasse ${max.toLocaleString('fr-FR')} caractères`)
      .optional(),
  );
}

/** An e-mail address, or a web address in http(s). */
const contactAddress = z.union([z.email(), z.url({ protocol: /^https?$/ })], {
  error: 'contactAddress doit être une adresse électronique (nom@ac-academie.fr) ou une adresse web en https://',
});

/**
 * Body of `PUT /api/v1/instructions`: the académie's answer instructions, AI-use mention and
 * contact, replaced as a whole (a field left out is cleared).
 */
export const AcademieSettingsRequestSchema = z
  .object({
    instructions: optionalText('instructions', INSTRUCTIONS_MAX_CHARS),
    aiNotice: optionalText('aiNotice', SETTINGS_SHORT_TEXT_MAX_CHARS),
    contact: optionalText('contact', SETTINGS_SHORT_TEXT_MAX_CHARS),
    contactAddress: z.preprocess(
      (value) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : typeof value === 'string' ? value.trim() : value),
      contactAddress.optional(),
    ),
  })
  .refine((settings) => settings.contactAddress === undefined || settings.contact !== undefined, {
    error: 'donnez aussi le nom du contact (contact) : une adresse seule ne dit pas à qui s’adresser',
    path: ['contact'],
  });
