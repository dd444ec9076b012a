// Enum members, and near misses of them: case variants, surrounding spaces, empty, and the values
// of the contract's other enums.
import * as fc from 'fast-check';
import type { StringShape } from '../../../specs/index.ts';
import type { Described, StringBuilder } from './builder.ts';

function nearMisses(values: readonly string[], otherEnums: readonly string[]): Described[] {
  const out: Described[] = [];
  const add = (label: string, value: string) => {
    if (!values.includes(value) && !out.some((o) => o.value === value)) out.push({ label, value });
  };
  for (const v of values) {
    add(`${JSON.stringify(v)} in lower case`, v.toLowerCase());
    add(`${JSON.stringify(v)} in upper case`, v.toUpperCase());
    add(`${JSON.stringify(v)} with its first letter's case swapped`, swapFirst(v));
    add(`${JSON.stringify(v)} with a trailing space`, `${v} `);
    add(`${JSON.stringify(v)} with a leading space`, ` ${v}`);
    add(`${JSON.stringify(v)} without its last character`, v.slice(0, -1));
  }
  add('empty', '');
  for (const v of otherEnums) add(`${JSON.stringify(v)}, a value of another enum`, v);
  return out;
}

function swapFirst(v: string): string {
  const first = v[0] ?? '';
  const swapped = first === first.toUpperCase() ? first.toLowerCase() : first.toUpperCase();
  return swapped + v.slice(1);
}

export function enumBuilder(shape: StringShape, otherEnums: readonly string[]): StringBuilder {
  const values = shape.enum ?? [];
  const lengths = values.map((v) => [...v].length);
  const misses = nearMisses(values, otherEnums);
  return {
    patternMin: Math.min(...lengths),
    patternMax: Math.max(...lengths),
    arbitrary: () => fc.constantFrom(...values),
    ofLength(n) {
      const v = values.find((x) => [...x].length === n);
      if (v === undefined) throw new Error(`enumBuilder: ${shape.name} has no member of length ${n}`);
      return v;
    },
    example: () => values[0] as string,
    forms: () => values.map((v) => ({ label: `enum member ${JSON.stringify(v)}`, value: v })),
    breakers: (_min, _max, seed = 0) => (seed === 0 ? misses : [misses[seed % misses.length] as Described]),
  };
}
