import { MILEVA_VERSION, runProcess } from '@mileva/platform';

// One MILEVA service in its own process (distributed mode): configuration from MILEVA_* variables.
void runProcess({ services: ['ingestion'], version: MILEVA_VERSION });
