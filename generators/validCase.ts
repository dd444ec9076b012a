// Random valid cases: a valid input, sent through an SDK, expected to be accepted.
import type * as fc from 'fast-check';
import type { OperationName } from '../specs/index.ts';
import type { Case } from './case.ts';
import { validCaseOf } from './_internals/cases.ts';
import { validInput } from './validInput.ts';

export function validCase(operation: OperationName): fc.Arbitrary<Case> {
  return validInput(operation).map((input) => {
    const members = Object.keys(input);
    return validCaseOf(operation, input, `valid input with ${members.length ? members.join(', ') : 'no members'}`, 'random');
  });
}
