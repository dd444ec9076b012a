// suites/idempotency: the unbroken emulator passes, the mock runs what it can, and each check fails
// on an emulator broken in the way it is about, with the stores and tokens that show it.
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { runConformance, type ConformanceOptions } from '../../cli/runConformance.ts';
import { startEmulator } from '../../emulator/index.ts';
import type { Report } from '../../reports/report.ts';
import { checkOf, failingIds } from '../support/report.ts';

const idempotency = suite('suites/idempotency');

async function run(options: ConformanceOptions = {}): Promise<Report> {
  const { report } = await runConformance({ target: 'emulator', suites: ['idempotency'], seed: 5, reportDir: false, ...options });
  return report;
}

const check = checkOf;
const failing = failingIds;

idempotency('the unbroken emulator passes every check, none skipped, and every store is deleted', async () => {
  const report = await run();
  assert.equal(failing(report), []);
  assert.equal(report.checks.map((c) => c.id).sort(), [
    'idempotency.concurrent-same-token',
    'idempotency.different-tokens',
    'idempotency.retry-same-token',
    'idempotency.same-token-same-store',
    'idempotency.sdk-fills-token',
    'idempotency.token-reuse-different-request',
  ]);
  assert.equal(report.checks.filter((c) => c.status !== 'passed').map((c) => c.id), []);
  assert.is(check(report, 'idempotency.token-reuse-different-request').level, 'OBSERVED');
  assert.match(check(report, 'idempotency.token-reuse-different-request').observed[0]!.message, /refused it: ValidationException \(HTTP 400\)/);
  assert.equal(report.cleanup.left, []);
});

idempotency('the mock runs the checks without a wire and skips the others with the reason', async () => {
  const report = await run({ target: 'mock' });
  assert.equal(failing(report), []);
  assert.match(check(report, 'idempotency.sdk-fills-token').skipped!, /no wire on the mock target/);
  assert.match(check(report, 'idempotency.retry-same-token').skipped!, /no wire on the mock target/);
  for (const id of ['idempotency.same-token-same-store', 'idempotency.different-tokens', 'idempotency.concurrent-same-token']) assert.is(check(report, id).status, 'passed', id);
});

idempotency('an endpoint exposing the admin route gets the retry scenario; its fault plan is left as it was', async () => {
  const emulator = await startEmulator();
  try {
    const report = await run({ target: 'endpoint', endpoint: emulator.url });
    assert.equal(failing(report), []);
    assert.is(check(report, 'idempotency.retry-same-token').status, 'passed');
    assert.equal(emulator.core.faults.plan().script, []);
    assert.is(emulator.core.storeCount(), 0, 'no store of the run is left');
  } finally {
    await emulator.close();
  }
});

idempotency('same-token-same-store, retry-same-token and concurrent-same-token: a forgotten token makes a second store', async () => {
  const report = await run({ emulator: { deviations: { ignoreClientToken: true } } });
  assert.equal(failing(report), ['idempotency.same-token-same-store', 'idempotency.retry-same-token', 'idempotency.concurrent-same-token']);
  const same = check(report, 'idempotency.same-token-same-store').failures[0]!;
  assert.match(same.message, /the repeat answered \d+ .*, the first call \d+ .*; 2 stores exist under the name/);
  assert.is((same.received as { stores: string[] }).stores.length, 2);
  assert.type((same.case.input as Record<string, unknown>).clientToken, 'string', 'the counterexample names its token');
  assert.match(same.replay, /^idempotency\/boundary@0$/);
  const concurrent = check(report, 'idempotency.concurrent-same-token').failures[0]!;
  assert.match(concurrent.message, /20 creates at once with one clientToken: 20 answered 20 different stores .*; 20 stores exist under the name/);
  assert.equal(report.cleanup.left, [], 'the extra stores are the run\'s and are deleted');
});

idempotency('different-tokens and sdk-fills-token: requests deduplicated by content make one store of two', async () => {
  const report = await run({ emulator: { deviations: { idempotencyByRequest: true } } });
  assert.equal(failing(report), ['idempotency.different-tokens', 'idempotency.sdk-fills-token']);
  assert.match(check(report, 'idempotency.different-tokens').failures[0]!.message, /different clientTokens: both answered store \d+; 1 stores exist under the name/);
  assert.match(check(report, 'idempotency.sdk-fills-token').failures[0]!.message, /left 1 stores under the name \(\d+\), not 2/);
});

idempotency('retry-same-token: a forgotten token → the SDK\'s retry after a lost answer makes a second store', async () => {
  const report = await run({ emulator: { deviations: { ignoreClientToken: true } } });
  assert.ok(failing(report).includes('idempotency.retry-same-token'), failing(report).join(', '));
  const f = check(report, 'idempotency.retry-same-token').failures[0]!;
  assert.match(f.message, /the SDK had to retry: 2 stores exist under the name/);
  const received = f.received as { attempts: number[]; tokens: string[] };
  assert.equal(received.attempts, [200, 200], 'the first answer arrived and was dropped by the client');
  assert.is(new Set(received.tokens).size, 1, 'both attempts carried one token');
  assert.equal(report.cleanup.left, []);
});

idempotency('benign variants pass: faults after the effect, and either answer to a reused token is only recorded', async () => {
  const late = await run({ emulator: { deviations: { faultAfterEffect: true } } });
  assert.equal(failing(late), []);
  const original = await run({ emulator: { behaviour: { idempotencyMismatch: 'original' } } });
  assert.equal(failing(original), []);
  assert.match(check(original, 'idempotency.token-reuse-different-request').observed[0]!.message, /answered the original store \d+/);
  const fresh = await run({ emulator: { behaviour: { idempotencyMismatch: 'new' } } });
  assert.equal(failing(fresh), []);
  assert.match(check(fresh, 'idempotency.token-reuse-different-request').observed[0]!.message, /ran it as a new request: store \d+/);
});

idempotency.run();
