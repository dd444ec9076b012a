// Random invalid cases: a valid input with one rule broken. The case is a pure function of
// (valid input, rule, variant choice, seed, position), all shrinkable, so a shrunk case is rebuilt
// by the same construction and still carries exactly the violations its label names.
import * as fc from 'fast-check';
import { rulesOf, type OperationName, type Rule } from '../specs/index.ts';
import type { Case } from './case.ts';
import { variantCase } from './_internals/cases.ts';
import { unbreakableReason as unviolable } from '../specs/index.ts';
import { invalidVariants } from './_internals/variants.ts';
import { validInput } from './validInput.ts';

export interface InvalidCaseOptions {
  /** Break only these rules (ids `Op:path:rule`); all the operation's breakable rules by default. */
  readonly ruleIds?: readonly string[];
}

/** The rules of an operation a JSON request can break. */
export function breakableRules(operation: OperationName): Rule[] {
  return rulesOf(operation).filter((r) => unviolable(r) === undefined);
}

export function invalidCase(operation: OperationName, options: InvalidCaseOptions = {}): fc.Arbitrary<Case> {
  const rules = breakableRules(operation).filter((r) => !options.ruleIds || options.ruleIds.includes(r.id));
  if (rules.length === 0) throw new Error(`invalidCase: ${operation} has no breakable rule among ${options.ruleIds?.join(', ') ?? 'its rules'}`);
  return fc
    .tuple(validInput(operation), fc.constantFrom(...rules), fc.nat(), fc.nat({ max: 1000 }), fc.nat())
    .map(([base, rule, choice, seed, index]) => {
      const variants = invalidVariants(rule, seed);
      const variant = variants[choice % variants.length]!;
      return variantCase(rule, base, variant, 'random', index);
    });
}
