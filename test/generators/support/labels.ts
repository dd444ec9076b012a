// The one question every generator test asks: does validateInput find exactly the violations the
// case names (as a set of path, rule, level), no more and no fewer?
import { validateInput } from '../../../specs/index.ts';
import type { Case } from '../../../generators/index.ts';

const key = (v: { path: string; rule: string; level: string }) => `${v.path} ${v.rule} ${v.level}`;

/** A description of the difference, or undefined when the label is true. */
export function labelMismatch(c: Case): string | undefined {
  const got = [...new Set(validateInput(c.operation, c.input).map(key))].sort();
  if (c.expect.outcome === 'open') return `${c.label}: a generated case leaves its outcome open`;
  const want = c.expect.outcome === 'accepted' ? [] : [...new Set(c.expect.violations.map(key))].sort();
  if (c.expect.outcome === 'rejected' && want.length === 0) return `${c.label}: rejected with no violations named`;
  return JSON.stringify(got) === JSON.stringify(want) ? undefined : `${c.label}: validateInput found [${got.join('; ')}], the label says [${want.join('; ')}]`;
}
