// Valid inputs of an operation, straight from its input shape. Path labels are well-formed
// placeholders: a suite substitutes a real store's (see Case.needs).
import type * as fc from 'fast-check';
import { operations, type OperationName } from '../specs/index.ts';
import { shapeValue } from './shapeValue.ts';

export function validInput(operation: OperationName): fc.Arbitrary<Record<string, unknown>> {
  const spec = operations[operation];
  if (!spec) throw new Error(`validInput: unknown operation ${String(operation)}`);
  return shapeValue(spec.input) as fc.Arbitrary<Record<string, unknown>>;
}
