// Reading fault plans from people: the `--faults` text of the command line and the JSON body of
// the admin route. Both refuse what they do not understand with a message naming the part.
import { errorNames, operationNames, type ErrorName, type OperationName } from '../../specs/index.ts';
import type { FaultPlan, ScriptedFault } from './faults.ts';

export class FaultSpecError extends Error {
  override readonly name = 'FaultSpecError';
}

export const FAULT_SYNTAX =
  'rate=<0..1>,errors=<E>+<E>,ops=<Op>+<Op>,latency=<ms>|<min>-<max>,seed=<n>,next=<N>:<Op|*>:<E>  (each part optional; next= may repeat)';

function errorName(value: string, where: string): ErrorName {
  if (!(errorNames as string[]).includes(value)) throw new FaultSpecError(`${where}: unknown error '${value}'; one of ${errorNames.join(', ')}`);
  return value as ErrorName;
}

function operationName(value: string, where: string): OperationName {
  if (!(operationNames as string[]).includes(value)) throw new FaultSpecError(`${where}: unknown operation '${value}'; one of ${operationNames.join(', ')}`);
  return value as OperationName;
}

function rate(value: unknown, where: string): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !(n >= 0 && n <= 1)) throw new FaultSpecError(`${where}: must be a number from 0 to 1, got '${String(value)}'`);
  return n;
}

function wholeNumber(value: unknown, where: string): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new FaultSpecError(`${where}: must be a whole number of 0 or more, got '${String(value)}'`);
  return n;
}

function latency(value: string, where: string): [number, number] {
  const [a, b] = value.split('-');
  const min = wholeNumber(a, where);
  const max = b === undefined ? min : wholeNumber(b, where);
  if (max < min) throw new FaultSpecError(`${where}: the maximum is below the minimum`);
  return [min, max];
}

function scripted(value: string, where: string): ScriptedFault {
  const parts = value.split(':');
  if (parts.length !== 3) throw new FaultSpecError(`${where}: expected <count>:<Operation|*>:<Error>, got '${value}'`);
  const [count, op, error] = parts as [string, string, string];
  const n = wholeNumber(count, `${where} count`);
  return { count: n, operation: op === '*' ? '*' : operationName(op, where), error: errorName(error, where) };
}

export type FaultChange = Partial<FaultPlan> & { seed?: number };

/** Parse the `--faults` text, e.g. `rate=0.1,errors=ThrottlingException,next=2:CreateSequenceStore:InternalServerException`. */
export function parseFaultSpec(text: string): FaultChange {
  const change: { -readonly [K in keyof FaultChange]: FaultChange[K] } = {};
  const script: ScriptedFault[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq < 0) throw new FaultSpecError(`'${part}': expected key=value. Syntax: ${FAULT_SYNTAX}`);
    const key = part.slice(0, eq);
    const value = part.slice(eq + 1);
    switch (key) {
      case 'rate':
        change.rate = rate(value, 'rate');
        break;
      case 'errors':
        change.errors = value.split('+').map((e) => errorName(e, 'errors'));
        break;
      case 'ops':
        change.operations = value.split('+').map((o) => operationName(o, 'ops'));
        break;
      case 'latency':
        change.latencyMs = latency(value, 'latency');
        break;
      case 'seed':
        change.seed = wholeNumber(value, 'seed');
        break;
      case 'next':
        script.push(scripted(value, 'next'));
        break;
      default:
        throw new FaultSpecError(`unknown fault key '${key}'. Syntax: ${FAULT_SYNTAX}`);
    }
  }
  if (script.length) change.script = script;
  return change;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Read the admin route's JSON: `{rate, errors, operations, latencyMs: n | [min,max], seed, script: [{operation, count, error, message}]}` or `{spec: "<text>"}`. */
export function faultChangeFromJson(body: unknown): FaultChange {
  if (!isRecord(body)) throw new FaultSpecError('the body must be a JSON object');
  if (typeof body.spec === 'string') return parseFaultSpec(body.spec);
  const known = ['rate', 'errors', 'operations', 'latencyMs', 'seed', 'script'];
  const unknown = Object.keys(body).filter((k) => !known.includes(k));
  if (unknown.length) throw new FaultSpecError(`unknown member ${unknown.join(', ')}; known: spec, ${known.join(', ')}`);
  const change: { -readonly [K in keyof FaultChange]: FaultChange[K] } = {};
  if (body.rate !== undefined) change.rate = rate(body.rate, 'rate');
  if (body.seed !== undefined) change.seed = wholeNumber(body.seed, 'seed');
  const strings = (value: unknown, where: string): string[] => {
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw new FaultSpecError(`${where}: must be a list of names`);
    return value;
  };
  if (body.errors !== undefined) change.errors = strings(body.errors, 'errors').map((e) => errorName(e, 'errors'));
  if (body.operations !== undefined) change.operations = strings(body.operations, 'operations').map((o) => operationName(o, 'operations'));
  if (body.latencyMs !== undefined) {
    const l = body.latencyMs;
    if (Array.isArray(l) && l.length === 2) change.latencyMs = latency(`${wholeNumber(l[0], 'latencyMs')}-${wholeNumber(l[1], 'latencyMs')}`, 'latencyMs');
    else change.latencyMs = latency(String(wholeNumber(l, 'latencyMs')), 'latencyMs');
  }
  if (body.script !== undefined) {
    if (!Array.isArray(body.script)) throw new FaultSpecError('script: must be a list of {operation, count, error, message?}');
    change.script = body.script.map((entry, i) => {
      const where = `script[${i}]`;
      if (!isRecord(entry)) throw new FaultSpecError(`${where}: must be an object {operation, count, error, message?}`);
      const op = entry.operation ?? '*';
      if (typeof op !== 'string') throw new FaultSpecError(`${where}.operation: must be an operation name or '*'`);
      if (typeof entry.error !== 'string') throw new FaultSpecError(`${where}.error: must be an error name`);
      if (entry.message !== undefined && typeof entry.message !== 'string') throw new FaultSpecError(`${where}.message: must be a string`);
      return {
        operation: op === '*' ? '*' : operationName(op, `${where}.operation`),
        count: wholeNumber(entry.count ?? 1, `${where}.count`),
        error: errorName(entry.error, `${where}.error`),
        ...(entry.message !== undefined ? { message: entry.message as string } : {}),
      };
    });
  }
  return change;
}
