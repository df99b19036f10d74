import { z } from 'zod';
import { FEEDBACK_COMMENT_MAX_CHARS, FEEDBACK_MINUTES_MAX, FEEDBACK_OUTCOMES, FEEDBACK_REASONS } from '../conversations';

/** `POST /api/v1/messages/:messageId/feedback`. */
export const FeedbackRequestSchema = z.strictObject({
  useful: z.boolean({ error: 'useful doit valoir true ou false' }),
  reasons: z
    .array(z.enum(FEEDBACK_REASONS, { error: `chaque raison doit être l’une de : ${FEEDBACK_REASONS.join(', ')}` }))
    .max(FEEDBACK_REASONS.length)
    .refine((reasons) => new Set(reasons).size === reasons.length, { error: 'une raison est donnée deux fois' })
    .optional(),
  outcome: z.enum(FEEDBACK_OUTCOMES, { error: `outcome doit être l’un de : ${FEEDBACK_OUTCOMES.join(', ')}` }).optional(),
  minutesSaved: z
    .number({ error: 'minutesSaved doit être un nombre de minutes' })
    .int('minutesSaved doit être un nombre entier de minutes')
    .min(0, 'minutesSaved doit être positif ou nul')
    .max(FEEDBACK_MINUTES_MAX, `minutesSaved ne peut dépasser ${FEEDBACK_MINUTES_MAX}`)
    .optional(),
  comment: z.string({ error: 'comment doit être un texte' }).max(FEEDBACK_COMMENT_MAX_CHARS, `comment dépasse ${FEEDBACK_COMMENT_MAX_CHARS.toLocaleString('fr-FR')} caractères`).optional(),
});
