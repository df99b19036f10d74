import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import { Subjects, type AnswerEntry, type IngestionSummary } from '@mileva/contracts';
import { ImportAnswersRequestSchema, ListAnswersRequestSchema, ReviewAnswerRequestSchema } from '@mileva/contracts/validation';
import { parsePayload, ServiceError } from '@mileva/runtime';
import { requestCorpus } from '../request-corpus';
import { AnswersFileError } from './answers-file';
import { AnswersService } from './answers.service';

@Controller()
export class AnswersController {
  constructor(private readonly answers: AnswersService) {}

  @MessagePattern(Subjects.ingestion.listAnswers)
  list(@Payload() payload: unknown, @Ctx() context: NatsContext): Promise<AnswerEntry[]> {
    const request = parsePayload(ListAnswersRequestSchema, payload);
    return this.answers.list(requestCorpus(context), request.status);
  }

  @MessagePattern(Subjects.ingestion.importAnswers)
  async import(@Payload() payload: unknown, @Ctx() context: NatsContext): Promise<IngestionSummary> {
    const request = parsePayload(ImportAnswersRequestSchema, payload);
    try {
      return await this.answers.importFile(requestCorpus(context), request.fileName, new Uint8Array(Buffer.from(request.contentBase64, 'base64')));
    } catch (error) {
      // A file that cannot be read at all (encoding, format, header row): the user fixes the file.
      if (error instanceof AnswersFileError) throw new ServiceError('BAD_REQUEST', error.message);
      throw error;
    }
  }

  @MessagePattern(Subjects.ingestion.reviewAnswer)
  review(@Payload() payload: unknown, @Ctx() context: NatsContext): Promise<AnswerEntry> {
    const { v: _v, ...request } = parsePayload(ReviewAnswerRequestSchema, payload);
    return this.answers.review(requestCorpus(context), request);
  }
}
