import { z } from 'zod';
import { USER_ROLES } from '../session';

/** `POST /api/v1/session/dev`; the académie code is checked against the taxonomy by the gateway. */
export const DevSignInRequestSchema = z.object({
  role: z.enum(USER_ROLES, { error: `le rôle doit être l’un de : ${USER_ROLES.join(', ')}` }),
  academie: z.string({ error: 'l’académie est requise' }).min(1, 'l’académie est requise').max(50),
});
