// Generators draw printable characters from the pinned table only: valid values hold stable-allowed
// characters, invalid pattern values break the pattern with stable-refused ones, so no case's
// expectation depends on which Unicode version a target (or this Node.js) knows.
import * as fc from 'fast-check';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { invalidCase, unicodeProbes, validCase, type Case } from '../../generators/index.ts';
import { valuesAt } from '../../generators/_internals/paths.ts';
import { operationNames, pinnedCharClass, PRINTABLE_UNICODE_PATTERN, rulesOf, unicodeVersions, type CharKind, type OperationName } from '../../specs/index.ts';

const test = suite('generators: characters from the pinned Unicode table');
const SEED = 20261129;
console.log(`  generators/unicode seed: ${SEED}`);

/** Every string a case holds at a member whose pattern uses \p{…}, with that member's path. */
function printableValues(c: Case): Array<{ path: string; value: string; kinds: Set<CharKind> }> {
  return rulesOf(c.operation)
    .filter((r) => r.rule === 'pattern' && typeof r.value === 'string' && pinnedCharClass(r.value))
    .flatMap((r) =>
      valuesAt(c.input, r.path)
        .filter((v): v is string => typeof v === 'string')
        .map((value) => ({ path: r.path, value, kinds: new Set([...value].map((ch) => pinnedCharClass(r.value as string)!.kind(ch.codePointAt(0)!))) })),
    );
}

test('10,000 valid cases: every printable member holds stable-allowed characters only', () => {
  const perOperation = Math.ceil(10_000 / operationNames.length);
  let values = 0;
  for (const op of operationNames) {
    for (const c of fc.sample(validCase(op), { seed: SEED, numRuns: perOperation })) {
      for (const v of printableValues(c)) {
        values++;
        assert.equal([...v.kinds], v.value === '' ? [] : ['stable-allowed'], `${c.label} ${v.path} ${JSON.stringify(v.value)}`);
      }
    }
  }
  assert.ok(values > 5_000, `only ${values} printable values were generated`);
});

test('invalid pattern cases break the printable pattern with stable-refused characters only', () => {
  let broken = 0;
  for (const op of operationNames) {
    const ruleIds = rulesOf(op as OperationName).filter((r) => r.rule === 'pattern' && r.value === PRINTABLE_UNICODE_PATTERN).map((r) => r.id);
    if (ruleIds.length === 0) continue;
    for (const c of fc.sample(invalidCase(op, { ruleIds }), { seed: SEED, numRuns: 300 })) {
      assert.is(c.expect.outcome, 'rejected');
      const violated = c.expect.outcome === 'rejected' ? c.expect.violations.map((v) => v.path) : [];
      for (const v of printableValues(c).filter((x) => violated.includes(x.path))) {
        assert.not.ok(v.kinds.has('version-dependent'), `${c.label}: ${JSON.stringify(v.value)} holds a version-dependent character`);
        if (v.value !== '') assert.ok(v.kinds.has('stable-refused'), `${c.label}: ${JSON.stringify(v.value)}`);
        broken++;
      }
    }
  }
  assert.ok(broken > 300, `only ${broken} broken values`);
});

test('unicode probes: a control, then for every later version characters whose admission changes there', () => {
  const probes = unicodeProbes(PRINTABLE_UNICODE_PATTERN);
  const printable = pinnedCharClass(PRINTABLE_UNICODE_PATTERN)!;
  assert.is(printable.kind(probes[0]!.codePoint), 'stable-allowed');
  for (const [i, v] of unicodeVersions.entries()) {
    if (i === 0) continue;
    const own = probes.filter((p) => p.version === v);
    assert.ok(own.length >= 1, `a probe for ${v}`);
    for (const p of own) assert.is(printable.allowedIn(p.codePoint, v) !== printable.allowedIn(p.codePoint, unicodeVersions[i - 1]!), true, `${p.name} tells ${v} from ${unicodeVersions[i - 1]}`);
  }
  assert.equal(unicodeProbes(PRINTABLE_UNICODE_PATTERN).map((p) => p.name), probes.map((p) => p.name), 'the same probes every time');
  assert.ok(probes.some((p) => p.name === 'U+180E' && p.version === '6.3'), 'U+180E tells 6.3 (it left the separators) from 6.2');
});

test.run();
