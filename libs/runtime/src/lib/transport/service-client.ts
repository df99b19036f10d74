import { Logger } from '@nestjs/common';
import { NatsRecordBuilder, type ClientNats } from '@nestjs/microservices';
import { EmptyResponseException } from '@nestjs/microservices/errors/empty-response.exception';
import { CORRELATION_HEADER, isWireError } from '@mileva/contracts';
import { headers as natsHeaders } from 'nats';
import { firstValueFrom, lastValueFrom, Observable, TimeoutError, timeout, toArray } from 'rxjs';
import { acceptCorrelationId, currentCorrelationId } from '../logging/correlation';
import { ServiceError } from './service-error';

export interface RequestOptions {
  /** Overrides the default request timeout. */
  readonly timeoutMs?: number;
}

/**
 * Request/reply and events between services. The same class runs over NATS and over the
 * in-process bus: payloads are serialized, the correlation id travels in a header, a
 * request without an answer in time fails with `TIMEOUT`, and a service's failure comes back
 * as a {@link ServiceError} with its code.
 */
export class ServiceClient {
  private readonly logger = new Logger(ServiceClient.name);
  private connected: Promise<unknown> | undefined;

  constructor(
    private readonly client: ClientNats,
    private readonly defaultTimeoutMs: number,
  ) {}

  /** Sends a request and resolves with the single reply. */
  async request<TResponse, TRequest = unknown>(subject: string, payload: TRequest, options: RequestOptions = {}): Promise<TResponse> {
    return firstValueFrom(this.stream<TResponse, TRequest>(subject, payload, options));
  }

  /** Sends a request whose handler streams several replies; resolves with all of them. */
  async requestAll<TResponse, TRequest = unknown>(subject: string, payload: TRequest, options: RequestOptions = {}): Promise<TResponse[]> {
    return lastValueFrom(this.stream<TResponse, TRequest>(subject, payload, options).pipe(toArray()));
  }

  /** Sends a request and returns the replies as they come (observable replies, for streaming). */
  stream<TResponse, TRequest = unknown>(subject: string, payload: TRequest, options: RequestOptions = {}): Observable<TResponse> {
    const timeoutMs = options.timeoutMs ?? this.defaultTimeoutMs;
    const record = new NatsRecordBuilder<TRequest>(payload).setHeaders(this.headers()).build();
    return new Observable<TResponse>((subscriber) => {
      const subscription = this.client
        .send<TResponse>(subject, record)
        .pipe(timeout({ first: timeoutMs, each: timeoutMs }))
        .subscribe({
          next: (value) => subscriber.next(value),
          error: (error: unknown) => subscriber.error(this.toServiceError(subject, error, timeoutMs)),
          complete: () => subscriber.complete(),
        });
      return () => subscription.unsubscribe();
    });
  }

  /** Publishes an event (fire and forget). */
  async emit<TEvent>(subject: string, event: TEvent): Promise<void> {
    const record = new NatsRecordBuilder<TEvent>(event).setHeaders(this.headers()).build();
    await firstValueFrom(this.client.emit(subject, record), { defaultValue: undefined });
  }

  async connect(): Promise<void> {
    this.connected ??= this.client.connect();
    await this.connected;
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private headers(): ReturnType<typeof natsHeaders> {
    const headers = natsHeaders();
    headers.set(CORRELATION_HEADER, currentCorrelationId() ?? acceptCorrelationId(undefined));
    return headers;
  }

  private toServiceError(subject: string, error: unknown, timeoutMs: number): ServiceError {
    if (error instanceof ServiceError) return error;
    if (error instanceof TimeoutError) {
      return new ServiceError('TIMEOUT', `Le service n’a pas répondu dans le délai de ${timeoutMs} ms (${subject}).`);
    }
    if (isWireError(error)) return ServiceError.fromWire(error);
    if (error instanceof EmptyResponseException) {
      return new ServiceError('UNAVAILABLE', `Aucun service ne répond (${subject}) : il est arrêté ou n’a pas encore démarré.`);
    }
    const message = error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);
    this.logger.warn(`Request on ${subject} failed: ${message}`);
    return new ServiceError('UNAVAILABLE', `Service indisponible (${subject}). Réessayez dans un instant.`);
  }
}
