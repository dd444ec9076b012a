// Path templates (`a.b`, `a[]`, `a.<key>`, `a.<value>`): what shape sits at one, which values an
// input holds there, and an input with one value put there — everything else left as it was.
import { operations, rulesOf, type Member, type OperationName, type Shape } from '../../specs/index.ts';

export type Step = { kind: 'member'; name: string } | { kind: 'item' } | { kind: 'key' } | { kind: 'value' };

export const ABSENT: unique symbol = Symbol('absent');
export type Placed = unknown | typeof ABSENT;

export function steps(template: string): Step[] {
  const out: Step[] = [];
  for (const part of template.split('.')) {
    if (part === '<key>') out.push({ kind: 'key' });
    else if (part === '<value>') out.push({ kind: 'value' });
    else {
      const name = part.replace(/(\[\])+$/, '');
      out.push({ kind: 'member', name });
      for (let i = name.length; i < part.length; i += 2) out.push({ kind: 'item' });
    }
  }
  return out;
}

export interface At {
  readonly shape: Shape;
  /** The structure member the path ends in or passes through last, and its top-level member. */
  readonly member?: Member;
  readonly top: Member;
  /** The enclosing list or map when the path ends inside one. */
  readonly container?: Shape;
}

/** The shape at a path template of an operation's input. */
export function shapeAt(operation: OperationName, template: string): At {
  let shape: Shape = operations[operation].input;
  let member: Member | undefined;
  let top: Member | undefined;
  let container: Shape | undefined;
  for (const step of steps(template)) {
    container = undefined;
    if (step.kind === 'member') {
      if (shape.type !== 'structure' || !shape.members[step.name]) throw new Error(`shapeAt: ${operation} has no member at ${template}`);
      member = shape.members[step.name]!;
      top ??= member;
      shape = member.target;
    } else if (step.kind === 'item' && shape.type === 'list') {
      container = shape;
      shape = shape.member;
    } else if (step.kind === 'key' && shape.type === 'map') {
      container = shape;
      shape = shape.key;
    } else if (step.kind === 'value' && shape.type === 'map') {
      container = shape;
      shape = shape.value;
    } else throw new Error(`shapeAt: ${template} does not fit the shapes of ${operation}`);
  }
  if (!top) throw new Error(`shapeAt: empty path for ${operation}`);
  return { shape, member, top, container };
}

/** The largest size a list or map at this path may have with no violation, MUST or SHOULD. */
export function sizeLimit(operation: OperationName, template: string): number {
  const maxima = rulesOf(operation)
    .filter((r) => r.path === template && r.rule === 'length.max')
    .map((r) => r.value as number);
  return maxima.length ? Math.min(...maxima) : Infinity;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** Every value an input holds at a path template (null structure members count as absent). */
export function valuesAt(input: unknown, template: string): unknown[] {
  let current: unknown[] = [input];
  for (const step of steps(template)) {
    const next: unknown[] = [];
    for (const v of current) {
      if (step.kind === 'member' && isRecord(v) && v[step.name] !== undefined && v[step.name] !== null) next.push(v[step.name]);
      else if (step.kind === 'item' && Array.isArray(v)) next.push(...v);
      else if (step.kind === 'key' && isRecord(v)) next.push(...Object.keys(v));
      else if (step.kind === 'value' && isRecord(v)) next.push(...Object.values(v));
    }
    current = next;
  }
  return current;
}

export interface PlaceOptions {
  /** Makes a missing parent (a structure, list or map on the way): a valid minimal value of its shape. */
  readonly minimal: (shape: Shape) => unknown;
  /** A valid map key not yet in `taken`, for a value put into a map. */
  readonly freshKey: (keyShape: Shape, taken: readonly string[]) => string;
  /** Which item or entry to replace; wrapped to the container's size. */
  readonly index?: number;
}

/**
 * The input with `value` put at the path template (or the member removed, for ABSENT). A list item
 * replaces an existing item; a map key is added after trimming the map so it stays within its size
 * limit; a map value replaces an existing entry's value.
 */
export function place(operation: OperationName, input: Record<string, unknown>, template: string, value: Placed, options: PlaceOptions): Record<string, unknown> {
  const path = steps(template);
  const index = options.index ?? 0;
  const root: Record<string, unknown> = { ...input };
  let parent: Record<string, unknown> = root;
  let shape: Shape = operations[operation].input;
  let prefix = '';
  for (let i = 0; i < path.length; i++) {
    const step = path[i]!;
    const last = i === path.length - 1;
    if (step.kind !== 'member' || shape.type !== 'structure') throw new Error(`place: ${template} does not fit ${operation}`);
    const member: Member = shape.members[step.name]!;
    prefix = prefix ? `${prefix}.${step.name}` : step.name;
    if (last) {
      if (value === ABSENT) delete parent[step.name];
      else parent[step.name] = value;
      return root;
    }
    const next = path[i + 1]!;
    const target: Shape = member.target;
    if (next.kind === 'member') {
      const child = isRecord(parent[step.name]) ? { ...(parent[step.name] as Record<string, unknown>) } : (options.minimal(target) as Record<string, unknown>);
      parent[step.name] = child;
      parent = child;
      shape = target;
      continue;
    }
    if (i + 2 !== path.length) throw new Error(`place: ${template} nests deeper than a list item or map entry`);
    if (next.kind === 'item' && target.type === 'list') {
      const list = Array.isArray(parent[step.name]) ? [...(parent[step.name] as unknown[])] : [];
      if (list.length === 0) list.push(value);
      else list[index % list.length] = value;
      parent[step.name] = list;
      return root;
    }
    if (target.type === 'map') {
      const entries = isRecord(parent[step.name]) ? Object.entries(parent[step.name] as Record<string, unknown>) : [];
      if (next.kind === 'key') {
        const kept = entries.slice(0, Math.max(0, sizeLimit(operation, prefix) - 1));
        parent[step.name] = Object.fromEntries([...kept.filter(([k]) => k !== value), [value as string, options.minimal(target.value)]]);
      } else {
        if (entries.length === 0) entries.push([options.freshKey(target.key, []), value]);
        else entries[index % entries.length] = [entries[index % entries.length]![0], value];
        parent[step.name] = Object.fromEntries(entries);
      }
      return root;
    }
    throw new Error(`place: ${template} does not fit ${operation}`);
  }
  return root;
}
