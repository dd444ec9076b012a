// suites/exceptions: every modelled error is produced on the embedded emulator and passes; the mock
// and a plain endpoint take what they can and say why not the rest; each check fails on an
// emulator that answers errors wrong in the way it is about.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { runConformance, type ConformanceOptions } from '../../cli/runConformance.ts';
import { startEmulator } from '../../emulator/index.ts';
import type { Report } from '../../reports/report.ts';
import { assertValidReport, checkOf, failingIds } from '../support/report.ts';
import { errorNames } from '../../specs/index.ts';
import { exceptionCases } from '../../suites/exceptions/cases.ts';
import { targetControl } from '../../suites/targetControl.ts';
import { createTarget } from '../../cli/targetFactory.ts';

const exceptions = suite('suites/exceptions');

async function run(options: ConformanceOptions = {}): Promise<Report> {
  const { report } = await runConformance({ target: 'emulator', suites: ['exceptions'], seed: 7, reportDir: false, ...options });
  assertValidReport(report);
  return report;
}

const check = checkOf;
const failing = failingIds;
const ALL = ['exceptions.http-status', 'exceptions.error-type-header', 'exceptions.error-message', 'exceptions.sdk-class', 'exceptions.fault', 'exceptions.retryable'];

exceptions('the cases produce every modelled error, each on an operation that models it', () => {
  const cases = exceptionCases();
  const produced = new Set(cases.map((c) => (c.expect.outcome === 'rejected' ? c.expect.error : '')));
  assert.equal([...produced].sort(), [...errorNames].sort());
  const notFound = cases.filter((c) => c.cause === 'absent').map((c) => c.operation);
  assert.equal(notFound, ['GetSequenceStore', 'UpdateSequenceStore', 'DeleteSequenceStore', 'TagResource', 'UntagResource', 'ListTagsForResource']);
});

exceptions('the unbroken emulator produces every case and passes all six checks', async () => {
  const report = await run();
  assert.equal(failing(report), []);
  for (const id of ALL) {
    const c = check(report, id);
    assert.is(c.status, 'passed', id);
    assert.is(c.cases, exceptionCases().length, `${id}: every case reached the check`);
  }
  assert.equal(report.cleanup.left, []);
});

exceptions('the mock: no wire checks, no read-only key; the rest pass', async () => {
  const report = await run({ target: 'mock' });
  assert.equal(failing(report), []);
  assert.match(check(report, 'exceptions.error-type-header').skipped!, /no wire on the mock target/);
  assert.match(check(report, 'exceptions.error-message').skipped!, /no wire on the mock target/);
  assert.is(check(report, 'exceptions.sdk-class').cases, exceptionCases().length - 1);
});

exceptions('an endpoint with the admin route: faults, quota and delay set there and put back; no read-only key', async () => {
  const emulator = await startEmulator();
  try {
    const report = await run({ target: 'endpoint', endpoint: emulator.url });
    assert.equal(failing(report), []);
    assert.is(check(report, 'exceptions.http-status').cases, exceptionCases().length - 1);
    assert.equal(emulator.core.faults.plan().script, []);
    assert.is(emulator.core.config.behaviour.quota, undefined);
    assert.is(emulator.core.config.behaviour.createDelayMs, 0);
    assert.is(emulator.core.storeCount(), 0);
  } finally {
    await emulator.close();
  }
});

exceptions('an endpoint without the admin route has no controls, and the reason says so', async () => {
  const server = createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const target = await createTarget({ target: 'endpoint', endpoint, timeoutMs: 1000 });
    const found = targetControl(target);
    assert.ok('reason' in found);
    assert.match((found as { reason: string }).reason, /does not expose the emulator's admin route .*\(lacks admin\)$/);
    await target.close();
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const NOT_FOUND_OPS = ['GetSequenceStore', 'DeleteSequenceStore', 'ListTagsForResource'];

exceptions('http-status: a 404 answered as 400 — only that check fails, on the unknown id', async () => {
  const report = await run({ operations: NOT_FOUND_OPS, emulator: { deviations: { errors: { ResourceNotFoundException: { status: 400 } } } } });
  assert.equal(failing(report), ['exceptions.http-status']);
  const f = check(report, 'exceptions.http-status').failures[0]!;
  assert.match(f.message, /GetSequenceStore: a well-formed id of a store that does not exist → ResourceNotFoundException \(HTTP 404\): expected ResourceNotFoundException with HTTP 404, received HTTP 400/);
  assert.is(f.observed.httpStatus, 400);
  assert.match((f.case.input as { id: string }).id, /^\d{10}$/);
  const replayed = await run({ replay: f.replay, emulator: { deviations: { errors: { ResourceNotFoundException: { status: 400 } } } } });
  assert.is(check(replayed, 'exceptions.http-status').cases, 1, `${f.replay} replays one case`);
  assert.is(check(replayed, 'exceptions.http-status').status, 'failed');
});

exceptions('error-type-header: the type only in the body — clients cope, the check fails and says where it was', async () => {
  const report = await run({ operations: NOT_FOUND_OPS, emulator: { deviations: { errorTypeIn: 'body' } } });
  assert.equal(failing(report), ['exceptions.error-type-header']);
  assert.match(check(report, 'exceptions.error-type-header').failures[0]!.message, /no x-amzn-errortype header; the type is only in the body \("ResourceNotFoundException"\)/);
});

exceptions('error-type-header and sdk-class: the type nowhere — the SDK cannot name the error', async () => {
  const report = await run({ operations: NOT_FOUND_OPS, emulator: { deviations: { errorTypeIn: 'nowhere' } } });
  assert.equal(failing(report), ['exceptions.error-type-header', 'exceptions.sdk-class']);
  assert.match(check(report, 'exceptions.sdk-class').failures[0]!.message, /expected the SDK to raise ResourceNotFoundException, it raised \w+, not a class the SDK models/);
});

exceptions('error-message: error bodies without message — only that check fails', async () => {
  const report = await run({ operations: NOT_FOUND_OPS, emulator: { deviations: { omitErrorMessage: true } } });
  assert.equal(failing(report), ['exceptions.error-message']);
  const f = check(report, 'exceptions.error-message').failures[0]!;
  assert.match(f.message, /does not match the ResourceNotFoundException shape: \(body\) required: must have required property 'message'/);
  assert.is(f.observed.body, '{}');
});

exceptions('sdk-class and retryable: throttling answered as SlowDown — no class, no throttling retry', async () => {
  const report = await run({ operations: ['ListSequenceStores'], emulator: { deviations: { errors: { ThrottlingException: { type: 'SlowDown' } } } } });
  assert.equal(failing(report), ['exceptions.error-type-header', 'exceptions.sdk-class', 'exceptions.retryable']);
  const retry = check(report, 'exceptions.retryable').failures[0]!;
  assert.match(retry.message, /the SDK saw SlowDown as not retryable, ThrottlingException is retryable \(throttling\)/);
  assert.equal(retry.expected, { $retryable: { throttling: true } });
  assert.is(retry.observed.errorType, 'SlowDown');
  assert.match(check(report, 'exceptions.sdk-class').failures[0]!.message, /it raised SlowDown, not a class the SDK models/);
});

exceptions('fault: throttling answered as SlowDown with 503 — the SDK blames the server for a client error', async () => {
  const report = await run({ operations: ['ListSequenceStores'], emulator: { deviations: { errors: { ThrottlingException: { type: 'SlowDown', status: 503 } } } } });
  assert.ok(failing(report).includes('exceptions.fault'), failing(report).join(', '));
  const f = check(report, 'exceptions.fault').failures[0]!;
  assert.match(f.message, /\$fault is server on SlowDown \(HTTP 503\), ThrottlingException is a client error/);
  assert.is(f.case.operation, 'ListSequenceStores');
});

exceptions.run();
