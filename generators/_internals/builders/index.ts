// Which builder makes the strings of which spec shape. Keyed on the shape (or on the shared
// printable-Unicode pattern); a shape with a pattern no builder knows is an error that says where
// to add one.
import {
  AccessLogLocation,
  FallbackLocation,
  PRINTABLE_UNICODE_PATTERN,
  SequenceStoreArn,
  SequenceStoreId,
  SseConfigKeyArn,
  TagArn,
  operations,
  type Shape,
  type StringShape,
} from '../../../specs/index.ts';
import type { StringBuilder } from './builder.ts';
import { charClassBuilder } from './charClass.ts';
import { enumBuilder } from './enumeration.ts';
import { kmsArnBuilder } from './kmsArn.ts';
import { s3LocationBuilder } from './s3Location.ts';
import { storeArnBuilder } from './storeArn.ts';

export type { BuildOptions, Described, StringBuilder } from './builder.ts';

const cache = new Map<StringShape, StringBuilder>();

function enumValuesOf(shape: Shape, out: Set<string>): void {
  if (shape.type === 'string') shape.enum?.forEach((v) => out.add(v));
  else if (shape.type === 'list') enumValuesOf(shape.member, out);
  else if (shape.type === 'map') enumValuesOf(shape.value, out);
  else if (shape.type === 'structure') for (const m of Object.values(shape.members)) enumValuesOf(m.target, out);
}

function allEnumValues(): string[] {
  const out = new Set<string>();
  for (const op of Object.values(operations)) {
    enumValuesOf(op.input, out);
    enumValuesOf(op.output, out);
  }
  return [...out];
}

function idBuilder(): StringBuilder {
  return builderFor(SequenceStoreId);
}

function make(shape: StringShape): StringBuilder {
  if (shape.enum) return enumBuilder(shape, allEnumValues().filter((v) => !shape.enum!.includes(v)));
  const pattern = shape.pattern;
  if (pattern === undefined || pattern === PRINTABLE_UNICODE_PATTERN || shape === SequenceStoreId) {
    return charClassBuilder(pattern, PRINTABLE_UNICODE_PATTERN);
  }
  if (shape === TagArn || shape === SequenceStoreArn) {
    const ids = idBuilder();
    const idMin = SequenceStoreId.length?.min ?? 1;
    const idMax = SequenceStoreId.length?.max ?? idMin;
    return storeArnBuilder(pattern, ids.arbitrary(idMin, idMax), (n) => ids.ofLength(n));
  }
  if (shape === SseConfigKeyArn) return kmsArnBuilder(pattern);
  if (shape === FallbackLocation || shape === AccessLogLocation) return s3LocationBuilder(pattern);
  throw new Error(`builderFor: no string builder for ${shape.name} (pattern ${pattern}); add one in generators/_internals/builders/`);
}

export function builderFor(shape: StringShape): StringBuilder {
  let b = cache.get(shape);
  if (!b) {
    b = make(shape);
    cache.set(shape, b);
  }
  return b;
}
