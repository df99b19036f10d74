import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import { Subjects, type DocumentSummary, type IngestionSummary } from '@mileva/contracts';
import { IngestFilesRequestSchema, ListDocumentsRequestSchema, WithdrawDocumentRequestSchema } from '@mileva/contracts/validation';
import { parsePayload, ServiceError } from '@mileva/runtime';
import { IngestionService } from './ingestion.service';
import { bytesSource } from './pipeline/source-file';
import { requestCorpus } from './request-corpus';


@Controller()
export class IngestionController {
  constructor(private readonly ingestion: IngestionService) {}

  @MessagePattern(Subjects.ingestion.ingestFiles)
  async ingestFiles(@Payload() payload: unknown, @Ctx() context: NatsContext): Promise<IngestionSummary> {
    const request = parsePayload(IngestFilesRequestSchema, payload);
    const corpus = requestCorpus(context);
    if (request.options.corpus !== corpus) {
      throw new ServiceError('FORBIDDEN', `Ce service ne peut ingérer que dans le corpus ${corpus}.`);
    }
    const files = request.files.map((file) => bytesSource(file.name, new Uint8Array(Buffer.from(file.contentBase64, 'base64'))));
    const { jobId: _jobId, aborted: _aborted, ...summary } = await this.ingestion.runJob(files, request.options);
    return summary;
  }

  @MessagePattern(Subjects.ingestion.listDocuments)
  async list(@Payload() payload: unknown, @Ctx() context: NatsContext): Promise<DocumentSummary[]> {
    const request = parsePayload(ListDocumentsRequestSchema, payload);
    return this.ingestion.list(requestCorpus(context), request.includeInactive ?? false);
  }

  @MessagePattern(Subjects.ingestion.withdraw)
  async withdraw(@Payload() payload: unknown, @Ctx() context: NatsContext): Promise<{ withdrawn: string }> {
    const request = parsePayload(WithdrawDocumentRequestSchema, payload);
    await this.ingestion.withdraw(requestCorpus(context), request.documentId);
    return { withdrawn: request.documentId };
  }
}
