import { Controller, Inject, type Type } from '@nestjs/common';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import { corpusOfSubject, type HealthRequest, type PingRequest, type PingResponse, type ServiceHealth, type ServiceName } from '@mileva/contracts';
import { HealthRequestSchema, PingRequestSchema } from '@mileva/contracts/validation';
import { parsePayload } from '../transport/payload';
import { ServiceHealthService } from './service-health.service';

export interface HealthSubjects {
  readonly health: string;
  readonly ping: string;
}

/**
 * Creates the message controller through which a service answers its health and ping subjects.
 * Every service has one; a corpus service reports the corpus it was asked about.
 */
export function createHealthController(service: ServiceName, subjects: HealthSubjects, options: { usesDatabase: boolean }): Type<unknown> {
  @Controller()
  class HealthMessageController {
    constructor(@Inject(ServiceHealthService) private readonly health: ServiceHealthService) {}

    @MessagePattern(subjects.health)
    async report(@Payload() payload: HealthRequest, @Ctx() context: NatsContext): Promise<ServiceHealth> {
      parsePayload(HealthRequestSchema, payload);
      return this.health.report(service, { corpus: corpusOfSubject(context.getSubject()), usesDatabase: options.usesDatabase });
    }

    @MessagePattern(subjects.ping)
    async ping(@Payload() payload: PingRequest, @Ctx() context: NatsContext): Promise<PingResponse> {
      const request = parsePayload(PingRequestSchema, payload);
      return this.health.ping(service, request.nonce, { corpus: corpusOfSubject(context.getSubject()), usesDatabase: options.usesDatabase });
    }
  }
  Object.defineProperty(HealthMessageController, 'name', { value: `${service[0].toUpperCase()}${service.slice(1)}HealthController` });
  return HealthMessageController;
}
