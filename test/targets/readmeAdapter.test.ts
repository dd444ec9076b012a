// The complete adapter README.md shows ("Verify an SDK") works as printed: its code block runs as
// --sdk-adapter through the token and error suites with no failure.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { runConformance } from '../../cli/runConformance.ts';
import { projectRoot } from '../support/paths.ts';
import { testIf } from '../support/skip.ts';
import { haveBoto3, noBoto3Reason } from '../support/tools.ts';
import { checkOf, failingIds } from '../support/report.ts';

const test = suite("targets: README.md's example adapter");

/** The code block that follows the `<!-- example adapter -->` marker. */
function exampleAdapter(): string {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const m = /<!-- example adapter -->\n```python\n([\s\S]*?)\n```/.exec(readme);
  assert.ok(m, 'README.md has the example adapter block');
  return m![1]!;
}

testIf(test, haveBoto3, noBoto3Reason)('runs as printed: the idempotency and exceptions suites pass through it', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'omics-readme-adapter-')), 'my_adapter.py');
  writeFileSync(file, exampleAdapter());
  const { report, client } = await runConformance({ sdkAdapter: `python3 ${file}`, suites: ['idempotency', 'exceptions'], operations: ['CreateSequenceStore', 'GetSequenceStore', 'ListSequenceStores'], seed: 3, runs: 1, reportDir: false });
  assert.match(client ?? '', /^boto3 \d/);
  assert.equal(failingIds(report), []);
  assert.is(checkOf(report, 'idempotency.retry-same-token').status, 'passed');
  assert.is(checkOf(report, 'exceptions.sdk-class').status, 'passed');
  assert.match(checkOf(report, 'exceptions.retryable').skipped ?? '', /does not tell whether an error is retryable/);
});

test.run();
