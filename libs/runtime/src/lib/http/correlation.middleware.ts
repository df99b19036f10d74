import type { NextFunction, Request, Response } from 'express';
import { CORRELATION_HEADER } from '@mileva/contracts';
import { acceptCorrelationId, runWithCorrelationId } from '../logging/correlation';

/** Gives every HTTP request a correlation id (taken from the caller's header when sane) and echoes it. */
export function correlationMiddleware(request: Request, response: Response, next: NextFunction): void {
  const correlationId = acceptCorrelationId(request.header(CORRELATION_HEADER));
  response.setHeader(CORRELATION_HEADER, correlationId);
  runWithCorrelationId(correlationId, next);
}
