import { CanActivate, createParamDecorator, ExecutionContext, HttpException, HttpStatus, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isCorpusCode } from '@mileva/rh-taxonomy';
import { MILEVA_CONFIG, type MilevaConfig } from '@mileva/runtime';
import type { Request } from 'express';

export const ROLES = ['gestionnaire', 'expert', 'superviseur', 'dgrh', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who calls the API: an identifier, an académie (or `national`) and a role. */
export interface RequestUser {
  readonly id: string;
  readonly academie: string;
  readonly role: Role;
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
  const role = match[1].toLowerCase();
  const academie = match[2].toLowerCase();
  if (!(ROLES as readonly string[]).includes(role) || !isCorpusCode(academie)) return undefined;
  return { id: `dev:${role}@${academie}`, academie, role: role as Role };
}

const ROLES_KEY = 'mileva:roles';
/** Roles allowed on a route. */
export const AllowRoles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The caller, set by {@link UserGuard}. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): RequestUser => {
  return (context.switchToHttp().getRequest<Request & { user: RequestUser }>()).user;
});

/**
 * Identifies the caller and checks the route's roles. Outside production the development
 * header is accepted; in production it never is (the OIDC sign-in takes over).
 */
@Injectable()
export class UserGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(MILEVA_CONFIG) private readonly config: MilevaConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { user?: RequestUser }>();
    const user = this.config.nodeEnv === 'production' ? undefined : parseDevAuthorization(request.header('authorization'));
    if (!user) {
      throw new HttpException(
        { code: 'UNAUTHENTICATED', message: 'Connexion requise : envoyez l’en-tête « Authorization: Dev <rôle>@<académie> » (ex. Dev gestionnaire@lyon).' },
        HttpStatus.UNAUTHORIZED,
      );
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (roles && !roles.includes(user.role)) {
      throw new HttpException({ code: 'FORBIDDEN', message: `Le rôle « ${user.role} » ne donne pas accès à cette fonction.` }, HttpStatus.FORBIDDEN);
    }
    request.user = user;
    return true;
  }
}
