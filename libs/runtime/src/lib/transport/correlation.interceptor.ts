import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { NatsContext } from '@nestjs/microservices';
import { CORRELATION_HEADER } from '@mileva/contracts';
import { Observable } from 'rxjs';
import { acceptCorrelationId, runWithCorrelationId } from '../logging/correlation';

/** Reads the correlation id from the message headers and runs the message handler within it. */
@Injectable()
export class CorrelationInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const rpcContext = context.switchToRpc().getContext<unknown>();
    const headers = rpcContext instanceof NatsContext ? (rpcContext.getHeaders() as { get(name: string): string } | undefined) : undefined;
    const correlationId = acceptCorrelationId(headers?.get(CORRELATION_HEADER));
    return new Observable((subscriber) => runWithCorrelationId(correlationId, () => next.handle().subscribe(subscriber)));
  }
}
