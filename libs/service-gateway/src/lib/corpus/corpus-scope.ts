import { createParamDecorator, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { isCorpusCode } from '@mileva/rh-taxonomy';
import { ServiceError } from '@mileva/runtime';
import type { Request } from 'express';
import type { RequestUser } from '../auth/user';

/**
 * The corpus a corpus-management request acts on. It comes from the signed-in user, never from
 * the request body: an expert manages their own académie's corpus only (asking for another is
 * refused); an administrator may name any corpus, `national` included, and has their own by default.
 */
export function managedCorpus(user: RequestUser, requested: unknown): string {
  if (requested !== undefined && typeof requested !== 'string') {
    throw new ServiceError('BAD_REQUEST', 'Un seul corpus par requête : donnez corpus une seule fois.');
  }
  const wanted = requested?.trim() ? requested.trim().toLowerCase() : undefined;
  if (wanted !== undefined && !isCorpusCode(wanted)) {
    throw new ServiceError('BAD_REQUEST', `Corpus inconnu : « ${wanted.slice(0, 40)} ». Donnez « national » ou le code d’une académie (lyon, aix-marseille…).`);
  }
  if (user.role === 'admin') return wanted ?? user.academie;
  if (wanted !== undefined && wanted !== user.academie) {
    throw new ServiceError('FORBIDDEN', 'Vous ne gérez que le corpus de votre académie : un autre corpus relève de ses propres experts ou d’un administrateur.');
  }
  return user.academie;
}

/** Whether the user may see what belongs to `corpus` (a job, a document). */
export function managesCorpus(user: RequestUser, corpus: string): boolean {
  return user.role === 'admin' || user.academie === corpus;
}

const CORPUS_KEY = Symbol('mileva:managedCorpus');

/**
 * Decides the corpus of a corpus-management request (after {@link UserGuard}), before anything of
 * its body is read: an expert naming another académie's corpus is refused at once.
 */
@Injectable()
export class CorpusScopeGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { user: RequestUser; [CORPUS_KEY]?: string }>();
    request[CORPUS_KEY] = managedCorpus(request.user, request.query['corpus']);
    return true;
  }
}

/** The corpus decided by {@link CorpusScopeGuard}. */
export const ManagedCorpus = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const corpus = context.switchToHttp().getRequest<Request & { [CORPUS_KEY]?: string }>()[CORPUS_KEY];
  if (!corpus) throw new Error('CorpusScopeGuard did not run before this handler');
  return corpus;
});
