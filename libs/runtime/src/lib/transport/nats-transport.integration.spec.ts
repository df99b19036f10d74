import { startNatsServer } from '../testing/nats-server';
import { describeTransportContract } from '../testing/transport-contract';
import { NatsTransport } from './transport';

describeTransportContract('NATS', async () => {
  const server = await startNatsServer();
  return { transport: new NatsTransport([server.url]), teardown: () => server.stop() };
});
