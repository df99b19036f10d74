import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Subjects, type AggregatesResponse } from '@mileva/contracts';
import { AggregatesRequestSchema } from '@mileva/contracts/validation';
import { parsePayload } from '@mileva/runtime';
import { AggregatesService } from './aggregates/aggregates.service';

@Controller()
export class AnalyticsController {
  constructor(private readonly aggregates: AggregatesService) {}

  /** Aggregate cells, small ones suppressed. The gateway has checked who asks and narrowed the request to what they may see. */
  @MessagePattern(Subjects.analytics.aggregates)
  cells(@Payload() payload: unknown): Promise<AggregatesResponse> {
    return this.aggregates.aggregates(parsePayload(AggregatesRequestSchema, payload));
  }
}
