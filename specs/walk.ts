// The one walk over a value against its shape: structure members, list items and map values, each
// seen with its shape (and, for a structure member, the member with its traits). What the value
// holds that the shape does not describe (a string where a list belongs) is not descended into.
import type { Member, Shape } from './types.ts';

/** Where a value sits inside the walked one: member names and map keys, list indices. */
export type ValuePath = readonly (string | number)[];

export interface ValueVisit {
  readonly shape: Shape;
  readonly value: unknown;
  readonly path: ValuePath;
  /** The structure member that holds the value; absent at the root, for list items and map values. */
  readonly member?: Member;
}

const isObjectLike = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The parts of `visit`'s value its shape describes: list items, map values, known structure members. */
function children({ shape, value, path }: ValueVisit): ValueVisit[] {
  switch (shape.type) {
    case 'list':
      return Array.isArray(value) ? value.map((item, i) => ({ shape: shape.member, value: item, path: [...path, i] })) : [];
    case 'map':
      return isObjectLike(value) ? Object.entries(value).map(([k, v]) => ({ shape: shape.value, value: v, path: [...path, k] })) : [];
    case 'structure':
      return isObjectLike(value)
        ? Object.entries(value).flatMap(([k, v]) => {
            const member = shape.members[k];
            return member ? [{ shape: member.target, value: v, path: [...path, k], member }] : [];
          })
        : [];
    default:
      return [];
  }
}

/**
 * Calls `visit` on the value and on every part its shape reaches, parents first; absent (undefined
 * or null) parts are not visited. `visit` returning false stops the descent below that part.
 */
export function walkValue(shape: Shape, value: unknown, visit: (at: ValueVisit) => boolean | void): void {
  const walk = (at: ValueVisit): void => {
    if (at.value === undefined || at.value === null) return;
    if (visit(at) === false) return;
    for (const child of children(at)) walk(child);
  };
  walk({ shape, value, path: [] });
}

/**
 * The value rebuilt with each scalar part (string, integer, timestamp) replaced by `leaf(part)`.
 * Absent parts, parts the shape does not describe and structure members the contract does not know
 * are kept as they are.
 */
export function mapValue(shape: Shape, value: unknown, leaf: (at: ValueVisit) => unknown): unknown {
  const rebuild = (at: ValueVisit): unknown => {
    if (at.value === undefined || at.value === null) return at.value;
    const { shape: s, value: v } = at;
    if (s.type === 'string' || s.type === 'integer' || s.type === 'timestamp') return leaf(at);
    if (s.type === 'list') return Array.isArray(v) ? children(at).map(rebuild) : v;
    if (!isObjectLike(v)) return v;
    const mapped = new Map(children(at).map((child) => [child.path[child.path.length - 1] as string, rebuild(child)]));
    return Object.fromEntries(Object.entries(v).map(([k, item]) => [k, mapped.has(k) ? mapped.get(k) : item]));
  };
  return rebuild({ shape, value, path: [] });
}
