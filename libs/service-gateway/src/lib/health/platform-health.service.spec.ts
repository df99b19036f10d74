import { Module } from '@nestjs/common';
import { Subjects } from '@mileva/contracts';
import { createHealthController } from '@mileva/runtime';
import { startServiceHarness, type ServiceHarness } from '@mileva/runtime/testing';
import { GatewayModule } from '../gateway.module';
import { PlatformHealthService } from './platform-health.service';

@Module({ controllers: [createHealthController('generation', Subjects.generation, { usesDatabase: false })] })
class OnlyGenerationModule {}

@Module({ imports: [GatewayModule, OnlyGenerationModule] })
class PartialPlatformModule {}

describe(PlatformHealthService.name, () => {
  let harness: ServiceHarness;

  beforeAll(async () => {
    harness = await startServiceHarness(PartialPlatformModule, { env: { MILEVA_CORPORA: 'national,lyon' } });
  });
  afterAll(() => harness.close());

  describe('check', () => {
    it('should list every service of every corpus, down with a reason when it does not answer', async () => {
      const report = await harness.app.get(PlatformHealthService).check();
      expect(report.status).toBe('down');
      expect(report.mode).toBe('standalone');
      const summary = report.services.map((service) => `${service.service}${service.corpus ? `@${service.corpus}` : ''}:${service.status}`);
      expect(summary.sort()).toEqual(
        [
          'analytics:down',
          'anonymization:down',
          'gateway:down',
          'generation:up',
          'ingestion@lyon:down',
          'ingestion@national:down',
          'retrieval@lyon:down',
          'retrieval@national:down',
        ].sort(),
      );
      const analytics = report.services.find((service) => service.service === 'analytics');
      expect(analytics).toMatchObject({ error: expect.stringContaining('arrêté') });
    });
  });

  describe('pingAll', () => {
    it('should fail with UNAVAILABLE when a service is missing', async () => {
      await expect(harness.app.get(PlatformHealthService).pingAll()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    });
  });
});
