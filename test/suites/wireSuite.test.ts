// suites/wire: the unbroken emulator passes, the mock is skipped with the reason; an emulator that
// answers epoch timestamps fails wire.response-agrees; an SDK client broken in one way (labels not
// percent-encoded, no filled-in token) fails wire.request-binding or wire.token-sent.
import type { HttpRequest } from '@smithy/protocol-http';
import type { BuildMiddleware, MetadataBearer } from '@smithy/types';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { runConformance, type ConformanceOptions } from '../../cli/runConformance.ts';
import { startEmulator } from '../../emulator/index.ts';
import type { Report, ReportedCheck } from '../../reports/report.ts';
import { failingIds } from '../support/report.ts';
import type { OperationName } from '../../specs/index.ts';
import { examples } from '../../suites/recorder.ts';
import { runSuites, type SuitesResult } from '../../suites/runSuites.ts';
import { wireSuite } from '../../suites/wire/suite.ts';
import { requestProblems, outputDifferences } from '../../suites/wire/binding.ts';
import { operations } from '../../specs/index.ts';
import { DUMMY_CREDENTIALS } from '../../targets/credentials.ts';
import { callThroughSdk, createOmicsClient } from '../../targets/sdkClient.ts';
import type { Target } from '../../targets/types.ts';

const wire = suite('suites/wire: the SDK request against the binding, the response on both sides');

async function run(options: ConformanceOptions): Promise<Report> {
  const { report } = await runConformance({ target: 'emulator', suites: ['wire'], runs: 5, seed: 11, reportDir: false, ...options });
  return report;
}


function onlyFailing(report: Report, id: string): ReportedCheck {
  assert.equal(failingIds(report), [id]);
  assert.is(report.aborted, undefined);
  assert.is(report.cleanup.left.length, 0);
  return report.checks.find((c) => c.id === id)!;
}

/** An emulator behind an SDK client whose requests `mangle` changes after serialisation. */
async function brokenClientRun(mangle: (request: HttpRequest, input: Record<string, unknown>) => void, ops: OperationName[]): Promise<SuitesResult> {
  const emulator = await startEmulator({});
  const client = createOmicsClient({ region: emulator.core.config.region, endpoint: emulator.url, credentials: DUMMY_CREDENTIALS });
  const middleware: BuildMiddleware<object, MetadataBearer> = (next) => async (args) => {
    mangle(args.request as HttpRequest, args.input as Record<string, unknown>);
    return next(args);
  };
  // High priority in the build step: before the SDK computes content-length from the body.
  client.middlewareStack.add(middleware, { step: 'build', priority: 'high', name: 'brokenClient' });
  const target: Target = {
    name: 'broken client',
    kind: 'endpoint',
    capabilities: new Set(['wire-capture', 'client-view']),
    endpoint: emulator.url,
    region: emulator.core.config.region,
    call: (operation, input, o = {}) => callThroughSdk(client, operation, input, { timeoutMs: o.timeoutMs ?? 5000, captureWire: true }),
    close: async () => {
      client.destroy();
      await emulator.close();
    },
  };
  try {
    return await runSuites(target, [wireSuite], { seed: 11, runs: 5, concurrency: 4, timeoutMs: 5000, shard: { index: 1, count: 1 }, runId: 'a1b2c3d4e5f6', operations: ops });
  } finally {
    await target.close();
  }
}

const failedIn = (result: SuitesResult) => result.tallies.filter((t) => t.counts.failed).map((t) => t.check.id);
const failuresOf = (result: SuitesResult, id: string) => examples(result.tallies.find((t) => t.check.id === id)!, 'failed').map((e) => e.example);

wire('the unbroken emulator passes every wire check', async () => {
  const report = await run({});
  assert.equal(failingIds(report), []);
  for (const c of report.checks) assert.is(c.status, 'passed', c.id);
  assert.ok(report.checks.find((c) => c.id === 'wire.request-binding')!.cases > 200);
  assert.is(report.cleanup.left.length, 0);
});

wire('the mock target has no wire: every wire check is skipped with the reason', async () => {
  const report = await run({ target: 'mock' });
  for (const c of report.checks) {
    assert.is(c.status, 'skipped', c.id);
    assert.is(c.skipped, 'no wire on the mock target (lacks wire-capture)');
  }
  assert.is(report.summary.failed, 0);
});

wire('wire.response-agrees: epoch timestamps read one way on the wire and fail in the SDK; shrunk to a create with only a name', async () => {
  const report = await run({ operations: ['CreateSequenceStore', 'GetSequenceStore'], emulator: { deviations: { epochTimestamps: true } } });
  const c = onlyFailing(report, 'wire.response-agrees');
  assert.match(c.failures[0]!.message, /the wire says HTTP 200 success, the SDK could not read it \(TypeError: .*date-times.*\); on the wire \/creationTime type: must be string/);
  const random = c.failures.find((f) => f.replay.startsWith('wire/CreateSequenceStore/valid@'))!;
  assert.ok(random, 'the Create property failed and shrank');
  assert.equal(Object.keys(random.case.input as object).filter((k) => k !== 'clientToken'), ['name']);
  assert.ok(c.failures.some((f) => f.case.operation === 'GetSequenceStore' && /\/updateTime/.test(f.message)));
});

wire('wire.request-binding: a client that leaves the ARN label\'s colons unencoded', async () => {
  const result = await brokenClientRun((request) => {
    request.path = request.path.replace(/%3A/g, ':');
  }, ['TagResource', 'UntagResource', 'ListTagsForResource']);
  assert.equal(failedIn(result), ['wire.request-binding']);
  const failures = failuresOf(result, 'wire.request-binding');
  assert.ok(failures.every((f) => /label resourceArn travels as "arn:[^"]*", not percent-encoded/.test(f.message)), failures.map((f) => f.message).join('\n'));
  assert.is(result.cleanup.left.length, 0);
});

wire('wire.request-binding: a client that sends maxResults in the body instead of the query', async () => {
  const result = await brokenClientRun((request, input) => {
    if (input.maxResults === undefined || !request.path.startsWith(operations.ListSequenceStores.http.uri)) return;
    delete request.query.maxResults;
    request.body = JSON.stringify({ ...JSON.parse(request.body ? Buffer.from(request.body as Uint8Array).toString('utf8') : '{}'), maxResults: input.maxResults });
  }, ['ListSequenceStores']);
  assert.equal(failedIn(result), ['wire.request-binding']);
  const f = failuresOf(result, 'wire.request-binding')[0]!;
  assert.match(f.message, /query maxResults=\[\], the input says \["\d+"\]; body member maxResults is not a body member of the binding \(it belongs in the URL\)/);
});

wire('wire.token-sent: a client that does not fill in the idempotency token', async () => {
  const result = await brokenClientRun((request, input) => {
    if (input.clientToken !== undefined || !request.body) return;
    const { clientToken: _dropped, ...rest } = JSON.parse(Buffer.from(request.body as Uint8Array).toString('utf8')) as Record<string, unknown>;
    request.body = JSON.stringify(rest);
  }, ['CreateSequenceStore', 'UpdateSequenceStore']);
  assert.equal(failedIn(result), ['wire.token-sent']);
  const failures = failuresOf(result, 'wire.token-sent');
  assert.match(failures[0]!.message, /clientToken is missing from the request/);
  assert.ok(failures.every((f) => f.observation!.input.clientToken === undefined), 'a caller\'s own token still travels');
});

wire.run();

const binding = suite('suites/wire: the binding read backwards');

const request = (method: string, path: string, body = '', headers: Record<string, string> = body ? { 'content-type': 'application/json' } : {}) => ({ method, path, headers, body });

binding('a request as the binding says has no problems', () => {
  assert.equal(requestProblems('UntagResource', { resourceArn: 'arn:aws:omics:us-east-1:111111111111:sequenceStore/1234567890', tagKeys: ['a b', 'c/d'] }, request('DELETE', '/tags/arn%3Aaws%3Aomics%3Aus-east-1%3A111111111111%3AsequenceStore%2F1234567890?tagKeys=a%20b&tagKeys=c%2Fd')), []);
  assert.equal(requestProblems('CreateSequenceStore', { name: 'n', tags: { k: 'v' } }, request('POST', '/sequencestore', '{"name":"n","tags":{"k":"v"},"clientToken":"x"}')), []);
  assert.equal(requestProblems('ListSequenceStores', { filter: { createdAfter: new Date('2024-01-02T03:04:05Z') } }, request('POST', '/sequencestores', '{"filter":{"createdAfter":"2024-01-02T03:04:05.000Z"}}')), []);
});

binding('each departure is named', () => {
  const problems = requestProblems('UpdateSequenceStore', { id: '1234567890', description: 'd' }, request('POST', '/sequencestore/1234567891', '{"description":"e","id":"1234567890"}', { 'content-type': 'text/plain' }));
  assert.equal(problems, [
    'method POST, the binding says PATCH',
    'label id reads "1234567891", the input says "1234567890"',
    'content-type "text/plain", restJson1 sends application/json',
    'body member id is not a body member of the binding (it belongs in the URL)',
    'body member description is "e", the input says "d"',
  ]);
  assert.equal(requestProblems('GetSequenceStore', { id: '1' }, request('GET', '/sequencestore/1', '{}')), ['a body ({}) where the binding has no body members']);
});

binding('output read differently: an epoch timestamp, a member only one side has', () => {
  const shape = operations.GetSequenceStore.output;
  assert.equal(outputDifferences(shape, { id: '1', creationTime: '2024-01-02T03:04:05Z' }, { id: '1', creationTime: new Date('2024-01-02T03:04:05Z') }), []);
  assert.equal(outputDifferences(shape, { id: '1', creationTime: 1704164645 }, { id: '1', creationTime: new Date('2024-01-02T03:04:05Z') }), [
    'creationTime is 1704164645 on the wire, not a date-time string; the SDK read 2024-01-02T03:04:05.000Z',
  ]);
  assert.equal(outputDifferences(shape, { id: '1', name: 'n' }, { id: '1' }), ['name is "n" on the wire, absent from the SDK output']);
});

binding.run();
