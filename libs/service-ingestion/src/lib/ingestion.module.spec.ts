import { corpusSubject, Subjects, type ServiceHealth } from '@mileva/contracts';
import { startServiceHarness, type ServiceHarness } from '@mileva/runtime/testing';
import { IngestionModule } from './ingestion.module';

describe(IngestionModule.name, () => {
  let harness: ServiceHarness;

  beforeAll(async () => {
    harness = await startServiceHarness(IngestionModule);
  });
  afterAll(() => harness.close());

  it('should report down, naming the database, when it has no database', async () => {
    const health = await harness.client.request<ServiceHealth>(corpusSubject(Subjects.ingestion.health, 'lyon'), { v: 1 });
    expect(health).toMatchObject({ service: 'ingestion', corpus: 'lyon', status: 'down', components: { bus: { status: 'up' }, database: { status: 'down' } } });
  });

  it('should reject a health request of another contract version', async () => {
    await expect(harness.client.request(corpusSubject(Subjects.ingestion.health, 'lyon'), { v: 99 })).rejects.toMatchObject({ code: 'CONTRACT_VERSION' });
  });
});
