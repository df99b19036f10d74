import { corpusSubject, Subjects, type ServiceHealth } from '@mileva/contracts';
import { startServiceHarness, type ServiceHarness } from '@mileva/runtime/testing';
import { RetrievalModule } from './retrieval.module';

describe(RetrievalModule.name, () => {
  let harness: ServiceHarness;

  beforeAll(async () => {
    harness = await startServiceHarness(RetrievalModule);
  });
  afterAll(() => harness.close());

  it('should report down, naming the database, when it has no database', async () => {
    const health = await harness.client.request<ServiceHealth>(corpusSubject(Subjects.retrieval.health, 'lyon'), { v: 1 });
    expect(health).toMatchObject({ service: 'retrieval', corpus: 'lyon', status: 'down', components: { bus: { status: 'up' }, database: { status: 'down' } } });
  });

  it('should reject a health request of another contract version', async () => {
    await expect(harness.client.request(corpusSubject(Subjects.retrieval.health, 'lyon'), { v: 99 })).rejects.toMatchObject({ code: 'CONTRACT_VERSION' });
  });
});
