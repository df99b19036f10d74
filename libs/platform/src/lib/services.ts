import type { ServiceName } from '@mileva/contracts';
import type { ServiceDefinition } from '@mileva/runtime';
import { ANALYTICS_SERVICE } from '@mileva/service-analytics';
import { ANONYMIZATION_SERVICE } from '@mileva/service-anonymization';
import { GATEWAY_SERVICE } from '@mileva/service-gateway';
import { GENERATION_SERVICE } from '@mileva/service-generation';
import { INGESTION_SERVICE } from '@mileva/service-ingestion';
import { RETRIEVAL_SERVICE } from '@mileva/service-retrieval';

/** Every service a MILEVA process can host, by name. */
export const SERVICE_DEFINITIONS: Readonly<Record<ServiceName, ServiceDefinition>> = {
  gateway: GATEWAY_SERVICE,
  ingestion: INGESTION_SERVICE,
  retrieval: RETRIEVAL_SERVICE,
  generation: GENERATION_SERVICE,
  anonymization: ANONYMIZATION_SERVICE,
  analytics: ANALYTICS_SERVICE,
};
