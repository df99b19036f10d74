import { USER_ROLES, type UserRole } from '@mileva/contracts';
import { isCorpusCode } from '@mileva/rh-taxonomy';

export const ROLES = USER_ROLES;
export type Role = UserRole;

/** Who calls the API: an identifier, an académie (or `national`), a role and, from the identity provider, a name. */
export interface RequestUser {
  readonly id: string;
  readonly academie: string;
  readonly role: Role;
  readonly name?: string;
}

const DEV_SCHEME = /^Dev\s+([a-z]+)@([a-z-]+)$/i;

/**
 * Reads the development sign-in header `Authorization: Dev <role>@<académie>` (`Dev
 * gestionnaire@lyon`, `Dev dgrh@national`). Returns undefined when the header is absent or not of
 * that form, so that the guard answers 401 with what to send.
 */
export function parseDevAuthorization(header: string | undefined): RequestUser | undefined {
  const match = header ? DEV_SCHEME.exec(header.trim()) : null;
  if (!match) return undefined;
  return devUser(match[1], match[2]);
}

/** The development user of a role and an académie, or undefined when either is unknown. */
export function devUser(role: string, academie: string): RequestUser | undefined {
  const roleCode = role.toLowerCase();
  const academieCode = academie.toLowerCase();
  if (!(ROLES as readonly string[]).includes(roleCode) || !isCorpusCode(academieCode)) return undefined;
  return { id: `dev:${roleCode}@${academieCode}`, academie: academieCode, role: roleCode as Role };
}
