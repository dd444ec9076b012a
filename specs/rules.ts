// The contract as a flat list of input rules: one entry for each constraint a request can break.
// Generators cover these, validateInput reports them, and checks cite them by id.
import { operations, type OperationName } from './operations.ts';
import { service } from './service.ts';
import type { Level, Member, Shape } from './types.ts';

export type RuleKind =
  | 'required'
  | 'type'
  | 'length.min'
  | 'length.max'
  | 'pattern'
  | 'enum'
  | 'range.min'
  | 'range.max';

export interface Rule {
  /** `<Operation>:<path>:<rule>`, stable across runs. */
  readonly id: string;
  readonly operation: OperationName;
  /** Member path template: `a.b` for structure members, `a[]` for list items, `a.<key>` / `a.<value>` for map entries. */
  readonly path: string;
  readonly rule: RuleKind;
  /** The bound, the pattern, or the enum values. */
  readonly value?: number | string | readonly string[];
  readonly level: Level;
  readonly source: string;
}

export function ruleId(operation: string, path: string, rule: RuleKind): string {
  return `${operation}:${path}:${rule}`;
}

export function modelSource(shapeName: string, trait: string): string {
  return `model ${service.namespace}#${shapeName} (${trait})`;
}

export function joinPath(parent: string, child: string): string {
  return parent ? `${parent}.${child}` : child;
}

function shapeRules(operation: OperationName, path: string, shape: Shape, out: Rule[]): void {
  const add = (rule: RuleKind, value: Rule['value'], trait: string, level: Level = 'MUST', source = modelSource(shape.name, trait)) =>
    out.push({ id: ruleId(operation, path, rule), operation, path, rule, value, level, source });

  add('type', shape.type, 'type');
  switch (shape.type) {
    case 'string':
      if (shape.length?.min !== undefined) add('length.min', shape.length.min, 'length');
      if (shape.length?.max !== undefined) add('length.max', shape.length.max, 'length');
      if (shape.pattern !== undefined) add('pattern', shape.pattern, 'pattern');
      if (shape.enum) add('enum', shape.enum, 'enum');
      return;
    case 'integer':
      if (shape.range?.min !== undefined) add('range.min', shape.range.min, 'range');
      if (shape.range?.max !== undefined) add('range.max', shape.range.max, 'range');
      return;
    case 'timestamp':
      return;
    case 'list':
      if (shape.length?.min !== undefined) add('length.min', shape.length.min, 'length');
      if (shape.length?.max !== undefined) add('length.max', shape.length.max, 'length');
      shapeRules(operation, `${path}[]`, shape.member, out);
      return;
    case 'map':
      if (shape.length?.min !== undefined) add('length.min', shape.length.min, 'length');
      if (shape.length?.max !== undefined) add('length.max', shape.length.max, 'length');
      shapeRules(operation, `${path}.<key>`, shape.key, out);
      shapeRules(operation, `${path}.<value>`, shape.value, out);
      return;
    case 'structure':
      for (const [name, member] of Object.entries(shape.members)) memberRules(operation, joinPath(path, name), shape.name, member, out);
      return;
  }
}

function memberRules(operation: OperationName, path: string, parent: string, member: Member, out: Rule[]): void {
  if (member.required) {
    out.push({
      id: ruleId(operation, path, 'required'),
      operation,
      path,
      rule: 'required',
      level: 'MUST',
      source: modelSource(`${parent}$${path.split('.').pop()}`, 'required'),
    });
  }
  const documented = member.documented;
  shapeRules(operation, path, member.target, out);
  if (documented?.length?.max !== undefined && member.target.type !== 'structure') {
    const modelled = 'length' in member.target ? member.target.length?.max : undefined;
    if (modelled === undefined || documented.length.max < modelled) {
      out.push({
        id: ruleId(operation, path, 'length.max'),
        operation,
        path,
        rule: 'length.max',
        value: documented.length.max,
        level: 'SHOULD',
        source: `documentation: ${documented.source}`,
      });
    }
  }
}

const cache = new Map<OperationName, readonly Rule[]>();

/** Every input rule of an operation, in member order. */
export function rulesOf(operation: OperationName): readonly Rule[] {
  let rules = cache.get(operation);
  if (!rules) {
    const out: Rule[] = [];
    shapeRules(operation, '', operations[operation].input, out);
    rules = out.filter((r) => r.path !== '');
    cache.set(operation, rules);
  }
  return rules;
}

export function allRules(): readonly Rule[] {
  return (Object.keys(operations) as OperationName[]).flatMap(rulesOf);
}

/**
 * Why no JSON request can break a rule, or undefined when one can. Coverage counts such rules as
 * covered on the invalid side, and mutants leave them out (an emulator that skips them is no different).
 */
export function unbreakableReason(rule: Rule): string | undefined {
  if (rule.rule === 'type' && rule.path.endsWith('.<key>')) return 'JSON object keys are always strings';
  if (rule.rule === 'type') {
    const top = operations[rule.operation].input.members[rule.path.split(/[.[]/)[0]!];
    // A path or query value arrives as text: only a number member can be sent a text that is no number.
    if (top?.location !== undefined && rule.value !== 'integer') return 'a path or query value has no JSON type on the wire: it is always text';
  }
  if (rule.rule === 'length.min' && typeof rule.value === 'number' && rule.value <= 0) return 'a length cannot be below 0';
  return undefined;
}
