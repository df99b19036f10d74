import { Subjects, type PingResponse, type ServiceHealth } from '@mileva/contracts';
import { startServiceHarness, type ServiceHarness } from '@mileva/runtime/testing';
import { GenerationModule } from './generation.module';

describe(GenerationModule.name, () => {
  let harness: ServiceHarness;

  beforeAll(async () => {
    harness = await startServiceHarness(GenerationModule);
  });
  afterAll(() => harness.close());

  it('should report up with the bus as its only dependency', async () => {
    const health = await harness.client.request<ServiceHealth>(Subjects.generation.health, { v: 1 });
    expect(health).toMatchObject({ service: 'generation', status: 'up' });
    expect(Object.keys(health.components)).toEqual(['bus']);
  });

  it('should echo the nonce of a ping without touching a database', async () => {
    const ping = await harness.client.request<PingResponse>(Subjects.generation.ping, { v: 1, nonce: 'n-42' });
    expect(ping).toMatchObject({ service: 'generation', nonce: 'n-42' });
    expect(ping.database).toBeUndefined();
  });

  it('should reject a health request of another contract version', async () => {
    await expect(harness.client.request(Subjects.generation.health, { v: 99 })).rejects.toMatchObject({ code: 'CONTRACT_VERSION' });
  });
});
