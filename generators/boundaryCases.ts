// The boundary phase: for every rule, the valid values exactly on its boundary and the invalid ones
// just outside it, enumerated deterministically on a minimal input, so an off-by-one is found on the
// first run. Then a few whole-input cases: required members only, every member, optional members null.
import { deepFreeze, operationNames, operations, rulesOf, type OperationName } from '../specs/index.ts';
import type { Case } from './case.ts';
import { validCaseOf, variantCase } from './_internals/cases.ts';
import { minimalInput, minimalValue } from './_internals/minimal.ts';
import { invalidVariants, validVariants } from './_internals/variants.ts';

function wholeInputCases(operation: OperationName): Case[] {
  const members = operations[operation].input.members;
  const base = minimalInput(operation);
  const optional = Object.keys(members).filter((n) => !members[n]!.required);
  const out = [validCaseOf(operation, base, 'required members only', 'boundary')];
  if (optional.length) {
    const every = { ...base, ...Object.fromEntries(optional.map((n) => [n, minimalValue(members[n]!.target)])) };
    out.push(validCaseOf(operation, every, 'every member present', 'boundary'));
    // restJson1 reads a null structure member as absent; an SDK cannot send one.
    const nulls = { ...base, ...Object.fromEntries(optional.map((n) => [n, null])) };
    out.push(validCaseOf(operation, nulls, 'optional members null', 'boundary', { wire: true }));
  }
  return out;
}

const built = new Map<OperationName, readonly Case[]>();

/** Built once per operation (they are the same on every call) and frozen, as every suite shares them. */
export function boundaryCases(operation: OperationName): Case[] {
  if (!operations[operation]) throw new Error(`boundaryCases: unknown operation ${String(operation)}`);
  let cases = built.get(operation);
  if (!cases) built.set(operation, (cases = deepFreeze(buildBoundaryCases(operation))));
  return [...cases];
}

function buildBoundaryCases(operation: OperationName): Case[] {
  const base = minimalInput(operation);
  const out = wholeInputCases(operation);
  for (const rule of rulesOf(operation)) {
    for (const v of validVariants(rule)) out.push(variantCase(rule, base, v, 'boundary'));
    for (const v of invalidVariants(rule)) out.push(variantCase(rule, base, v, 'boundary'));
  }
  return out;
}

/** The boundary cases of every operation, in operation order. */
export function allBoundaryCases(): Case[] {
  return operationNames.flatMap(boundaryCases);
}
