// Valid values of any spec shape: every optional member present and absent, every enum value,
// lists and maps from empty to their limit (documented limits included).
import * as fc from 'fast-check';
import type { Member, Shape } from '../specs/index.ts';
import { stringOf } from './stringOf.ts';
import { mostItemsFirst } from './_internals/mostFirst.ts';

export interface ShapeValueOptions {
  readonly location?: Member['location'];
  /** The member is required: a required list in the query string then has at least one item (sent empty, it would read as missing). */
  readonly required?: boolean;
  /** A tighter size limit than the shape's own (a documented SHOULD limit). */
  readonly sizeLimit?: number;
}

const EARLIEST = new Date(Date.UTC(2000, 0, 1));
const LATEST = new Date(Date.UTC(2099, 11, 31));

function sizes(shape: { length?: { min?: number; max?: number } }, limit: number | undefined): { min: number; max: number } {
  const min = shape.length?.min ?? 0;
  const max = Math.min(shape.length?.max ?? Infinity, limit ?? Infinity);
  return { min, max };
}

/** The tightest documented size limit of a member, if any. */
export function documentedLimit(member: Member): number | undefined {
  return member.documented?.length?.max;
}

export function shapeValue(shape: Shape, options: ShapeValueOptions = {}): fc.Arbitrary<unknown> {
  const urlSafe = options.location !== undefined;
  switch (shape.type) {
    case 'string':
      return stringOf(shape, { urlSafe, unbiased: options.location === 'label' });
    case 'integer': {
      const min = shape.range?.min ?? Number.MIN_SAFE_INTEGER;
      const max = shape.range?.max ?? Number.MAX_SAFE_INTEGER;
      return fc.oneof(fc.constant(min), fc.constant(max), fc.integer({ min, max }));
    }
    case 'timestamp':
      return fc.date({ min: EARLIEST, max: LATEST, noInvalidDate: true });
    // Lists and maps of the most items shrink to fewer items (mostFirst.ts).
    case 'list': {
      const sized = sizes(shape, options.sizeLimit);
      const max = sized.max;
      const min = options.required && options.location === 'query' ? Math.max(1, sized.min) : sized.min;
      const item = shapeValue(shape.member, { location: options.location });
      const some = fc.array(item, { minLength: min, maxLength: max });
      return Number.isFinite(max) ? fc.oneof({ weight: 1, arbitrary: mostItemsFirst(fc.array(item, { minLength: max, maxLength: max }), min, max) }, { weight: 5, arbitrary: some }) : some;
    }
    case 'map': {
      const { min, max } = sizes(shape, options.sizeLimit);
      const entry = fc.tuple(shapeValue(shape.key), shapeValue(shape.value));
      const unique = (lo: number, hi: number) => fc.uniqueArray(entry, { selector: ([k]) => k, minLength: lo, maxLength: hi });
      const some = unique(min, max).map((es) => Object.fromEntries(es));
      return Number.isFinite(max) ? fc.oneof({ weight: 1, arbitrary: mostItemsFirst(unique(max, max), min, max).map((es) => Object.fromEntries(es)) }, { weight: 5, arbitrary: some }) : some;
    }
    case 'structure': {
      const arbs: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, m] of Object.entries(shape.members)) arbs[name] = shapeValue(m.target, { location: m.location, sizeLimit: documentedLimit(m), required: m.required === true });
      const requiredKeys = Object.entries(shape.members).filter(([, m]) => m.required).map(([n]) => n);
      return fc.record(arbs, { requiredKeys });
    }
  }
}
