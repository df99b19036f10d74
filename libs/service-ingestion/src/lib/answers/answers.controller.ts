import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import { Subjects, type AnswerEntry } from '@mileva/contracts';
import { ListAnswersRequestSchema, ReviewAnswerRequestSchema } from '@mileva/contracts/validation';
import { parsePayload } from '@mileva/runtime';
import { requestCorpus } from '../request-corpus';
import { AnswersService } from './answers.service';

@Controller()
export class AnswersController {
  constructor(private readonly answers: AnswersService) {}

  @MessagePattern(Subjects.ingestion.listAnswers)
  list(@Payload() payload: unknown, @Ctx() context: NatsContext): Promise<AnswerEntry[]> {
    const request = parsePayload(ListAnswersRequestSchema, payload);
    return this.answers.list(requestCorpus(context), request.status);
  }

  @MessagePattern(Subjects.ingestion.reviewAnswer)
  review(@Payload() payload: unknown, @Ctx() context: NatsContext): Promise<AnswerEntry> {
    const { v: _v, ...request } = parsePayload(ReviewAnswerRequestSchema, payload);
    return this.answers.review(requestCorpus(context), request);
  }
}
