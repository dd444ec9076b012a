// Every target declares what it can do, and carries the means of exactly what it declares; a check
// that needs a capability the target lacks is skipped, and the reason names the capability.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { runConformance } from '../../cli/runConformance.ts';
import { createTarget } from '../../cli/targetFactory.ts';
import { ADMIN_PREFIX, startEmulator } from '../../emulator/index.ts';
import { operationNames } from '../../specs/index.ts';
import { awsTarget } from '../../targets/aws.ts';
import { CAPABILITIES, can, lacks } from '../../targets/capabilities.ts';
import { emulatorTarget } from '../../targets/emulator.ts';
import { mockTarget } from '../../targets/mock.ts';
import type { Capability, Target } from '../../targets/types.ts';
import { assertValidReport, checkOf } from '../support/report.ts';

const test = suite('targets: capabilities');

const JS_V3_ADAPTER = `node ${new URL('../../targets/adapters/js-v3.mjs', import.meta.url).pathname}`;

const sorted = (target: Target) => [...target.capabilities].sort();

/** A target has the member that carries a capability exactly when it declares the capability. */
function assertMeansMatch(target: Target): void {
  const means: Partial<Record<Capability, unknown>> = { 'raw-send': target.sendRaw, admin: target.admin, 'scoped-credentials': target.scopedTarget, ledger: target.ledger };
  for (const [capability, member] of Object.entries(means)) assert.is(member !== undefined, can(target, capability as Capability), `${target.name}: ${capability}`);
  for (const capability of target.capabilities) assert.ok(capability in CAPABILITIES, `${target.name}: ${capability} is described`);
}

/** An HTTP server that answers 404 to everything: an endpoint that is not our emulator. */
async function notFoundServer(): Promise<{ url: string; server: Server }> {
  const server = createServer((_req, res) => res.writeHead(404).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

test('the mock: a client view and the core controls; no wire to capture, send raw or lose', async () => {
  const target = mockTarget();
  try {
    assert.equal(sorted(target), ['admin', 'client-view']);
    assertMeansMatch(target);
    assert.is(lacks(target, 'raw-send'), 'raw-wire cases cannot be sent to the mock target (lacks raw-send)');
    assert.is(lacks(target, 'wire-capture', 'the token is not visible'), 'no wire on the mock target: the token is not visible (lacks wire-capture)');
  } finally {
    await target.close();
  }
});

test('the embedded emulator: everything over HTTP, its controls in process, keys limited to some operations', async () => {
  const target = await emulatorTarget();
  try {
    assert.equal(sorted(target), ['admin', 'client-view', 'lose-first-answer', 'raw-send', 'scoped-credentials', 'wire-capture']);
    assertMeansMatch(target);
    assert.is(target.admin!.via, 'in process');
    const scoped = await target.scopedTarget!(operationNames.filter((op) => op === 'GetSequenceStore'));
    try {
      const denied = await scoped.call('CreateSequenceStore', { name: 'scoped' });
      assert.is(denied.client.error?.name, 'AccessDeniedException');
      const allowed = await scoped.call('GetSequenceStore', { id: '1234567890' });
      assert.is(allowed.client.error?.name, 'ResourceNotFoundException');
    } finally {
      await scoped.close();
    }
  } finally {
    await target.close();
  }
});

test('an endpoint URL: raw sends and wire capture; admin only where it is our emulator, over its admin route', async () => {
  const { url, server } = await notFoundServer();
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
  const plain = await createTarget({ target: 'endpoint', endpoint: url, timeoutMs: 2000 });
  const ours = await createTarget({ target: 'endpoint', endpoint: emulator.url, timeoutMs: 2000 });
  try {
    assert.equal(sorted(plain), ['client-view', 'lose-first-answer', 'raw-send', 'wire-capture']);
    assertMeansMatch(plain);
    assert.is(lacks(plain, 'admin'), `${url} does not expose the emulator's admin route (${ADMIN_PREFIX}): faults and quotas cannot be set there (lacks admin)`);
    assert.equal(sorted(ours), ['admin', 'client-view', 'lose-first-answer', 'raw-send', 'wire-capture']);
    assertMeansMatch(ours);
    assert.is(ours.admin!.via, `${emulator.url}${ADMIN_PREFIX}`);
    await ours.admin!.setBehaviour({ quota: 0 });
    assert.is(emulator.core.config.behaviour.quota, 0, 'the admin route reached the emulator');
  } finally {
    await plain.close();
    await ours.close();
    await emulator.close();
    await closeServer(server);
  }
});

test('the aws target: a ledger behind its guard, no controls, and says why', async () => {
  const emulator = await startEmulator({ host: '127.0.0.1', port: 0 });
  const target = awsTarget({ region: emulator.core.config.region, endpoint: emulator.url });
  try {
    assert.equal(sorted(target), ['client-view', 'ledger', 'lose-first-answer', 'raw-send', 'wire-capture']);
    assertMeansMatch(target);
    assert.is(lacks(target, 'admin'), 'the real service cannot be made to fail on purpose (lacks admin)');
  } finally {
    await target.close();
    await emulator.close();
  }
});

test('an SDK behind an adapter: the emulator log as its wire, scripted faults and limited keys where the service is ours; never raw sends', async () => {
  const { url, server } = await notFoundServer();
  const embedded = await createTarget({ sdkAdapter: JS_V3_ADAPTER, timeoutMs: 5000 });
  const elsewhere = await createTarget({ sdkAdapter: JS_V3_ADAPTER, target: 'endpoint', endpoint: url, timeoutMs: 5000 });
  try {
    assert.equal(sorted(embedded), ['admin', 'client-view', 'fail-first-attempts', 'scoped-credentials', 'wire-capture']);
    assertMeansMatch(embedded);
    // The same client with a key limited to Get, against a second emulator that checks signatures.
    const scoped = await embedded.scopedTarget!(operationNames.filter((op) => op === 'GetSequenceStore'));
    try {
      assert.is((await scoped.call('CreateSequenceStore', { name: 'scoped' })).client.error?.name, 'AccessDeniedException');
      assert.is((await scoped.call('GetSequenceStore', { id: '1234567890' })).client.error?.name, 'ResourceNotFoundException');
    } finally {
      await scoped.close();
    }
    assert.ok(!(await embedded.call('ListSequenceStores', {})).client.error, 'the adapter still answers after its scoped view closed');
    assert.match(lacks(embedded, 'raw-send'), /^raw-wire cases go around the SDK under test \(.+\): they are the in-process run's to send \(lacks raw-send\)$/);
    assert.equal(sorted(elsewhere), ['client-view']);
    assertMeansMatch(elsewhere);
    assert.match(lacks(elsewhere, 'wire-capture'), new RegExp(`^no wire on the endpoint target: .+ runs in another process and ${url} keeps no log of its requests \\(lacks wire-capture\\)$`));
    assert.match(lacks(elsewhere, 'admin'), /does not expose the emulator's admin route/);
  } finally {
    await embedded.close();
    await elsewhere.close();
    await closeServer(server);
  }
});

test('a check that needs a capability the target lacks is skipped, and the reason names the capability', async () => {
  const { report } = await runConformance({ target: 'mock', suites: ['exceptions', 'idempotency'], operations: ['CreateSequenceStore'], seed: 7, runs: 1, reportDir: false });
  assertValidReport(report);
  assert.is(report.summary.failed, 0);
  // Every case of a wire check skips: most for the wire, the one with a read-only key for that key first.
  const reasons = checkOf(report, 'exceptions.error-type-header').skipped!.split('; ');
  assert.equal(reasons, ['no wire on the mock target (lacks wire-capture)', 'the mock target cannot be given a key limited to some operations: only the embedded emulator starts a second, SigV4-verifying emulator for this (lacks scoped-credentials)']);
  assert.is(checkOf(report, 'idempotency.retry-same-token').skipped, "no wire on the mock target: its answers do not pass the SDK's retry step (lacks wire-capture)");
  assert.is(checkOf(report, 'exceptions.http-status').status, 'passed', 'faults and the quota come through the core controls');
});

test("README.md names every capability a target can declare", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  for (const capability of Object.keys(CAPABILITIES)) assert.ok(readme.includes(`\`${capability}\``), capability);
});

test.run();
