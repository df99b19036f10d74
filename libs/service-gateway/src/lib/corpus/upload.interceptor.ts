import { HttpException, HttpStatus, Inject, Injectable, mixin, type CallHandler, type ExecutionContext, type NestInterceptor, type Type } from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { MILEVA_CONFIG, ServiceError, type MilevaConfig } from '@mileva/runtime';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import type { UploadedFile } from './corpus-admin.service';

/** A file as multer hands it over (memory storage). */
interface MulterFile {
  readonly originalname: string;
  readonly size: number;
  readonly buffer: Buffer;
}

/** What an upload route accepts. */
export interface UploadRule {
  /** Name of the multipart field holding the file(s). */
  readonly field: string;
  readonly maxFiles: number;
  /** Lower-case extensions with their dot. */
  readonly extensions: readonly string[];
  /** What the files are, for messages: « document », « base de réponses ». */
  readonly what: string;
}

const CURRENT_FILE = Symbol('mileva:currentUploadFile');

/**
 * Reads a multipart upload into memory with limits taken from the configuration: each file at
 * most MILEVA_INGEST_MAX_FILE_MB (413 with a French message naming the file), only the
 * extensions of the rule (415), a few short text fields. Runs after the guard, so nothing is read
 * from an unauthenticated or unauthorized caller.
 */
export function UploadInterceptor(rule: UploadRule): Type<NestInterceptor> {
  @Injectable()
  class Upload implements NestInterceptor {
    private readonly inner: NestInterceptor;

    constructor(@Inject(MILEVA_CONFIG) private readonly config: MilevaConfig) {
      const Multer = FilesInterceptor(rule.field, rule.maxFiles, {
        limits: { fileSize: config.ingestion.maxFileBytes, files: rule.maxFiles, fields: 10, fieldSize: 10_000, parts: rule.maxFiles + 10 },
        // Browsers send file names in UTF-8 (« Note académique.pdf »).
        defParamCharset: 'utf8',
        fileFilter: (request: Request & { [CURRENT_FILE]?: string }, file: { originalname: string }, accept: (error: Error | null, keep: boolean) => void) => {
          request[CURRENT_FILE] = file.originalname;
          const extension = extensionOf(file.originalname);
          if (!rule.extensions.includes(extension)) {
            accept(
              new ServiceError(
                'UNSUPPORTED_MEDIA_TYPE',
                `${file.originalname} : format non pris en charge pour un${rule.what.startsWith('base') ? 'e' : ''} ${rule.what}. Formats acceptés : ${rule.extensions.join(', ')}.`,
              ),
              false,
            );
            return;
          }
          accept(null, true);
        },
      });
      this.inner = new Multer();
    }

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const request = context.switchToHttp().getRequest<Request & { [CURRENT_FILE]?: string }>();
      try {
        return await this.inner.intercept(context, next);
      } catch (error) {
        throw translate(error, request[CURRENT_FILE], this.config.ingestion.maxFileBytes, rule);
      }
    }
  }
  return mixin(Upload);
}

/** The files a route received, or a 400 saying how to send them. */
export function uploadedFiles(request: Request, rule: UploadRule): UploadedFile[] {
  const files = (request as Request & { files?: MulterFile[] }).files ?? [];
  if (files.length === 0) {
    throw new ServiceError('BAD_REQUEST', `Aucun fichier reçu : envoyez ${rule.maxFiles > 1 ? 'les fichiers' : 'le fichier'} dans le champ « ${rule.field} » d’un formulaire multipart/form-data.`);
  }
  return files.map((file) => ({ name: file.originalname, bytes: file.buffer }));
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot).toLowerCase();
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 });
}

/** Multer's failures in French, with the right status. */
function translate(error: unknown, file: string | undefined, maxBytes: number, rule: UploadRule): unknown {
  if (error instanceof ServiceError || !(error instanceof HttpException)) return error;
  const status = error.getStatus();
  if (status === HttpStatus.PAYLOAD_TOO_LARGE) {
    return new ServiceError(
      'TOO_LARGE',
      `${file ?? 'Un fichier'} dépasse la taille maximale de ${megabytes(maxBytes)} Mo (MILEVA_INGEST_MAX_FILE_MB) : découpez le document, ou demandez à l’exploitant de relever la limite.`,
    );
  }
  if (status === HttpStatus.BAD_REQUEST) {
    const message = error.message;
    if (/too many files|unexpected.*field/i.test(message)) {
      return new ServiceError('BAD_REQUEST', `Envoi refusé : au plus ${rule.maxFiles} fichier${rule.maxFiles > 1 ? 's' : ''} à la fois, dans le champ « ${rule.field} ».`);
    }
    return new ServiceError('BAD_REQUEST', 'Formulaire d’envoi illisible : renvoyez les fichiers dans un formulaire multipart/form-data.');
  }
  return error;
}
