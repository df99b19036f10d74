import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { Role } from './api.model';
import { HANDLES_UNAUTHENTICATED, RETURN_PARAM, SessionStore, SIGN_IN_PATH } from './session-store';

/**
 * Lets signed-in users with one of `roles` in; sends signed-out users to the sign-in page (then back here)
 * and users of another role to the home page.
 */
export function sessionGuard(roles?: readonly Role[]): CanActivateFn {
  return async (_route, state) => {
    const router = inject(Router);
    const user = await inject(SessionStore).current();
    if (!user) {
      return router.createUrlTree(['/', SIGN_IN_PATH], { queryParams: { [RETURN_PARAM]: state.url } });
    }
    return !roles || roles.includes(user.role) ? true : router.createUrlTree(['/']);
  };
}

/** Matches a route only for signed-in users of one of `roles` (a role's own version of a page). */
export function roleMatch(roles: readonly Role[]): CanMatchFn {
  return async () => {
    const user = await inject(SessionStore).current();
    return user !== null && roles.includes(user.role);
  };
}

/** A 401 from any API call means the session expired: forget the user and open the sign-in page. */
export const unauthenticatedInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(SessionStore);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && !request.context.get(HANDLES_UNAUTHENTICATED)) {
        session.expire();
      }
      return throwError(() => error);
    }),
  );
};
