import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Subjects, type DraftEvent } from '@mileva/contracts';
import { DraftRequestSchema } from '@mileva/contracts/validation';
import { parsePayload } from '@mileva/runtime';
import type { Observable } from 'rxjs';
import { DraftService } from './draft.service';

@Controller()
export class GenerationController {
  constructor(private readonly drafts: DraftService) {}

  /** Streams the draft's tokens, then the checked draft. */
  @MessagePattern(Subjects.generation.draft)
  draft(@Payload() payload: unknown): Observable<DraftEvent> {
    return this.drafts.draft(parsePayload(DraftRequestSchema, payload));
  }
}
