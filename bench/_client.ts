// The benches' SDK client: the real client over HTTP to a server on 127.0.0.1, with its own
// keep-alive agent, no retries (a bench counts every answer) and a time limit on every call.
import { OmicsClient } from '@aws-sdk/client-omics';

// A connect timer starts when a call is made; with a thousand calls made at once the event loop signs
// them all before it sees a connection open, which on a loaded machine takes seconds. The scenarios
// judge answers, not speed, and each has its own time limit.
const CONNECT_MS = 30_000;
const REQUEST_MS = 30_000;

export function benchClient(url: string, sockets: number): OmicsClient {
  return new OmicsClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench' },
    disableHostPrefix: true,
    maxAttempts: 1,
    requestHandler: { connectionTimeout: CONNECT_MS, requestTimeout: REQUEST_MS, httpAgent: { keepAlive: true, maxSockets: sockets } },
  });
}
