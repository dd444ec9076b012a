// From HTTP parts to the operation input, by the member locations in specs/: labels, query
// parameters (integers parsed, lists repeated), and the JSON body for the rest.
import { operations, type OperationName } from '../../specs/index.ts';

export function bindInput(
  operation: OperationName,
  labels: Readonly<Record<string, string>>,
  query: readonly [string, string][],
  body: Record<string, unknown>,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(operations[operation].input.members)) {
    const wireName = member.locationName ?? name;
    if (member.location === 'label') {
      if (labels[wireName] !== undefined) input[name] = labels[wireName];
    } else if (member.location === 'query') {
      const values = query.filter(([k]) => k === wireName).map(([, v]) => v);
      if (values.length === 0) continue;
      if (member.target.type === 'list') input[name] = values;
      else if (member.target.type === 'integer') input[name] = /^-?\d{1,15}$/.test(values[0]!) ? Number(values[0]) : values[0];
      else input[name] = values[0];
    } else if (name in body) {
      input[name] = body[name];
    }
  }
  return input;
}

/** Whether the operation takes any member from the body (GET and DELETE ones do not). */
export function hasBodyMembers(operation: OperationName): boolean {
  return Object.values(operations[operation].input.members).some((m) => m.location === undefined);
}
