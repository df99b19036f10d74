import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import type { ErrorCode, WireError } from '@mileva/contracts';
import type { Response } from 'express';
import { throwError, type Observable } from 'rxjs';
import { acceptCorrelationId, currentCorrelationId } from '../logging/correlation';
import { ServiceError, toWireError } from '../transport/service-error';

const STATUS_OF_CODE: Record<ErrorCode, number> = {
  BAD_REQUEST: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE,
  UNSUPPORTED_MEDIA_TYPE: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  TIMEOUT: HttpStatus.GATEWAY_TIMEOUT,
  UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
  CONTRACT_VERSION: HttpStatus.BAD_GATEWAY,
  INTERNAL: HttpStatus.INTERNAL_SERVER_ERROR,
};

const HTTP_MESSAGES: Partial<Record<number, WireError>> = {
  [HttpStatus.NOT_FOUND]: { code: 'NOT_FOUND', message: 'Ressource introuvable : vérifiez l’adresse demandée.' },
  [HttpStatus.BAD_REQUEST]: { code: 'BAD_REQUEST', message: 'Requête invalide : vérifiez les champs envoyés.' },
  [HttpStatus.UNAUTHORIZED]: { code: 'UNAUTHENTICATED', message: 'Connectez-vous pour continuer.' },
  [HttpStatus.FORBIDDEN]: { code: 'FORBIDDEN', message: 'Vous n’avez pas les droits nécessaires pour cette action.' },
  [HttpStatus.PAYLOAD_TOO_LARGE]: { code: 'TOO_LARGE', message: 'Envoi trop volumineux : réduisez la taille puis réessayez.' },
};

/**
 * The one catch-all filter. Over the bus a failure becomes a wire error; over HTTP a JSON body
 * `{ code, message, details?, correlationId }` with a matching status. Never a stack trace.
 */
@Catch()
export class MilevaExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(MilevaExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    if (host.getType() === 'rpc') {
      const wire = toWireError(exception);
      if (wire.code === 'INTERNAL' && !(exception instanceof ServiceError)) {
        const context = host.switchToRpc().getContext<unknown>();
        const subject = context instanceof NatsContext ? context.getSubject() : 'unknown';
        this.logger.error(exception instanceof Error ? exception : String(exception), `handler ${subject}`);
      }
      return throwError(() => wire);
    }
    if (host.getType() !== 'http') {
      return;
    }
    const response = host.switchToHttp().getResponse<Response>();
    let status: number;
    let wire: WireError;
    if (exception instanceof HttpException) {
      status = exception.getStatus();
      wire = HTTP_MESSAGES[status] ?? { code: status >= 500 ? 'INTERNAL' : 'BAD_REQUEST', message: exception.message };
      const body = exception.getResponse();
      if (typeof body === 'object' && body !== null && 'code' in body && 'message' in body) {
        wire = toWireError(body);
      }
    } else {
      wire = toWireError(exception);
      status = STATUS_OF_CODE[wire.code];
      if (wire.code === 'INTERNAL' && !(exception instanceof ServiceError)) {
        this.logger.error(exception instanceof Error ? exception : String(exception), 'http');
      }
    }
    const correlationId = currentCorrelationId() ?? acceptCorrelationId(undefined);
    if (!response.headersSent) {
      response.status(status).json({ ...wire, correlationId });
    }
  }
}
