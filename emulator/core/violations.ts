// Turns validateInput's violations into the ValidationException message a client reads:
// `name: length must be at most 127`, the numbers and patterns taken from the rule itself.
import { rulesOf, type OperationName, type Rule, type Violation } from '../../specs/index.ts';

function ruleFor(operation: OperationName, v: Violation): Rule | undefined {
  const rules = rulesOf(operation);
  return rules.find((r) => r.path === v.path && r.rule === v.rule && r.level === v.level) ?? rules.find((r) => r.path === v.path && r.rule === v.rule);
}

function describe(v: Violation, rule: Rule | undefined): string {
  const value = rule?.value;
  const list = Array.isArray(value) ? value.join(', ') : String(value);
  switch (v.rule) {
    case 'required':
      return 'is required';
    case 'type':
      return `must be ${rule ? `of type ${String(value)}` : 'a JSON object'}`;
    case 'length.min':
      return `length must be at least ${list}`;
    case 'length.max':
      return `length must be at most ${list}${v.level === 'SHOULD' ? ' (documented limit)' : ''}`;
    case 'pattern':
      return `must match the pattern ${list}`;
    case 'enum':
      return `must be one of ${list}`;
    case 'range.min':
      return `must be at least ${list}`;
    case 'range.max':
      return `must be at most ${list}`;
  }
}

/** One violation as `<where>: <what>`. */
export function violationMessage(operation: OperationName, v: Violation): string {
  return `${v.at || 'request'}: ${describe(v, ruleFor(operation, v))}`;
}

/** The message of a ValidationException for these violations (the first few, then a count). */
export function validationMessage(operation: OperationName, violations: readonly Violation[]): string {
  const shown = violations.slice(0, 5).map((v) => violationMessage(operation, v));
  const more = violations.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
}
