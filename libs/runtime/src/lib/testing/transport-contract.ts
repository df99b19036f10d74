import { Controller, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, MessagePattern, NatsContext, Payload } from '@nestjs/microservices';
import { corpusOfSubject } from '@mileva/contracts';
import { interval, map, take, type Observable } from 'rxjs';
import { z } from 'zod';
import { currentCorrelationId, runWithCorrelationId } from '../logging/correlation';
import { RuntimeModule } from '../runtime.module';
import { parsePayload } from '../transport/payload';
import { ServiceClient } from '../transport/service-client';
import { ServiceError } from '../transport/service-error';
import type { Transport } from '../transport/transport';
import { loadConfig } from '../config/config';

/** Subjects of the contract test service. */
export const TestSubjects = {
  echo: 'mileva.test.echo',
  fail: 'mileva.test.fail',
  crash: 'mileva.test.crash',
  silent: 'mileva.test.silent',
  stream: 'mileva.test.stream',
  strict: 'mileva.test.strict',
  who: 'mileva.corpus.{corpus}.test.who',
} as const;

const StrictSchema = z.object({ v: z.literal(1), count: z.number().int().positive() });

function createTestController(instance: string): new (...args: never[]) => unknown {
  @Controller()
  class TestController {
    @MessagePattern(TestSubjects.echo)
    echo(@Payload() payload: unknown): { payload: unknown; correlationId: string | undefined; instance: string; at: Date } {
      return { payload, correlationId: currentCorrelationId(), instance, at: new Date('2026-01-02T03:04:05.000Z') };
    }

    @MessagePattern(TestSubjects.fail)
    fail(): never {
      throw new ServiceError('NOT_FOUND', 'Document introuvable.', ['id : 42']);
    }

    @MessagePattern(TestSubjects.crash)
    crash(): never {
      throw new Error('secret internal detail at /srv/app.js:12');
    }

    @MessagePattern(TestSubjects.silent)
    silent(): Promise<never> {
      return new Promise(() => undefined);
    }

    @MessagePattern(TestSubjects.stream)
    stream(): Observable<number> {
      return interval(5).pipe(
        take(3),
        map((i) => i + 1),
      );
    }

    @MessagePattern(TestSubjects.strict)
    strict(@Payload() payload: unknown): number {
      return parsePayload(StrictSchema, payload).count * 2;
    }

    @MessagePattern(TestSubjects.who)
    who(@Ctx() context: NatsContext): { corpus: string | undefined; instance: string } {
      return { corpus: corpusOfSubject(context.getSubject()), instance };
    }
  }
  return TestController;
}

/** Starts a microservice answering the test subjects over `transport`. */
export async function startTestService(transport: Transport, options: { instance: string; corpus: string }): Promise<INestMicroservice> {
  const config = loadConfig({ MILEVA_LOG_LEVEL: 'silent' });
  @Module({
    imports: [RuntimeModule.forRoot({ config, transport, clientName: options.instance })],
    controllers: [createTestController(options.instance)],
  })
  class TestServiceModule {}
  const app = await NestFactory.createMicroservice(TestServiceModule, { strategy: transport.createServer('test', options.corpus), logger: false });
  await app.listen();
  return app;
}

/**
 * The behaviour every transport must have. Run by the in-process and the NATS specs with the
 * same expectations, so that the two run modes cannot drift apart.
 */
export function describeTransportContract(name: string, setup: () => Promise<{ transport: Transport; teardown(): Promise<void> }>): void {
  describe(`transport contract: ${name}`, () => {
    let transport: Transport;
    let teardown: () => Promise<void>;
    let services: INestMicroservice[];
    let client: ServiceClient;

    beforeAll(async () => {
      ({ transport, teardown } = await setup());
      services = [
        await startTestService(transport, { instance: 'one', corpus: 'lyon' }),
        await startTestService(transport, { instance: 'two', corpus: 'lyon' }),
        await startTestService(transport, { instance: 'all', corpus: '*' }),
      ];
      client = new ServiceClient(transport.createClient('contract-client'), 1_000);
    }, 30_000);

    afterAll(async () => {
      await client.close();
      // Servers wait for their grace period before closing; close them together.
      await Promise.all(services.map((service) => service.close()));
      await teardown();
    }, 30_000);

    it('should carry the payload serialized, as JSON would', async () => {
      const reply = await client.request<{ payload: unknown; at: unknown }>(TestSubjects.echo, { when: new Date('2026-05-06T00:00:00.000Z'), n: 1, skip: undefined });
      expect(reply.payload).toEqual({ when: '2026-05-06T00:00:00.000Z', n: 1 });
      expect(reply.at).toBe('2026-01-02T03:04:05.000Z');
    });

    it('should carry the correlation id of the caller to the handler', async () => {
      const reply = await runWithCorrelationId('corr-0123456789', () => client.request<{ correlationId: string }>(TestSubjects.echo, {}));
      expect(reply.correlationId).toBe('corr-0123456789');
    });

    it('should give a new correlation id when the caller has none', async () => {
      const reply = await client.request<{ correlationId: string }>(TestSubjects.echo, {});
      expect(reply.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('should return a service error with its code, message and details', async () => {
      const failure = client.request(TestSubjects.fail, {});
      await expect(failure).rejects.toBeInstanceOf(ServiceError);
      await expect(failure).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Document introuvable.', details: ['id : 42'] });
    });

    it('should hide an unexpected error behind a generic INTERNAL one', async () => {
      const failure = client.request(TestSubjects.crash, {});
      await expect(failure).rejects.toMatchObject({ code: 'INTERNAL' });
      await expect(failure).rejects.not.toMatchObject({ message: expect.stringContaining('secret') });
    });

    it('should reject a malformed payload with BAD_REQUEST and a wrong version with CONTRACT_VERSION', async () => {
      await expect(client.request(TestSubjects.strict, { v: 1, count: -1 })).rejects.toMatchObject({ code: 'BAD_REQUEST', details: [expect.stringContaining('count')] });
      await expect(client.request(TestSubjects.strict, { v: 2, count: 1 })).rejects.toMatchObject({ code: 'CONTRACT_VERSION' });
      await expect(client.request(TestSubjects.strict, { v: 1, count: 21 })).resolves.toBe(42);
    });

    it('should time out when the handler never answers', async () => {
      await expect(client.request(TestSubjects.silent, {}, { timeoutMs: 200 })).rejects.toMatchObject({ code: 'TIMEOUT' });
    });

    it('should fail at once with UNAVAILABLE when nobody listens on the subject', async () => {
      const started = Date.now();
      await expect(client.request('mileva.test.nobody', {}, { timeoutMs: 5_000 })).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('arrêté') });
      expect(Date.now() - started).toBeLessThan(2_000);
    });

    it('should stream every reply of an observable handler', async () => {
      await expect(client.requestAll<number>(TestSubjects.stream, {})).resolves.toEqual([1, 2, 3]);
    });

    it('should answer corpus subjects for the served corpus only, and every corpus for a wildcard server', async () => {
      const lyon = await client.requestAll<{ corpus: string; instance: string }>('mileva.corpus.lyon.test.who', {}, { timeoutMs: 300 }).catch(() => []);
      expect(lyon.length).toBeGreaterThan(0);
      expect(lyon.every((reply) => reply.corpus === 'lyon')).toBe(true);
      const poitiers = await client.request<{ corpus: string; instance: string }>('mileva.corpus.poitiers.test.who', {});
      expect(poitiers).toEqual({ corpus: 'poitiers', instance: 'all' });
    });

    it('should share the load between the instances of one queue group', async () => {
      const instances = new Set<string>();
      for (let i = 0; i < 20; i++) {
        const reply = await client.request<{ instance: string }>(TestSubjects.echo, { i });
        instances.add(reply.instance);
      }
      // Three servers in one queue group ('test'), each request answered once by one of them.
      expect(instances.size).toBeGreaterThan(1);
    });
  });
}
