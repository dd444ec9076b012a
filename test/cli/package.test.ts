// Installable as a dependency: npm pack, install the tarball in an empty folder, run the command.
// Slow (an npm install), so it runs where OMICS_CONFORMANCE_PACKAGE_TEST=1 (as .ci/run sets it).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { runCommand } from '../support/cli.ts';
import { haveModels, botocoreModel } from '../support/paths.ts';
import { testIf } from '../support/skip.ts';

const pkg = suite('cli: the packed package installs and runs');
const enabled = process.env.OMICS_CONFORMANCE_PACKAGE_TEST === '1';
const test = testIf(pkg, enabled, 'set OMICS_CONFORMANCE_PACKAGE_TEST=1 to run it (an npm install; .ci/run does)');

test('npm pack, npm install <tarball> in an empty folder, npx omics-conformance --help and drift', async () => {
  const out = mkdtempSync(join(tmpdir(), 'omics-pack-'));
  const packed = await runCommand('npm', ['pack', '--pack-destination', out, '--silent'], { timeoutMs: 120_000 });
  assert.is(packed.code, 0, packed.stderr);
  const tarball = join(out, packed.stdout.trim().split('\n').pop()!);
  const app = join(out, 'app');
  await runCommand('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
  const installed = await runCommand('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], { cwd: app, timeoutMs: 300_000 });
  assert.is(installed.code, 0, installed.stderr);
  const help = await runCommand('npx', ['--no-install', 'omics-conformance', '--help'], { cwd: app, timeoutMs: 60_000 });
  assert.is(help.code, 0, help.stderr);
  assert.match(help.stdout, /Usage: omics-conformance/);
  if (haveModels) {
    const drift = await runCommand('npx', ['--no-install', 'omics-conformance', 'drift', '--model', botocoreModel], { cwd: app, timeoutMs: 60_000 });
    assert.is(drift.code, 0, drift.stderr);
  }
});

pkg.run();
