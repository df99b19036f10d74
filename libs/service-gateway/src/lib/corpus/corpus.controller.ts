import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Patch, Post, Put, Query, Req, UseGuards, UseInterceptors } from '@nestjs/common';
import {
  ANSWERS_FILE_EXTENSIONS,
  CORPUS_DOCUMENT_EXTENSIONS,
  CORPUS_MANAGING_ROLES,
  CORPUS_UPLOAD_MAX_FILES,
  type AnswerEntry,
  type AnswerList,
  type AnswersImportResult,
  type CorpusDocumentList,
  type CorpusJob,
  type DocumentSummary,
} from '@mileva/contracts';
import { AnswerReviewRequestSchema, AnswerStatusSchema, DocumentMetadataPatchSchema, DocumentUploadFieldsSchema } from '@mileva/contracts/validation';
import { ServiceError } from '@mileva/runtime';
import type { Request } from 'express';
import { GatewaySecrets } from '../auth/gateway-secrets';
import { AllowRoles, CurrentUser, UserGuard } from '../auth/request-user';
import type { RequestUser } from '../auth/user';
import { parseBody } from '../http/parse-body';
import { CorpusAdminService } from './corpus-admin.service';
import { CorpusScopeGuard, ManagedCorpus, managesCorpus } from './corpus-scope';
import { UploadInterceptor, uploadedFiles, type UploadRule } from './upload.interceptor';

const DOCUMENTS_UPLOAD: UploadRule = { field: 'files', maxFiles: CORPUS_UPLOAD_MAX_FILES, extensions: CORPUS_DOCUMENT_EXTENSIONS, what: 'document' };
const DOCUMENT_REPLACEMENT: UploadRule = { field: 'file', maxFiles: 1, extensions: CORPUS_DOCUMENT_EXTENSIONS, what: 'document' };
const ANSWERS_UPLOAD: UploadRule = { field: 'file', maxFiles: 1, extensions: ANSWERS_FILE_EXTENSIONS, what: 'base de réponses' };

/**
 * The documents of a corpus, for its experts: list, upload (a job whose progress is read at
 * `jobs/:id`), replacement by a new version, theme and validity, withdrawal. Every route acts on
 * the corpus the signed-in user manages (`?corpus=` lets an administrator pick one).
 */
@Controller('v1/corpus')
@UseGuards(UserGuard, CorpusScopeGuard)
@AllowRoles(...CORPUS_MANAGING_ROLES)
export class CorpusDocumentsController {
  constructor(private readonly admin: CorpusAdminService) {}

  @Get('documents')
  async list(@ManagedCorpus() corpus: string, @Query('includeInactive') includeInactive?: string): Promise<CorpusDocumentList> {
    return { corpus, documents: await this.admin.listDocuments(corpus, includeInactive === 'true' || includeInactive === '1') };
  }

  @Post('documents')
  @HttpCode(HttpStatus.ACCEPTED)
  @UseInterceptors(UploadInterceptor(DOCUMENTS_UPLOAD))
  upload(@Req() request: Request, @ManagedCorpus() corpus: string): CorpusJob {
    const fields = parseBody(DocumentUploadFieldsSchema, request.body ?? {}, 'Envoi refusé : corrigez le thème ou les dates de validité.');
    return this.admin.startUpload(corpus, uploadedFiles(request, DOCUMENTS_UPLOAD), fields);
  }

  @Put('documents/:id')
  @HttpCode(HttpStatus.ACCEPTED)
  @UseInterceptors(UploadInterceptor(DOCUMENT_REPLACEMENT))
  async replace(@Param('id') id: string, @Req() request: Request, @ManagedCorpus() corpus: string): Promise<CorpusJob> {
    // The document first: another corpus's document is not found, whatever was sent.
    const document = await this.admin.replaceableDocument(corpus, id);
    const fields = parseBody(DocumentUploadFieldsSchema, request.body ?? {}, 'Remplacement refusé : corrigez le thème ou les dates de validité.');
    const [file] = uploadedFiles(request, DOCUMENT_REPLACEMENT);
    return this.admin.startReplacement(document, file, fields);
  }

  @Patch('documents/:id')
  update(@Param('id') id: string, @Body() body: unknown, @ManagedCorpus() corpus: string): Promise<DocumentSummary> {
    return this.admin.updateDocument(corpus, id, parseBody(DocumentMetadataPatchSchema, body, 'Modification refusée : corrigez les champs indiqués.'));
  }

  @Delete('documents/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  withdraw(@Param('id') id: string, @ManagedCorpus() corpus: string): Promise<void> {
    return this.admin.withdrawDocument(corpus, id);
  }

  /** A job of a corpus the user manages; anyone else's is not found. */
  @Get('jobs/:id')
  job(@CurrentUser() user: RequestUser, @Param('id') id: string): CorpusJob {
    const job = this.admin.job(id);
    if (!job || !managesCorpus(user, job.corpus)) {
      throw new ServiceError('NOT_FOUND', 'Traitement inconnu : il est peut-être terminé depuis plus d’une heure. Rechargez la liste des documents.');
    }
    return job;
  }
}

/**
 * The base of previous answers of a corpus: import (pseudonymized by the anonymization service
 * before anything is stored), review queue, approval (which makes an entry searchable) or rejection.
 */
@Controller('v1/corpus/answers')
@UseGuards(UserGuard, CorpusScopeGuard)
@AllowRoles(...CORPUS_MANAGING_ROLES)
export class CorpusAnswersController {
  constructor(
    private readonly admin: CorpusAdminService,
    private readonly secrets: GatewaySecrets,
  ) {}

  @Get()
  async list(@ManagedCorpus() corpus: string, @Query('status') status?: string): Promise<AnswerList> {
    const reviewStatus = status === undefined || status === '' ? undefined : parseBody(AnswerStatusSchema, status, 'Filtre refusé.');
    return { corpus, answers: await this.admin.listAnswers(corpus, reviewStatus) };
  }

  @Post('import')
  @HttpCode(HttpStatus.OK)
  @UseInterceptors(UploadInterceptor(ANSWERS_UPLOAD))
  import(@Req() request: Request, @ManagedCorpus() corpus: string): Promise<AnswersImportResult> {
    const [file] = uploadedFiles(request, ANSWERS_UPLOAD);
    return this.admin.importAnswers(corpus, file);
  }

  @Post(':id/review')
  @HttpCode(HttpStatus.OK)
  review(@CurrentUser() user: RequestUser, @Param('id') id: string, @Body() body: unknown, @ManagedCorpus() corpus: string): Promise<AnswerEntry> {
    const review = parseBody(AnswerReviewRequestSchema, body, 'Relecture refusée : corrigez les champs indiqués.');
    // The reviewer is kept as a keyed hash, never by name.
    return this.admin.reviewAnswer(corpus, id, review, this.secrets.ownerHash(user.id));
  }
}
