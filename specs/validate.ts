// validateInput: every way a request breaks the contract, as data. The emulator refuses with it,
// generators label their cases with it, and the validation suite compares the two.
import { operations, type OperationName } from './operations.ts';
import { codePointLength, patternVerdict } from './pattern.ts';
import { joinPath, type RuleKind } from './rules.ts';
import { isDateTimeString } from './timestamps.ts';
import type { Bounds, Level, Member, Shape } from './types.ts';
import type { UnicodeVersion } from './unicode/index.ts';

export interface ValidateOptions {
  /**
   * Judge `\p{…}` patterns as a service whose runtime knows this Unicode version. Without it, a
   * character whose class differs between versions of the window is neither valid nor invalid: it is
   * reported as a pattern violation at OBSERVED level.
   */
  readonly unicodeVersion?: UnicodeVersion;
}

export interface Violation {
  /** Path template, as in rulesOf(): `tags.<key>`, `propagatedSetLevelTags[]`. */
  readonly path: string;
  /** Where exactly: `tags["a b"]`, `propagatedSetLevelTags[3]`. */
  readonly at: string;
  readonly rule: RuleKind;
  readonly level: Level;
  readonly value: unknown;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function typeMatches(shape: Shape, value: unknown): boolean {
  switch (shape.type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'timestamp':
      return (value instanceof Date && !Number.isNaN(value.getTime())) || (typeof value === 'string' && isDateTimeString(value));
    case 'list':
      return Array.isArray(value);
    case 'map':
    case 'structure':
      return isPlainObject(value);
  }
}

function checkBounds(bounds: Bounds | undefined, size: number, emit: (rule: RuleKind) => void, kind: 'length' | 'range'): void {
  if (!bounds) return;
  if (bounds.min !== undefined && size < bounds.min) emit(`${kind}.min`);
  if (bounds.max !== undefined && size > bounds.max) emit(`${kind}.max`);
}

function checkShape(shape: Shape, value: unknown, path: string, at: string, out: Violation[], options: ValidateOptions): void {
  const emit = (rule: RuleKind, level: Level = 'MUST'): void => {
    out.push({ path, at, rule, level, value });
  };
  if (!typeMatches(shape, value)) return emit('type');
  switch (shape.type) {
    case 'string': {
      const s = value as string;
      checkBounds(shape.length, codePointLength(s), emit, 'length');
      if (shape.pattern !== undefined) {
        const verdict = patternVerdict(shape.pattern, s, options.unicodeVersion);
        if (verdict !== 'match') emit('pattern', verdict === 'no-match' ? 'MUST' : 'OBSERVED');
      }
      if (shape.enum && !shape.enum.includes(s)) emit('enum');
      return;
    }
    case 'integer':
      return checkBounds(shape.range, value as number, emit, 'range');
    case 'timestamp':
      return;
    case 'list': {
      const items = value as unknown[];
      checkBounds(shape.length, items.length, emit, 'length');
      items.forEach((item, i) => checkShape(shape.member, item, `${path}[]`, `${at}[${i}]`, out, options));
      return;
    }
    case 'map': {
      const entries = Object.entries(value as Record<string, unknown>);
      checkBounds(shape.length, entries.length, emit, 'length');
      for (const [k, v] of entries) {
        const entryAt = `${at}[${JSON.stringify(k)}]`;
        checkShape(shape.key, k, `${path}.<key>`, entryAt, out, options);
        checkShape(shape.value, v, `${path}.<value>`, entryAt, out, options);
      }
      return;
    }
    case 'structure':
      return checkMembers(shape.members, value as Record<string, unknown>, path, at, out, options);
  }
}

function checkMembers(members: Readonly<Record<string, Member>>, value: Record<string, unknown>, path: string, at: string, out: Violation[], options: ValidateOptions): void {
  for (const [name, member] of Object.entries(members)) {
    const memberPath = joinPath(path, name);
    const memberAt = joinPath(at, name);
    const v = value[name];
    // restJson1 treats a null structure member as absent.
    if (v === undefined || v === null) {
      if (member.required) out.push({ path: memberPath, at: memberAt, rule: 'required', level: 'MUST', value: v });
      continue;
    }
    checkShape(member.target, v, memberPath, memberAt, out, options);
    const documentedMax = member.documented?.length?.max;
    if (documentedMax !== undefined && (Array.isArray(v) || isPlainObject(v))) {
      const size = Array.isArray(v) ? v.length : Object.keys(v).length;
      const alreadyMust = out.some((o) => o.path === memberPath && o.rule === 'length.max');
      if (size > documentedMax && !alreadyMust) out.push({ path: memberPath, at: memberAt, rule: 'length.max', level: 'SHOULD', value: v });
    }
  }
}

/**
 * Every violation of the operation's input rules: MUST, SHOULD, and OBSERVED for a character whose
 * admission depends on the service's Unicode version (see ValidateOptions). Members the contract does not
 * name are ignored, as a restJson1 service ignores them. Timestamps may be Date objects (SDK form)
 * or date-time strings (wire form).
 */
export function validateInput(operation: OperationName, input: unknown, options: ValidateOptions = {}): Violation[] {
  const out: Violation[] = [];
  const shape = operations[operation].input;
  if (!isPlainObject(input)) {
    out.push({ path: '', at: '', rule: 'type', level: 'MUST', value: input });
    return out;
  }
  checkMembers(shape.members, input, '', '', out, options);
  return out;
}

/** The same as validateInput, MUST violations only. */
export function mustViolations(operation: OperationName, input: unknown, options: ValidateOptions = {}): Violation[] {
  return validateInput(operation, input, options).filter((v) => v.level === 'MUST');
}
