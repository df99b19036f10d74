import { Subjects, type ServiceHealth } from '@mileva/contracts';
import { startServiceHarness, type ServiceHarness } from '@mileva/runtime/testing';
import { AnalyticsModule } from './analytics.module';

describe(AnalyticsModule.name, () => {
  let harness: ServiceHarness;

  beforeAll(async () => {
    harness = await startServiceHarness(AnalyticsModule);
  });
  afterAll(() => harness.close());

  it('should report down, naming the database, when it has no database', async () => {
    const health = await harness.client.request<ServiceHealth>(Subjects.analytics.health, { v: 1 });
    expect(health).toMatchObject({ service: 'analytics', status: 'down', components: { bus: { status: 'up' }, database: { status: 'down' } } });
  });

  it('should reject a health request of another contract version', async () => {
    await expect(harness.client.request(Subjects.analytics.health, { v: 99 })).rejects.toMatchObject({ code: 'CONTRACT_VERSION' });
  });
});
