// Every difference between two contract views, as data: what specs/ says and what the model says.
import type { ConstraintView, ContractView, ErrorView } from './view.ts';

export type DriftKind =
  | 'operation-missing'
  | 'binding-changed'
  | 'member-added'
  | 'member-removed'
  | 'member-changed'
  | 'error-added'
  | 'error-removed'
  | 'error-changed';

export interface Drift {
  readonly operation: string;
  readonly kind: DriftKind;
  /** `http`, `input`, `output` or `errors`. */
  readonly section: string;
  /** Member path, error name, or binding field. */
  readonly path: string;
  /** The attribute that differs (`lengthMax`, `required`, `pattern`, `httpStatus`, …), when one does. */
  readonly field?: string;
  /** What specs/ says. */
  readonly expected?: unknown;
  /** What the model says. */
  readonly actual?: unknown;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function diffFields<T extends object>(base: Omit<Drift, 'field' | 'expected' | 'actual' | 'kind'>, kind: DriftKind, spec: T, model: T, out: Drift[]): void {
  const keys = new Set([...Object.keys(spec), ...Object.keys(model)]);
  for (const field of [...keys].sort()) {
    const expected = (spec as Record<string, unknown>)[field];
    const actual = (model as Record<string, unknown>)[field];
    if (!same(expected, actual)) out.push({ ...base, kind, field, expected, actual });
  }
}

function diffMembers(operation: string, section: 'input' | 'output', spec: Record<string, ConstraintView>, model: Record<string, ConstraintView>, out: Drift[]): void {
  for (const path of Object.keys(spec)) {
    const m = model[path];
    if (!m) out.push({ operation, kind: 'member-removed', section, path, expected: spec[path] });
    else diffFields({ operation, section, path }, 'member-changed', spec[path]!, m, out);
  }
  for (const path of Object.keys(model)) {
    if (!(path in spec)) out.push({ operation, kind: 'member-added', section, path, actual: model[path] });
  }
}

function diffErrors(operation: string, spec: Record<string, ErrorView>, model: Record<string, ErrorView>, out: Drift[]): void {
  for (const name of Object.keys(spec)) {
    const m = model[name];
    if (!m) out.push({ operation, kind: 'error-removed', section: 'errors', path: name, expected: spec[name] });
    else diffFields({ operation, section: 'errors', path: name }, 'error-changed', spec[name]!, m, out);
  }
  for (const name of Object.keys(model)) {
    if (!(name in spec)) out.push({ operation, kind: 'error-added', section: 'errors', path: name, actual: model[name] });
  }
}

export function diffViews(spec: ContractView, model: ContractView): Drift[] {
  const out: Drift[] = [];
  for (const [operation, s] of Object.entries(spec)) {
    const m = model[operation];
    if (!m) {
      out.push({ operation, kind: 'operation-missing', section: 'operation', path: operation });
      continue;
    }
    diffFields({ operation, section: 'http', path: 'http' }, 'binding-changed', s.http, m.http, out);
    diffMembers(operation, 'input', s.input, m.input, out);
    diffMembers(operation, 'output', s.output, m.output, out);
    diffErrors(operation, s.errors, m.errors, out);
  }
  return out;
}

const show = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v));

/** One line a person reads. */
export function describeDrift(d: Drift): string {
  const where = `${d.operation} ${d.section === 'http' ? 'HTTP binding' : d.section}`;
  switch (d.kind) {
    case 'operation-missing':
      return `${d.operation}: the operation is not in the model`;
    case 'member-added':
      return `${where} ${d.path}: member in the model, not in specs/ (${show(d.actual)})`;
    case 'member-removed':
      return `${where} ${d.path}: member in specs/, not in the model`;
    case 'error-added':
      return `${where} ${d.path}: error in the model, not in specs/`;
    case 'error-removed':
      return `${where} ${d.path}: error in specs/, not in the model`;
    case 'binding-changed':
      return `${where} ${d.field}: specs/ ${show(d.expected)}, model ${show(d.actual)}`;
    case 'member-changed':
    case 'error-changed':
      return `${where} ${d.path} ${d.field}: specs/ ${show(d.expected)}, model ${show(d.actual)}`;
  }
}
