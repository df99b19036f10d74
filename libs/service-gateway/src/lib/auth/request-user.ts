import { CanActivate, createParamDecorator, ExecutionContext, HttpException, HttpStatus, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { SessionService } from './session.service';
import type { RequestUser, Role } from './user';

export { devUser, parseDevAuthorization, ROLES, type RequestUser, type Role } from './user';

const ROLES_KEY = 'mileva:roles';
/** Roles allowed on a route. */
export const AllowRoles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** The caller, set by {@link UserGuard}. */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): RequestUser => {
  return (context.switchToHttp().getRequest<Request & { user: RequestUser }>()).user;
});

/**
 * Identifies the caller and checks the route's roles. A browser is identified by its session
 * cookie; outside production a script may send the development header instead (never in
 * production, where the OIDC sign-in is the only way in).
 */
@Injectable()
export class UserGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { user?: RequestUser }>();
    const user = this.sessions.authenticate(request);
    if (!user) {
      throw new HttpException({ code: 'UNAUTHENTICATED', message: this.sessions.signInHint() }, HttpStatus.UNAUTHORIZED);
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (roles && !roles.includes(user.role)) {
      throw new HttpException({ code: 'FORBIDDEN', message: `Le rôle « ${user.role} » ne donne pas accès à cette fonction.` }, HttpStatus.FORBIDDEN);
    }
    request.user = user;
    return true;
  }
}
