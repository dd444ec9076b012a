// One ajv instance for every derived schema: Unicode-aware patterns, code-point lengths, formats.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { patternTester } from './pattern.ts';
import type { JsonSchema } from './schemas.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

// Patterns go through patternTester: `\p{…}` is judged from the pinned Unicode table, not the runtime's.
const regExp = Object.assign((pattern: string) => patternTester(pattern), { code: 'patternTester' });
const ajv = new Ajv({ allErrors: true, strict: true, unicodeRegExp: true, code: { regExp } });
addFormats(ajv);

const compiled = new WeakMap<JsonSchema, ValidateFunction>();

export function schemaValidator(schema: JsonSchema): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

export interface SchemaError {
  readonly path: string;
  readonly message: string;
}

export function schemaErrors(schema: JsonSchema, value: unknown): SchemaError[] {
  const validate = schemaValidator(schema);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => ({ path: e.instancePath, message: `${e.keyword}: ${e.message ?? ''}`.trim() }));
}
