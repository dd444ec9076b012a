// Two sets of normalised cases, side by side: every difference by JSON path, with the value on each
// side, and what kind of difference it is — one side accepted what the other refused, another error
// name, another HTTP status, an output member on one side only, another value, or another request
// (the cases are not the same any more). A case one side did not run is listed as skipped.
import type { CallView, Json } from './callView.ts';
import type { BaselineCase } from './format.ts';
import { pathText, type PathStep } from './path.ts';

export type DifferenceKind = 'outcome' | 'error-type' | 'status' | 'member' | 'value' | 'request' | 'calls';

export const DIFFERENCE_KINDS: Readonly<Record<DifferenceKind, string>> = {
  outcome: 'accepted on one side, refused on the other',
  'error-type': 'another error name',
  status: 'another HTTP status',
  member: 'an output member on one side only',
  value: 'another value',
  request: 'another request: the cases are no longer the same',
  calls: 'a call on one side only',
};

export interface Difference {
  /** The case's replay value. */
  readonly case: string;
  readonly path: string;
  readonly steps: readonly PathStep[];
  readonly kind: DifferenceKind;
  /** The value on each side; absent where that side has nothing at the path. */
  readonly a?: unknown;
  readonly b?: unknown;
}

export interface SkippedCase {
  readonly case: string;
  readonly reason: string;
}

export interface Comparison {
  /** Cases both sides ran. */
  readonly compared: number;
  readonly differences: readonly Difference[];
  readonly skipped: readonly SkippedCase[];
}

export interface CompareOptions {
  /** What each side is called in a skip reason. */
  readonly names: { readonly a: string; readonly b: string };
  /** Whether each side saw the HTTP wire: the status of a success and the headers are compared only where both did. */
  readonly wire: { readonly a: boolean; readonly b: boolean };
}

const isObject = (v: unknown): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function refused(call: CallView): boolean {
  return call.error !== undefined || call.transportError === true || call.refused !== undefined;
}

function outcomeOf(call: CallView): Json {
  if (call.refused !== undefined) return { outcome: 'not sent', reason: call.refused };
  if (call.transportError) return { outcome: 'no answer' };
  return { outcome: call.error ? 'refused' : 'accepted', ...(call.status !== undefined ? { status: call.status } : {}), ...(call.error ? { error: call.error.type } : {}) };
}

class Collector {
  readonly out: Difference[] = [];
  constructor(private readonly key: string) {}

  add(steps: readonly PathStep[], kind: DifferenceKind, a: unknown, b: unknown): void {
    const full = ['cases', this.key, ...steps];
    this.out.push({ case: this.key, path: pathText(full), steps: full, kind, ...(a !== undefined ? { a } : {}), ...(b !== undefined ? { b } : {}) });
  }

  /** Every leaf that differs; `onlyOne` is the kind of a member present on one side only. */
  deep(steps: readonly PathStep[], a: unknown, b: unknown, kind: DifferenceKind, onlyOne: DifferenceKind): void {
    if (same(a, b)) return;
    if (a === undefined || b === undefined) return this.add(steps, onlyOne, a, b);
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) this.deep([...steps, i], a[i], b[i], kind, onlyOne);
      return;
    }
    if (isObject(a) && isObject(b)) {
      const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
      for (const k of keys) this.deep([...steps, k], a[k], b[k], kind, onlyOne);
      return;
    }
    this.add(steps, kind, a, b);
  }
}

function compareCall(c: Collector, at: readonly PathStep[], a: CallView, b: CallView, options: CompareOptions): void {
  if (a.operation !== b.operation || a.via !== b.via || !same(a.input, b.input) || a.role !== b.role) {
    c.deep(at, { operation: a.operation, via: a.via, role: a.role, input: a.input }, { operation: b.operation, via: b.via, role: b.role, input: b.input }, 'request', 'request');
    return;
  }
  if (refused(a) !== refused(b) || Boolean(a.transportError) !== Boolean(b.transportError) || (a.refused === undefined) !== (b.refused === undefined)) {
    c.add(at, 'outcome', outcomeOf(a), outcomeOf(b));
    return;
  }
  const wire = options.wire.a && options.wire.b;
  if ((wire || a.error) && a.status !== b.status) c.add([...at, 'status'], 'status', a.status, b.status);
  if (wire) c.deep([...at, 'headers'], a.headers ?? {}, b.headers ?? {}, 'value', 'value');
  if (a.error && b.error) {
    if (a.error.type !== b.error.type) c.add([...at, 'error', 'type'], 'error-type', a.error.type, b.error.type);
    if (a.error.message !== b.error.message) c.add([...at, 'error', 'message'], 'value', a.error.message, b.error.message);
  }
  c.deep([...at, 'output'], a.output, b.output, 'value', 'member');
  if (a.refused !== b.refused) c.add([...at, 'refused'], 'value', a.refused, b.refused);
}

function compareCase(key: string, a: BaselineCase, b: BaselineCase, options: CompareOptions): Difference[] {
  const c = new Collector(key);
  const n = Math.max(a.calls.length, b.calls.length);
  for (let i = 0; i < n; i++) {
    const x = a.calls[i];
    const y = b.calls[i];
    if (x && y) compareCall(c, ['calls', i], x, y, options);
    else c.add(['calls', i], 'calls', x, y);
  }
  return c.out;
}

/** Every case of either side, in `a`'s order then `b`'s new ones. */
export function compareCases(a: Readonly<Record<string, BaselineCase>>, b: Readonly<Record<string, BaselineCase>>, options: CompareOptions): Comparison {
  const differences: Difference[] = [];
  const skipped: SkippedCase[] = [];
  let compared = 0;
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    const x = a[key];
    const y = b[key];
    const why = !x ? `not run on ${options.names.a} (its ${y!.suite} suite ran no such case there)` : !y ? `not run on ${options.names.b} (its ${x.suite} suite ran no such case there)` : x.skipped !== undefined ? `skipped on ${options.names.a}: ${x.skipped}` : y.skipped !== undefined ? `skipped on ${options.names.b}: ${y.skipped}` : undefined;
    if (why !== undefined) {
      skipped.push({ case: key, reason: why });
      continue;
    }
    compared++;
    differences.push(...compareCase(key, x!, y!, options));
  }
  return { compared, differences, skipped };
}
