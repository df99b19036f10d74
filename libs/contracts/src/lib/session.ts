/** Roles of MILEVA's users. */
export const USER_ROLES = ['gestionnaire', 'expert', 'superviseur', 'dgrh', 'admin'] as const;

export type UserRole = (typeof USER_ROLES)[number];

/** Roles that ask questions and keep conversations (the DGRH reads national aggregates only). */
export const ASKING_ROLES: readonly UserRole[] = ['gestionnaire', 'expert', 'superviseur', 'admin'];

/** How browsers sign in: the development form (pick a role and an académie) or the identity provider. */
export type SignInMode = 'dev' | 'oidc';

/** Who is signed in (`GET /api/v1/session`). */
export interface SessionUser {
  readonly id: string;
  /** An académie code, or `national`. */
  readonly academie: string;
  readonly role: UserRole;
  readonly name?: string;
}

/** `GET /api/v1/session`, `POST /api/v1/session/dev`. */
export interface SessionResponse {
  readonly user: SessionUser;
  readonly mode: SignInMode;
}

/** `GET /api/v1/session/options`: what the sign-in page offers (lists are empty with an identity provider). */
export interface SessionOptions {
  readonly mode: SignInMode;
  readonly roles: readonly UserRole[];
  readonly academies: readonly { readonly code: string; readonly name: string }[];
}

/** Body of `POST /api/v1/session/dev`. */
export interface DevSignInRequest {
  readonly role: UserRole;
  readonly academie: string;
}
