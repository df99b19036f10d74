import type { Type } from '@nestjs/common';
import type { ServiceName } from '@mileva/contracts';

/** What a process needs to host a service: its Nest module and whether it uses the database. */
export interface ServiceDefinition {
  readonly name: ServiceName;
  readonly module: Type<unknown>;
  readonly usesDatabase: boolean;
  /** True for the services that belong to a corpus (ingestion, retrieval). */
  readonly perCorpus: boolean;
}
