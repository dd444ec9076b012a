// Constraint coverage: for each spec rule, whether some case satisfies it (a valid case holding its
// member; for `required`, any valid case with the member present) and some case breaks it. A rule
// no JSON request can break (a length below 0, a non-string object key) counts as covered on the
// invalid side, with the reason.
import { allRules, operationNames, rulesOf, type OperationName, type Rule } from '../specs/index.ts';
import type { Case } from './case.ts';
import { unbreakableReason as unviolable } from '../specs/index.ts';

export interface RuleCoverage {
  readonly rule: Rule;
  readonly valid: boolean;
  readonly invalid: boolean;
  /** Why the rule cannot be broken, when it cannot. */
  readonly unviolable?: string;
  readonly covered: boolean;
}

export interface Coverage {
  readonly rules: readonly RuleCoverage[];
  readonly covered: number;
  readonly total: number;
  /** covered / total, 0..1. */
  readonly ratio: number;
  readonly uncovered: readonly RuleCoverage[];
}

export function coverage(cases: Iterable<Case>, operations: readonly OperationName[] = operationNames): Coverage {
  const valid = new Set<string>();
  const invalid = new Set<string>();
  for (const c of cases) if (c.expect.outcome !== 'open') for (const id of c.ruleIds) (c.expect.outcome === 'accepted' ? valid : invalid).add(id);
  return coverageOf(valid, invalid, operations);
}

/** The same accounting from the ids of the rules valid and invalid cases exercised (what a run keeps). */
export function coverageOf(valid: ReadonlySet<string>, invalid: ReadonlySet<string>, operations: readonly OperationName[] = operationNames): Coverage {
  const rules = (operations === operationNames ? allRules() : operations.flatMap(rulesOf)).map((rule): RuleCoverage => {
    const reason = unviolable(rule);
    const v = valid.has(rule.id);
    const i = invalid.has(rule.id);
    return { rule, valid: v, invalid: i, ...(reason ? { unviolable: reason } : {}), covered: v && (i || reason !== undefined) };
  });
  const covered = rules.filter((r) => r.covered).length;
  return { rules, covered, total: rules.length, ratio: rules.length ? covered / rules.length : 1, uncovered: rules.filter((r) => !r.covered) };
}
