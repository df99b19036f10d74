import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import { corpusOfSubject, Subjects, type SearchResponse } from '@mileva/contracts';
import { SearchRequestSchema } from '@mileva/contracts/validation';
import { parsePayload, ServiceError } from '@mileva/runtime';
import { RetrievalService } from './retrieval.service';

@Controller()
export class RetrievalController {
  constructor(private readonly retrieval: RetrievalService) {}

  /** Searches the corpus named by the subject, and only that one. */
  @MessagePattern(Subjects.retrieval.search)
  search(@Payload() payload: unknown, @Ctx() context: NatsContext): Promise<SearchResponse> {
    const { v: _v, ...request } = parsePayload(SearchRequestSchema, payload);
    const corpus = corpusOfSubject(context.getSubject());
    if (!corpus || corpus === '*') throw new ServiceError('BAD_REQUEST', 'Corpus absent du sujet de la requête.');
    return this.retrieval.search(corpus, request);
  }
}
