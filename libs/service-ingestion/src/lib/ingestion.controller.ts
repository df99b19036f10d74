import { Controller } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import { Subjects, type DocumentSummary, type IngestFilesResponse } from '@mileva/contracts';
import {
  GetDocumentRequestSchema,
  IngestFilesRequestSchema,
  ListDocumentsRequestSchema,
  UpdateDocumentRequestSchema,
  WithdrawDocumentRequestSchema,
} from '@mileva/contracts/validation';
import { parsePayload, ServiceError } from '@mileva/runtime';
import { IngestionService } from './ingestion.service';
import type { IngestionJobResult } from './pipeline/ingestion-job';
import { bytesSource } from './pipeline/source-file';
import { requestCorpus } from './request-corpus';

@Controller()
export class IngestionController {
  constructor(private readonly ingestion: IngestionService) {}

  @MessagePattern(Subjects.ingestion.ingestFiles)
  async ingestFiles(@Payload() payload: unknown, @Ctx() context: NatsContext): Promise<IngestFilesResponse> {
    const request = parsePayload(IngestFilesRequestSchema, payload);
    const corpus = requestCorpus(context);
    if (request.options.corpus !== corpus) {
      throw new ServiceError('FORBIDDEN', `Ce service ne peut ingérer que dans le corpus ${corpus}.`);
    }
    const files = request.files.map((file) => bytesSource(file.name, new Uint8Array(Buffer.from(file.contentBase64, 'base64'))));
    const result = request.replaces
      ? await this.ingestion.replace(corpus, request.replaces, files[0], request.options, { jobId: request.jobId })
      : await this.ingestion.runJob(files, request.options, undefined, undefined, request.jobId);
    return toResponse(result);
  }

  @MessagePattern(Subjects.ingestion.listDocuments)
  async list(@Payload() payload: unknown, @Ctx() context: NatsContext): Promise<DocumentSummary[]> {
    const request = parsePayload(ListDocumentsRequestSchema, payload);
    return this.ingestion.list(requestCorpus(context), request.includeInactive ?? false);
  }

  @MessagePattern(Subjects.ingestion.getDocument)
  get(@Payload() payload: unknown, @Ctx() context: NatsContext): Promise<DocumentSummary> {
    const request = parsePayload(GetDocumentRequestSchema, payload);
    return this.ingestion.get(requestCorpus(context), request.documentId);
  }

  @MessagePattern(Subjects.ingestion.updateDocument)
  update(@Payload() payload: unknown, @Ctx() context: NatsContext): Promise<DocumentSummary> {
    const { v: _v, documentId, ...change } = parsePayload(UpdateDocumentRequestSchema, payload);
    return this.ingestion.updateMetadata(requestCorpus(context), documentId, change);
  }

  @MessagePattern(Subjects.ingestion.withdraw)
  async withdraw(@Payload() payload: unknown, @Ctx() context: NatsContext): Promise<{ withdrawn: string }> {
    const request = parsePayload(WithdrawDocumentRequestSchema, payload);
    await this.ingestion.withdraw(requestCorpus(context), request.documentId);
    return { withdrawn: request.documentId };
  }
}

function toResponse({ aborted: _aborted, ...result }: IngestionJobResult): IngestFilesResponse {
  return result;
}
