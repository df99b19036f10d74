import { Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { corpusSubject, Subjects, type IngestionProgressEvent } from '@mileva/contracts';
import { LocalTransport, ServiceClient } from '@mileva/runtime';
import { CorpusJobStore } from './corpus-jobs';
import { CorpusProgressController } from './corpus-progress.controller';

@Module({ controllers: [CorpusProgressController], providers: [{ provide: CorpusJobStore, useFactory: () => new CorpusJobStore() }] })
class ProgressModule {}

const EVENT: IngestionProgressEvent = { v: 1, jobId: 'a1b2', corpus: 'lyon', done: 1, total: 2, pages: 0, chunks: 3, failures: 0, file: 'note.md', finished: false };

describe(CorpusProgressController.name, () => {
  const transport = new LocalTransport();
  const instances: INestMicroservice[] = [];
  let client: ServiceClient;

  beforeAll(async () => {
    // Two gateway instances of a distributed deployment (each serving the national corpus setting).
    for (let index = 0; index < 2; index++) {
      const app = await NestFactory.createMicroservice(ProgressModule, { strategy: transport.createServer('gateway', 'national'), logger: false });
      await app.listen();
      instances.push(app);
    }
    client = new ServiceClient(transport.createClient('corpus-service'), 2_000);
  });

  afterAll(async () => {
    await client.close();
    for (const app of instances) await app.close();
  });

  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

  it('should feed every gateway instance with the progress of every corpus’s jobs', async () => {
    await client.emit(corpusSubject(Subjects.ingestion.progress, 'lyon'), EVENT);
    await client.emit(corpusSubject(Subjects.ingestion.progress, 'poitiers'), { ...EVENT, jobId: 'c3d4', corpus: 'poitiers' });
    await settle();
    for (const app of instances) {
      const jobs = app.get(CorpusJobStore);
      expect(jobs.get('a1b2')).toMatchObject({ corpus: 'lyon', done: 1, total: 2, chunks: 3, state: 'running' });
      expect(jobs.get('c3d4')).toMatchObject({ corpus: 'poitiers' });
    }
  });

  it('should ignore a malformed event', async () => {
    await client.emit(corpusSubject(Subjects.ingestion.progress, 'lyon'), { jobId: 'e5f6', corpus: 'lyon', done: 'beaucoup' });
    await settle();
    expect(instances[0].get(CorpusJobStore).get('e5f6')).toBeUndefined();
  });
});
