// One ajv instance for every derived schema: Unicode-aware patterns, code-point lengths, formats.
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema } from './schemas.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;

const ajv = new Ajv({ allErrors: true, strict: true, unicodeRegExp: true });
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
