// Which findings are "the same thing": a newer service that adds one member to its answers gives one
// warning per response, hundreds in a run, and a report lists it once with its count. Findings group
// by check, operation, the member the case is about, and the shape of the message: the message with
// the case's own label and every concrete value (quoted strings, ARNs, ids, timestamps, numbers)
// replaced by a placeholder. A failure also groups by how it was found (the boundary cases of a suite,
// or a property whose counterexample was shrunk: its replay value up to the `@`), so a rule broken
// everywhere shows both its edge and a random counterexample.
import type { Case } from '../generators/case.ts';
import { subjectOf } from './prepare.ts';
import type { Finding } from './types.ts';

const VALUES: ReadonlyArray<readonly [RegExp, string]> = [
  [/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '"…"'],
  [/\barn:[^\s,;)\]]+/g, '<arn>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<uuid>'],
  [/\b\d{4}-\d{2}-\d{2}T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?/g, '<time>'],
  [/(?<![\w.-])\d+(?:\.\d+)*(?!\w)/g, '<n>'],
];

/** The message with the case's label and its concrete values replaced by placeholders. */
export function messageShape(message: string, label?: string): string {
  let shape = label ? message.split(label).join('<case>') : message;
  for (const [pattern, placeholder] of VALUES) shape = shape.replace(pattern, placeholder);
  return shape;
}

/**
 * The member or members a finding is about: the paths its case breaks; for a valid case that
 * failed, the member its label names (a refused edge value). A warning or note on a valid case is
 * about the answer, whatever member the case varied.
 */
function memberOf(f: Finding, c: Case): string | undefined {
  if (c.expect.outcome === 'rejected' && c.expect.violations.length) return [...new Set(c.expect.violations.map((v) => v.path))].sort().join(',');
  return f.status === 'failed' ? subjectOf(c) : undefined;
}

/** The grouping key of a finding: `<check> <operation> [<member>] [<found by>]: <message shape>`. */
export function findingGroup(f: Finding): string {
  const c = f.case;
  const foundBy = f.status === 'failed' && f.replay ? f.replay.split('@')[0] : undefined;
  const parts = [f.checkId, c?.operation, c && memberOf(f, c), foundBy].filter((p) => p !== undefined && p !== '');
  return `${parts.join(' ')}: ${messageShape(f.message, c?.label)}`;
}
