// Turning an input into a case: how it must be sent, what it needs from the run, and its label.
import { boundMembers, errors, operations, ruleId, rulesOf, type ErrorName, type OperationName } from '../../specs/index.ts';
import type { Case, ExpectedViolation, Need, Send } from '../case.ts';
import { freshKey, minimalValue } from './minimal.ts';
import { place, valuesAt } from './paths.ts';
import type { Variant } from './variants.ts';
import type { Rule } from '../../specs/index.ts';

/** The error the contract names for a request that breaks its input rules. */
export const INPUT_ERROR: ErrorName = errors.ValidationException.name as ErrorName;

/** The members of an operation that travel in the URL path. */
export function labelMembers(operation: OperationName): string[] {
  return boundMembers(operation, 'label').map((m) => m.name);
}

function topMember(path: string): string {
  return path.split('.')[0]!.replace(/\[\]$/, '');
}

function hasLoneSurrogate(s: string): boolean {
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

/** Lone surrogates cannot be percent-encoded by an SDK (encodeURIComponent throws). */
function urlValueUnencodable(operation: OperationName, input: Record<string, unknown>): boolean {
  return Object.entries(operations[operation].input.members)
    .filter(([, m]) => m.location !== undefined)
    .some(([name]) => valuesAt(input, name).flatMap((v) => (Array.isArray(v) ? v : [v])).some((v) => typeof v === 'string' && hasLoneSurrogate(v)));
}

export function sendOf(operation: OperationName, input: Record<string, unknown>, violations: readonly ExpectedViolation[], wire: boolean): Send {
  if (wire || urlValueUnencodable(operation, input)) return 'wire';
  const members = operations[operation].input.members;
  // An SDK refuses to build a request with a missing or empty label or a missing required query
  // value, and would encode an invalid label its own way: such cases go raw.
  const urlViolation = violations.some((v) => {
    const m = members[topMember(v.path)];
    return m?.location === 'label' || (m?.location === 'query' && v.rule === 'required');
  });
  return urlViolation ? 'wire' : 'sdk';
}

export function needsOf(operation: OperationName, subjectPath: string | undefined, valid: boolean): Need | undefined {
  const labels = labelMembers(operation);
  if (labels.length === 0) return undefined;
  if (subjectPath !== undefined && labels.includes(topMember(subjectPath))) return valid ? 'absent-store' : undefined;
  return 'existing-store';
}

export function inventedOf(operation: OperationName, input: Record<string, unknown>): string[] | undefined {
  const token = operations[operation].paginated?.inputToken;
  return token !== undefined && valuesAt(input, token).length > 0 ? [token] : undefined;
}

/** Every rule whose member the input holds: the rules a valid input satisfies. */
export function presentRuleIds(operation: OperationName, input: Record<string, unknown>): string[] {
  return rulesOf(operation)
    .filter((r) => valuesAt(input, r.path).length > 0)
    .map((r) => r.id);
}

export function validCaseOf(operation: OperationName, input: Record<string, unknown>, label: string, phase: Case['phase'], options: { subject?: string; wire?: boolean } = {}): Case {
  const needs = needsOf(operation, options.subject, true);
  const invented = inventedOf(operation, input);
  return {
    operation,
    input,
    send: sendOf(operation, input, [], options.wire ?? false),
    expect: { outcome: 'accepted' },
    label: `${operation} ${label}`,
    ruleIds: presentRuleIds(operation, input),
    phase,
    ...(needs ? { needs } : {}),
    ...(invented ? { invented } : {}),
  };
}

export function invalidCaseOf(operation: OperationName, input: Record<string, unknown>, violations: readonly ExpectedViolation[], label: string, phase: Case['phase'], options: { subject: string; wire: boolean }): Case {
  const needs = needsOf(operation, options.subject, false);
  const invented = inventedOf(operation, input);
  return {
    operation,
    input,
    send: sendOf(operation, input, violations, options.wire),
    expect: { outcome: 'rejected', error: INPUT_ERROR, violations },
    label: `${operation} ${label}`,
    ruleIds: [...new Set(violations.map((v) => ruleId(operation, v.path, v.rule)))],
    phase,
    ...(needs ? { needs } : {}),
    ...(invented ? { invented } : {}),
  };
}

/** The case of one variant of one rule, put into a base input. */
export function variantCase(rule: Rule, base: Record<string, unknown>, variant: Variant, phase: Case['phase'], index = 0): Case {
  const input = place(rule.operation, base, rule.path, variant.value, { minimal: minimalValue, freshKey, index });
  const label = `${rule.path}: ${variant.label}`;
  const wire = variant.wire ?? false;
  const c = variant.violations.length === 0
    ? validCaseOf(rule.operation, input, label, phase, { subject: rule.path, wire })
    : invalidCaseOf(rule.operation, input, variant.violations, label, phase, { subject: rule.path, wire });
  return { ...c, subject: { path: rule.path, rule: rule.rule } };
}
