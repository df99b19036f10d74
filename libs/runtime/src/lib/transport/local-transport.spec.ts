import { describeTransportContract } from '../testing/transport-contract';
import { LocalTransport } from './transport';

describeTransportContract('in-process bus', async () => ({ transport: new LocalTransport(), teardown: async () => undefined }));
