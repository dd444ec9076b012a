// For each rule: the values at its path that sit exactly on its boundary (valid), and those just
// outside it or breaking it (invalid), each with the violations it causes. Deterministic for a
// seed: the boundary phase uses seed 0, the random phase draws seeds, so shrinking a seed rebuilds
// a variant by the same construction and its label stays true.
import { matchesPattern, type Rule, type Shape, type StringShape } from '../../specs/index.ts';
import type { ExpectedViolation } from '../case.ts';
import { builderFor } from './builders/index.ts';
import { collectionOfSize, minimalMemberValue, minimalValue, stringBounds } from './minimal.ts';
import { ABSENT, shapeAt, type Placed } from './paths.ts';
import { rulesOf } from '../../specs/index.ts';
import { PLACEHOLDER_TIME } from './minimal.ts';
import { unbreakableReason as unviolable } from '../../specs/index.ts';
import { toDateTimeString } from '../../specs/index.ts';

export interface Variant {
  /** What the value is, relative to the rule: `length 128 (max+1)`. */
  readonly label: string;
  readonly value: Placed;
  readonly violations: readonly ExpectedViolation[];
  /** Only a raw request can carry it (a wrong JSON type, a null, a timestamp written as a string). */
  readonly wire?: true;
}


function isItemOrEntry(path: string): boolean {
  return path.endsWith('[]') || path.endsWith('.<value>') || path.endsWith('.<key>');
}

/** Violations of a string placed for a length rule: the rule itself, and the pattern where the string cannot match it. */
function lengthViolations(rule: Rule, shape: StringShape, value: string): ExpectedViolation[] {
  const out: ExpectedViolation[] = [{ path: rule.path, rule: rule.rule, level: rule.level }];
  if (shape.pattern !== undefined && !matchesPattern(shape.pattern, value)) out.push({ path: rule.path, rule: 'pattern', level: 'MUST' });
  return out;
}

/** Violations of a list or map of `size`: every size limit it exceeds; a documented SHOULD limit only when no MUST limit is exceeded. */
function sizeViolations(rule: Rule, size: number): ExpectedViolation[] {
  const exceeded = rulesOf(rule.operation).filter((r) => r.path === rule.path && r.rule === 'length.max' && size > (r.value as number));
  const must = exceeded.filter((r) => r.level === 'MUST');
  return (must.length ? must : exceeded).map((r) => ({ path: r.path, rule: r.rule, level: r.level }));
}

function wrongTypes(shape: Shape, path: string, inUrl: boolean): Array<{ label: string; value: unknown }> {
  const nul = isItemOrEntry(path) ? [{ label: 'null', value: null }] : [];
  // In the URL every value is text: a numeric string would arrive exactly as the number does.
  if (inUrl && shape.type === 'integer') return [{ label: 'a fraction', value: (shape.range?.min ?? 1) + 0.5 }, { label: 'a boolean', value: true }];
  switch (shape.type) {
    case 'string':
      return [{ label: 'a number', value: 42 }, { label: 'a boolean', value: true }, { label: 'an array', value: ['x'] }, { label: 'an object', value: { x: 'y' } }, ...nul];
    case 'integer':
      return [{ label: 'a numeric string', value: String(shape.range?.min ?? 1) }, { label: 'a fraction', value: (shape.range?.min ?? 1) + 0.5 }, { label: 'a boolean', value: true }, ...nul];
    case 'timestamp':
      return [{ label: 'a string that is no date-time', value: 'not a date' }, { label: 'a date-time with month 13', value: '2024-13-01T00:00:00Z' }, { label: 'an array', value: [] }, ...nul];
    case 'list':
      return [{ label: 'a string', value: 'x' }, { label: 'an object', value: {} }, { label: 'a number', value: 42 }, ...nul];
    case 'map':
      return [{ label: 'a list', value: [] }, { label: 'a list of pairs', value: [['k', 'v']] }, { label: 'a string', value: 'x' }, { label: 'a number', value: 42 }, ...nul];
    case 'structure':
      return [{ label: 'a string', value: 'x' }, { label: 'a number', value: 42 }, { label: 'a list', value: [] }, ...nul];
  }
}

function isUrlMember(rule: Rule): boolean {
  return shapeAt(rule.operation, rule.path).top.location !== undefined;
}

function stringOfLength(rule: Rule, shape: StringShape, n: number, seed: number): string {
  return builderFor(shape).ofLength(n, seed, { urlSafe: isUrlMember(rule) });
}

export function validVariants(rule: Rule): Variant[] {
  const { shape, top } = shapeAt(rule.operation, rule.path);
  const topLevel = !rule.path.includes('.') && !rule.path.includes('[');
  const smallest = topLevel ? minimalMemberValue(top) : minimalValue(shape);
  const bound = rule.value as number;
  switch (rule.rule) {
    case 'required':
      return [{ label: 'present', value: smallest, violations: [] }];
    case 'type': {
      const out: Variant[] = [{ label: `a ${shape.type}`, value: smallest, violations: [] }];
      if (shape.type === 'timestamp') {
        out.push({ label: 'a date-time string in UTC', value: toDateTimeString(PLACEHOLDER_TIME), violations: [], wire: true });
        out.push({ label: 'a date-time string with an offset', value: toDateTimeString(PLACEHOLDER_TIME).replace(/\.\d+Z$/, '+02:00'), violations: [], wire: true });
      }
      return out;
    }
    case 'length.min':
    case 'length.max': {
      if (shape.type === 'string') {
        const { min, max } = stringBounds(shape);
        const n = rule.rule === 'length.min' ? Math.max(bound, min) : Math.min(bound, max);
        const note = n === bound ? (rule.rule === 'length.min' ? 'min' : 'max') : `the ${rule.rule === 'length.min' ? 'shortest' : 'longest'} the pattern admits; ${rule.rule === 'length.min' ? 'min' : 'max'} ${bound}`;
        return [{ label: `length ${n} (${note})`, value: stringOfLength(rule, shape, n, 0), violations: [] }];
      }
      const n = bound;
      // An empty list in the query string is no parameter at all: for a required member, a missing one.
      const { top } = shapeAt(rule.operation, rule.path);
      if (n === 0 && top.location === 'query' && top.required) return [];
      return [{ label: `${n} ${shape.type === 'map' ? 'entries' : 'items'} (${rule.rule === 'length.min' ? 'min' : 'max'})`, value: collectionOfSize(rule.operation, rule.path, shape, n), violations: [] }];
    }
    case 'pattern':
    case 'enum': {
      const s = shape as StringShape;
      const { min, max } = stringBounds(s);
      return builderFor(s).forms(min, max).map((f) => ({ label: f.label, value: f.value, violations: [] }));
    }
    case 'range.min':
    case 'range.max':
      return [{ label: `${bound} (${rule.rule === 'range.min' ? 'min' : 'max'})`, value: bound, violations: [] }];
  }
}

/** Invalid values for a rule. `seed` 0 gives the boundary set; other seeds vary content and overshoot. */
export function invalidVariants(rule: Rule, seed = 0): Variant[] {
  if (unviolable(rule) !== undefined) return [];
  const { shape } = shapeAt(rule.operation, rule.path);
  const own: ExpectedViolation = { path: rule.path, rule: rule.rule, level: rule.level };
  const bound = rule.value as number;
  const overshoot = seed === 0 ? 1 : 1 + (seed % 3);
  switch (rule.rule) {
    case 'required':
      return [
        { label: 'missing', value: ABSENT, violations: [own] },
        { label: 'null', value: null, violations: [own], wire: true },
      ];
    case 'type':
      return wrongTypes(shape, rule.path, isUrlMember(rule)).map((w) => ({ label: w.label, value: w.value, violations: [own], wire: true }));
    case 'length.min': {
      if (bound <= 0) return [];
      const n = Math.max(0, bound - overshoot);
      if (shape.type === 'string') {
        const value = stringOfLength(rule, shape, n, seed);
        return [{ label: `length ${n} (min-${bound - n})`, value, violations: lengthViolations(rule, shape, value) }];
      }
      return [{ label: `${n} items (min-${bound - n})`, value: collectionOfSize(rule.operation, rule.path, shape, n), violations: [own] }];
    }
    case 'length.max': {
      const n = bound + overshoot;
      if (shape.type === 'string') {
        const value = stringOfLength(rule, shape, n, seed);
        return [{ label: `length ${n} (max+${n - bound})`, value, violations: lengthViolations(rule, shape, value) }];
      }
      return [{ label: `${n} ${shape.type === 'map' ? 'entries' : 'items'} (max+${n - bound})`, value: collectionOfSize(rule.operation, rule.path, shape, n), violations: sizeViolations(rule, n) }];
    }
    case 'pattern':
    case 'enum': {
      const s = shape as StringShape;
      const { min, max } = { min: s.length?.min ?? 0, max: s.length?.max ?? Infinity };
      return builderFor(s).breakers(min, max, seed).map((b) => ({ label: `${b.label}: ${JSON.stringify(b.value).slice(0, 60)}`, value: b.value, violations: [own] }));
    }
    case 'range.min':
      return [{ label: `${bound - overshoot} (min-${overshoot})`, value: bound - overshoot, violations: [own] }];
    case 'range.max':
      return [{ label: `${bound + overshoot} (max+${overshoot})`, value: bound + overshoot, violations: [own] }];
  }
}

