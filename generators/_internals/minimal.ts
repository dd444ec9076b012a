// Deterministic valid values: the smallest of each shape (required members only), used for the
// base input of boundary cases and for parents a case needs but its base lacks.
import type { Member, OperationName, Shape, StringShape } from '../../specs/index.ts';
import { operations } from '../../specs/index.ts';
import { builderFor } from './builders/index.ts';
import { sizeLimit } from './paths.ts';

/** Where a member travels decides its placeholder text: labels and query values stay URL-safe. */
export function stringBounds(shape: StringShape): { min: number; max: number } {
  const b = builderFor(shape);
  return {
    min: Math.max(shape.length?.min ?? 0, b.patternMin),
    max: Math.min(shape.length?.max ?? Infinity, b.patternMax),
  };
}

/** A fixed instant for timestamp placeholders. */
export const PLACEHOLDER_TIME = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));

export function minimalValue(shape: Shape): unknown {
  switch (shape.type) {
    case 'string': {
      const { min, max } = stringBounds(shape);
      return builderFor(shape).example(min, max);
    }
    case 'integer':
      return shape.range?.min ?? 0;
    case 'timestamp':
      return PLACEHOLDER_TIME;
    case 'list':
      return Array.from({ length: shape.length?.min ?? 0 }, () => minimalValue(shape.member));
    case 'map':
      return {};
    case 'structure':
      return Object.fromEntries(
        Object.entries(shape.members)
          .filter(([, m]) => m.required)
          .map(([name, m]) => [name, minimalValue(m.target)]),
      );
  }
}

/** The smallest valid value of a member: a required list in the query string holds one item (see minimalInput). */
export function minimalMemberValue(member: Member): unknown {
  const value = minimalValue(member.target);
  if (member.required && member.location === 'query' && member.target.type === 'list' && (value as unknown[]).length === 0) return [minimalValue(member.target.member)];
  return value;
}

/**
 * The input of an operation with its required members only. A required list in the query string
 * gets one item: sent empty, it would be no parameter at all, which a service reads as missing.
 */
export function minimalInput(operation: OperationName): Record<string, unknown> {
  const input = minimalValue(operations[operation].input) as Record<string, unknown>;
  for (const [name, member] of Object.entries(operations[operation].input.members)) if (member.required) input[name] = minimalMemberValue(member);
  return input;
}

/** `count` distinct valid strings of a key shape, none in `taken`. */
export function distinctStrings(shape: Shape, count: number, taken: readonly string[] = [], length?: number): string[] {
  if (shape.type !== 'string') throw new Error(`distinctStrings: ${shape.name} is not a string shape`);
  const b = builderFor(shape);
  const { min, max } = stringBounds(shape);
  const n = length ?? Math.min(max, Math.max(min, 8));
  const out = new Set<string>();
  for (let seed = 0; out.size < count; seed++) {
    if (seed > count * 100 + 1000) throw new Error(`distinctStrings: cannot make ${count} distinct ${shape.name} values of length ${n}`);
    const s = b.ofLength(n, seed);
    if (!taken.includes(s)) out.add(s);
  }
  return [...out];
}

export function freshKey(keyShape: Shape, taken: readonly string[]): string {
  return distinctStrings(keyShape, 1, taken)[0]!;
}

/** A valid list or map of exactly `size` items or entries for the member at `path`. */
export function collectionOfSize(operation: OperationName, path: string, shape: Shape, size: number): unknown {
  if (shape.type === 'list') return distinctStrings(shape.member, size).slice(0, size);
  if (shape.type === 'map') return Object.fromEntries(distinctStrings(shape.key, size).map((k) => [k, minimalValue(shape.value)]));
  throw new Error(`collectionOfSize: ${operation} ${path} is neither a list nor a map (limit ${sizeLimit(operation, path)})`);
}

export function memberLocation(member: Member | undefined): 'label' | 'query' | undefined {
  return member?.location;
}
