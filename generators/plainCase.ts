// A case made plain for a person to read: the strings of chosen members replaced by the plainest the
// contract admits there ('a', keys 'a', 'b', …; ASCII where the pattern allows), as long as its
// label stays true. The subject of a one-rule case keeps what the label is about: the value itself
// for a pattern or an enum, the length or the number of items for a length rule. A case that broke
// rules still breaks exactly those (validateInput finds the violations it names), and it is still
// sent as before. Deterministic: the same case and members give the same plain case.
import { codePointLength, isPlainObject, operations, validateInput, type Shape } from '../specs/index.ts';
import type { Case } from './case.ts';
import { builderFor } from './_internals/builders/index.ts';
import { sendOf } from './_internals/cases.ts';
import { stringBounds } from './_internals/minimal.ts';

/** Strings distinct from one another in one list or map. */
type Taken = Set<string>;

interface Walk {
  readonly subject: Case['subject'];
  readonly urlSafe: boolean;
}

/** A pattern or enum case is about its subject's very value. */
const keepsValue = (subject: Case['subject'], path: string) => subject?.path === path && (subject.rule === 'pattern' || subject.rule === 'enum');

function plainString(shape: Shape, value: string, path: string, walk: Walk, taken?: Taken): string {
  if (shape.type !== 'string') return value;
  const b = builderFor(shape);
  if (!b.plain) return value;
  const { min, max } = stringBounds(shape);
  // The subject of a length rule keeps its length; any other string is one character where it may be.
  const subject = walk.subject;
  const n = subject?.path === path && (subject.rule === 'length.min' || subject.rule === 'length.max') ? codePointLength(value) : Math.min(Math.max(min, 1), max);
  for (let index = 0; ; index++) {
    const s = b.plain(n, index, { urlSafe: walk.urlSafe });
    if (s === undefined) return value;
    if (!taken?.has(s)) {
      taken?.add(s);
      return s;
    }
  }
}

function plainValue(shape: Shape, value: unknown, path: string, walk: Walk, taken?: Taken): unknown {
  if (keepsValue(walk.subject, path)) return value;
  switch (shape.type) {
    case 'string':
      return typeof value === 'string' ? plainString(shape, value, path, walk, taken) : value;
    case 'list': {
      if (!Array.isArray(value)) return value;
      const items: Taken = new Set();
      return value.map((item) => plainValue(shape.member, item, `${path}[]`, walk, items));
    }
    case 'map': {
      if (!isPlainObject(value)) return value;
      const keys: Taken = new Set();
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [plainValue(shape.key, k, `${path}.<key>`, walk, keys), plainValue(shape.value, v, `${path}.<value>`, walk)]),
      );
    }
    case 'structure':
      if (!isPlainObject(value)) return value;
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape.members[k] ? plainValue(shape.members[k].target, v, `${path}.${k}`, walk) : v]));
    default:
      return value;
  }
}

const violationKey = (v: { path: string; rule: string; level: string }) => `${v.path} ${v.rule} ${v.level}`;

/** The label of `c` is true of `input`: the same violations (none for a valid case), sent the same way. */
function labelHolds(c: Case, input: Record<string, unknown>): boolean {
  if (c.expect.outcome === 'open') return false;
  const named = c.expect.outcome === 'rejected' ? c.expect.violations : [];
  const found = [...new Set(validateInput(c.operation, input).map(violationKey))].sort();
  if (JSON.stringify(found) !== JSON.stringify([...new Set(named.map(violationKey))].sort())) return false;
  return sendOf(c.operation, input, named, c.send === 'wire') === c.send;
}

function withPlain(c: Case, members: readonly string[]): Record<string, unknown> {
  const spec = operations[c.operation].input.members;
  const input = { ...c.input };
  for (const name of members) {
    const member = spec[name];
    if (!member || !(name in input)) continue;
    input[name] = plainValue(member.target, input[name], name, { subject: c.subject, urlSafe: member.location !== undefined });
  }
  return input;
}

/** The members of the case that can be made plain, each on its own, with its label still true; in input order. */
export function plainMembers(c: Case): string[] {
  if (!labelHolds(c, c.input)) return [];
  return Object.keys(c.input).filter((name) => {
    const input = withPlain(c, [name]);
    return JSON.stringify(input[name]) !== JSON.stringify(c.input[name]) && labelHolds(c, input);
  });
}

/** The case with these members made plain; the case itself when there are none, or together they would not keep its label. */
export function plainCase(c: Case, members: readonly string[]): Case {
  const plain = plainMembers(c).filter((m) => members.includes(m));
  if (plain.length === 0) return c;
  const input = withPlain(c, plain);
  return labelHolds(c, input) ? { ...c, input } : c;
}
