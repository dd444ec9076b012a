// The benches' no-op server, run as its own process: answers every request with the body in
// NOOP_BODY (HTTP 200, JSON), and prints its URL. The emulator's speed is judged against it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const body = process.env.NOOP_BODY ?? '{}';
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-amzn-requestid': '00000000-0000-0000-0000-000000000000' });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => console.log(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
