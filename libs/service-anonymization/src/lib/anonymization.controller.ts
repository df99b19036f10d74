import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Subjects, type PseudonymizeResponse } from '@mileva/contracts';
import { PseudonymizeRequestSchema } from '@mileva/contracts/validation';
import { parsePayload } from '@mileva/runtime';
import { AnonymizationService } from './anonymization.service';

@Controller()
export class AnonymizationController {
  constructor(private readonly anonymization: AnonymizationService) {}

  @MessagePattern(Subjects.anonymization.pseudonymize)
  pseudonymize(@Payload() payload: unknown): PseudonymizeResponse {
    return this.anonymization.pseudonymize(parsePayload(PseudonymizeRequestSchema, payload).texts);
  }
}
