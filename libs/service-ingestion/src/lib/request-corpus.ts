import type { NatsContext } from '@nestjs/microservices';
import { corpusOfSubject } from '@mileva/contracts';
import { ServiceError } from '@mileva/runtime';

/** Corpus of the subject a request came on: a corpus service only ever touches that corpus. */
export function requestCorpus(context: NatsContext): string {
  const corpus = corpusOfSubject(context.getSubject());
  if (!corpus || corpus === '*') throw new ServiceError('BAD_REQUEST', 'Corpus absent du sujet de la requête.');
  return corpus;
}
