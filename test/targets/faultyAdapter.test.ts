// A deliberately faulty adapter (the example adapter with one fault each) fails exactly the checks
// that fault breaks, and no other, on a selection that reaches them.
import { join } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { runConformance } from '../../cli/runConformance.ts';
import { projectRoot } from '../support/paths.ts';
import { checkOf, failingIds } from '../support/report.ts';

const test = suite('targets: a faulty adapter fails exactly its checks');
const adapter = (fault: string) => `node ${join(projectRoot, 'test', 'targets', 'fixtures', 'faultyAdapter.mjs')} ${fault}`;

const cases: Array<[fault: string, suites: string[], operations: string[] | undefined, failing: string[], why: RegExp]> = [
  ['drop-token-on-retry', ['idempotency'], undefined, ['idempotency.retry-same-token'], /an attempt carried no clientToken/],
  ['generic-404', ['exceptions'], undefined, ['exceptions.sdk-class'], /expected the SDK to raise ResourceNotFoundException, it raised ServiceException, not a class the SDK models/],
  ['rename-name', ['validation', 'wire'], ['CreateSequenceStore'], ['validation.accepts-valid', 'wire.request-binding'], /within every constraint, received ValidationException \(HTTP 400\): name: is required/],
  ['refuse-valid-name', ['validation'], ['CreateSequenceStore'], ['validation.accepts-valid'], /within every constraint, the client refused it before sending \(ClientValidation: name .*only printable ASCII is allowed\)/],
];

for (const [fault, suites, operations, failing, why] of cases) {
  test(`${fault}: fails ${failing.join(' and ')}, nothing else`, async () => {
    const { report } = await runConformance({ sdkAdapter: adapter(fault), suites, ...(operations ? { operations } : {}), seed: 7, runs: 2, reportDir: false });
    assert.equal(failingIds(report), failing);
    assert.match(checkOf(report, failing[0]!).failures[0]!.message, why);
    if (fault === 'refuse-valid-name') {
      const observed = checkOf(report, 'validation.rejects-invalid');
      assert.is(observed.status, 'passed', 'an invalid name refused by the client is recorded, not failed');
      assert.ok(observed.counts.observed > 0);
    }
  });
}

test.run();
