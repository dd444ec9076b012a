// JSON Schemas (draft 2020-12 subset that ajv reads) derived from the shapes: the wire form, so
// timestamps are date-time strings. Output schemas stay open to members a newer service adds.
import { deepFreeze } from './deepFreeze.ts';
import { errors } from './errors.ts';
import { operations, type OperationName } from './operations.ts';
import type { ErrorName, Member, Shape, StructureShape } from './types.ts';

export type JsonSchema = Record<string, unknown>;

export interface SchemaOptions {
  /** Reject members the contract does not name (default false: a newer service may add members). */
  readonly closed?: boolean;
  /** Include the documented (SHOULD) limits as well as the modelled ones. */
  readonly documented?: boolean;
  /** Leave out members that travel in the path or query string (the JSON body only). */
  readonly bodyOnly?: boolean;
}

function bounds(min: number | undefined, max: number | undefined, minKey: string, maxKey: string): JsonSchema {
  return { ...(min !== undefined ? { [minKey]: min } : {}), ...(max !== undefined ? { [maxKey]: max } : {}) };
}

const built = new WeakMap<Shape, Map<string, JsonSchema>>();

/**
 * The schema of a shape, built once per shape and options and frozen: the validators compiled from
 * it are cached by the schema object, so a new object per call would compile it again each time.
 */
export function shapeSchema(shape: Shape, options: SchemaOptions = {}): JsonSchema {
  const key = `${options.closed ? 1 : 0}${options.documented ? 1 : 0}${options.bodyOnly ? 1 : 0}`;
  let byOptions = built.get(shape);
  if (!byOptions) built.set(shape, (byOptions = new Map()));
  let schema = byOptions.get(key);
  if (!schema) byOptions.set(key, (schema = deepFreeze(buildSchema(shape, options))));
  return schema;
}

function buildSchema(shape: Shape, options: SchemaOptions): JsonSchema {
  switch (shape.type) {
    case 'string':
      return {
        type: 'string',
        ...bounds(shape.length?.min, shape.length?.max, 'minLength', 'maxLength'),
        ...(shape.pattern !== undefined ? { pattern: shape.pattern } : {}),
        ...(shape.enum ? { enum: [...shape.enum] } : {}),
      };
    case 'integer':
      return { type: 'integer', ...bounds(shape.range?.min, shape.range?.max, 'minimum', 'maximum') };
    case 'timestamp':
      return { type: 'string', format: 'date-time' };
    case 'list':
      return {
        type: 'array',
        items: shapeSchema(shape.member, { ...options, bodyOnly: false }),
        ...bounds(shape.length?.min, shape.length?.max, 'minItems', 'maxItems'),
      };
    case 'map':
      return {
        type: 'object',
        propertyNames: shapeSchema(shape.key, options),
        additionalProperties: shapeSchema(shape.value, { ...options, bodyOnly: false }),
        ...bounds(shape.length?.min, shape.length?.max, 'minProperties', 'maxProperties'),
      };
    case 'structure':
      return structureSchema(shape, options);
  }
}

function memberSchema(member: Member, options: SchemaOptions): JsonSchema {
  const schema = shapeSchema(member.target, { ...options, bodyOnly: false });
  const max = member.documented?.length?.max;
  if (options.documented && max !== undefined) {
    const key = member.target.type === 'list' ? 'maxItems' : 'maxProperties';
    const modelled = schema[key];
    if (typeof modelled !== 'number' || max < modelled) return { ...schema, [key]: max };
  }
  return schema;
}

function structureSchema(shape: StructureShape, options: SchemaOptions): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const [name, member] of Object.entries(shape.members)) {
    if (options.bodyOnly && member.location) continue;
    properties[name] = memberSchema(member, options);
    if (member.required) required.push(name);
  }
  return {
    title: shape.name,
    type: 'object',
    properties,
    ...(required.length ? { required } : {}),
    additionalProperties: !options.closed,
  };
}

export function inputSchema(operation: OperationName, options: SchemaOptions = {}): JsonSchema {
  return shapeSchema(operations[operation].input, options);
}

/** The response body of a successful call. */
export function outputSchema(operation: OperationName, options: SchemaOptions = {}): JsonSchema {
  return shapeSchema(operations[operation].output, options);
}

/** The response body of an error; the type itself travels in `x-amzn-errortype`. */
export function errorSchema(name: ErrorName, options: SchemaOptions = {}): JsonSchema {
  return shapeSchema(errors[name].shape, options);
}
