// report.json's JSON Schema (reports/report.schema.json, shipped with the package), and the check of
// a value against it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { schemaErrors, type SchemaError } from '../specs/ajv.ts';
import type { JsonSchema } from '../specs/schemas.ts';

export const REPORT_SCHEMA_FILE = fileURLToPath(new URL('./report.schema.json', import.meta.url));

let schema: JsonSchema | undefined;

export function reportSchema(): JsonSchema {
  schema ??= JSON.parse(readFileSync(REPORT_SCHEMA_FILE, 'utf8')) as JsonSchema;
  return schema;
}

/** Where a value departs from the report schema; empty when it is a valid report. */
export function reportSchemaErrors(value: unknown): SchemaError[] {
  return schemaErrors(reportSchema(), value);
}
