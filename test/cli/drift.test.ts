import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { runCli, runCliHere } from '../support/cli.ts';
import { botocoreModel, haveModels, noModelsReason, smithyModel } from '../support/paths.ts';
import { testIf } from '../support/skip.ts';

const cli = suite('cli: omics-conformance drift');
const withModels = testIf(cli, haveModels, noModelsReason);
const dir = mkdtempSync(join(tmpdir(), 'omics-drift-cli-'));

withModels('both official model files: exit 0, "No drift"', async () => {
  for (const model of [botocoreModel, smithyModel]) {
    const r = await runCliHere(['drift', '--model', model]);
    assert.is(r.code, 0, r.stderr);
    assert.match(r.stdout, /No drift/);
  }
});

withModels('an edited model: exit 1 and a line naming the change', async () => {
  const m = JSON.parse(readFileSync(botocoreModel, 'utf8'));
  m.shapes.SequenceStoreName.max = 128;
  const file = join(dir, 'edited.json');
  writeFileSync(file, JSON.stringify(m));
  const r = await runCliHere(['drift', '--model', file]);
  assert.is(r.code, 1);
  assert.match(r.stdout, /CreateSequenceStore input name lengthMax: specs\/ 127, model 128/);
  const json = await runCliHere(['drift', '--model', file, '--json']);
  assert.is(json.code, 1);
  assert.ok(JSON.parse(json.stdout).drift.length > 0);
});

cli('a model of another service: exit 2, one line, no stack trace', async () => {
  const file = join(dir, 's3.json');
  writeFileSync(file, JSON.stringify({ metadata: { serviceId: 'S3', endpointPrefix: 's3' }, operations: {}, shapes: {} }));
  const r = await runCli(['drift', '--model', file]);
  assert.is(r.code, 2);
  assert.is(r.stderr.trim().split('\n').length, 1);
  assert.match(r.stderr, /botocore model of 'S3', not Omics/);
});

cli('bad usage: exit 2 with a hint', async () => {
  const missing = await runCliHere(['drift']);
  assert.is(missing.code, 2);
  assert.match(missing.stderr, /--model FILE is required/);
  const unknown = await runCliHere(['nonsense']);
  assert.is(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command 'nonsense'/);
});

cli('--help lists the commands', async () => {
  const r = await runCliHere(['--help']);
  assert.is(r.code, 0);
  assert.match(r.stdout, /drift/);
});

cli.run();
