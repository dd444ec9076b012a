// The input a case actually sends: idempotency tokens, and the name of a store to be created,
// made unique for the run (a token reused with another request, or a name another case also
// used, would make the target answer for the wrong reason).
import type { Case } from '../generators/case.ts';
import { operations, type StringShape } from '../specs/index.ts';
import type { SuiteEnv } from './engine.ts';

/** The member the case is about, when it is about one: its label starts `<Operation> <path>:`. */
export function subjectOf(c: Case): string | undefined {
  if (c.subject !== undefined) return c.subject.path.split(/[.[]/)[0];
  const m = new RegExp(`^${c.operation} ([A-Za-z]+)[.\\[:]`).exec(c.label);
  return m?.[1];
}

export function prepareInput(env: SuiteEnv, c: Case, input: Record<string, unknown>): Record<string, unknown> {
  const out = { ...input };
  const subject = subjectOf(c);
  for (const [name, member] of Object.entries(operations[c.operation].input.members)) {
    if (!(name in out) || member.target.type !== 'string') continue;
    const uniqueName = c.operation === 'CreateSequenceStore' && name === 'name' && subject !== name;
    if (member.idempotencyToken || uniqueName) out[name] = env.unique.nextIfValid(member.target as StringShape, out[name]);
  }
  return out;
}
