// Wire checks: what the SDK put on the wire against the spec's HTTP binding, and what came back
// read the same way on the wire and by the SDK. Every attempt of a call is checked.
import { operationNames, operations, outputSchema, schemaErrors, service, shapeSchema, tokenMembers, type Shape } from '../../specs/index.ts';
import type { WireExchange } from '../../targets/types.ts';
import { finalExchange } from '../observed.ts';
import type { Check, ObservationCheck, Finding } from '../types.ts';
import { outputDifferences, requestProblems } from './binding.ts';

const SUITE = 'wire';
const pass = (checkId: string, message: string): Finding => ({ checkId, status: 'passed', message });
const exchangesOf = (wire: readonly WireExchange[] | undefined) => wire ?? [];

export const requestBindingCheck: ObservationCheck = {
  kind: 'observation',
  id: 'wire.request-binding',
  suite: SUITE,
  level: 'MUST',
  spec: `model: the http trait and the httpLabel / httpQuery / body placement of each input member (${service.protocol})`,
  title: 'The request the SDK sent matches the HTTP binding: method, labels (percent-encoded), query, content type, body members and values',
  needs: ['wire-capture'],
  check(c, obs) {
    const exchanges = exchangesOf(obs.wire);
    if (exchanges.length === 0) return [];
    const findings: Finding[] = [];
    exchanges.forEach((x, attempt) => {
      const problems = requestProblems(obs.operation, obs.input, x.request);
      const which = exchanges.length > 1 ? ` (attempt ${attempt + 1})` : '';
      if (problems.length === 0) findings.push(pass(this.id, `${x.request.method} ${x.request.path.slice(0, 80)} matches the binding${which}`));
      else
        findings.push({
          checkId: this.id,
          status: 'failed',
          message: `${obs.operation}${which}: ${problems.join('; ')}`,
          expected: { method: operations[obs.operation].http.method, uri: operations[obs.operation].http.uri, input: obs.input },
          received: x.request,
          hint: 'Serialise each input member where the binding puts it: labels percent-encoded in the path, query members in the query string, the rest as JSON body members with their values unchanged.',
        });
    });
    return findings;
  },
};

const TOKEN_OPERATIONS = operationNames.filter((op) => tokenMembers(op).length > 0);

export const tokenSentCheck: ObservationCheck = {
  kind: 'observation',
  id: 'wire.token-sent',
  suite: SUITE,
  level: 'MUST',
  spec: `model: ${TOKEN_OPERATIONS.map((op) => tokenMembers(op).map((m) => `${op}$${m}`).join(', ')).join(', ')} (idempotencyToken: the client fills one when the caller gives none)`,
  title: 'An idempotency token travels on every request: the caller\'s, or one the SDK filled in',
  operations: TOKEN_OPERATIONS,
  needs: ['wire-capture'],
  check(c, obs) {
    const exchanges = exchangesOf(obs.wire);
    if (exchanges.length === 0) return [];
    const findings: Finding[] = [];
    for (const name of tokenMembers(obs.operation)) {
      const shape = operations[obs.operation].input.members[name]!.target;
      const given = obs.input[name];
      const sent = exchanges.map((x) => {
        try {
          return (JSON.parse(x.request.body || '{}') as Record<string, unknown>)[name];
        } catch {
          return undefined;
        }
      });
      const problems: string[] = [];
      if (sent.some((t) => t === undefined || t === null)) problems.push(`${name} is missing from ${sent.length > 1 ? 'an attempt' : 'the request'}`);
      else if (given !== undefined && given !== null && sent.some((t) => t !== given)) problems.push(`${name} ${JSON.stringify(sent)} differs from the caller's ${JSON.stringify(given)}`);
      else if (new Set(sent).size > 1) problems.push(`the attempts carry different ${name}s: ${JSON.stringify(sent)}`);
      else if (given === undefined || given === null) {
        const invalid = schemaErrors(shapeSchema(shape), sent[0]);
        if (invalid.length) problems.push(`the filled ${name} ${JSON.stringify(sent[0])} breaks its shape: ${invalid.map((p) => p.message).join(', ')}`);
      }
      findings.push(
        problems.length
          ? { checkId: this.id, status: 'failed', message: `${obs.operation}: ${problems.join('; ')}`, expected: given ?? `a ${name} the SDK fills in`, received: sent, hint: `Send ${name} on every attempt: the caller's value, or one value (a UUID) filled in once per call.` }
          : pass(this.id, `${name} ${given === undefined ? 'filled in by the SDK' : 'as given'} on ${sent.length === 1 ? 'the request' : `all ${sent.length} attempts`}`),
      );
    }
    return findings;
  },
};

function parsed(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text === '') return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** The shape with only the members the client's model has (`known`: member paths joined by dots, lists see-through). */
function knownPart(shape: Shape, known: ReadonlySet<string>, prefix = ''): Shape {
  if (shape.type === 'list') return { ...shape, member: knownPart(shape.member, known, prefix) };
  if (shape.type !== 'structure') return shape;
  const members = Object.entries(shape.members)
    .filter(([k]) => known.has(`${prefix}${k}`))
    .map(([k, m]) => [k, { ...m, target: knownPart(m.target, known, `${prefix}${k}.`) }] as const);
  return { ...shape, members: Object.fromEntries(members) };
}

/** The contract's members on the wire that the client's model does not have, as paths. */
function lackedMembers(shape: Shape, value: unknown, known: ReadonlySet<string>, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [];
  if (shape.type === 'list') return Array.isArray(value) ? value.flatMap((v) => lackedMembers(shape.member, v, known, prefix)) : [];
  if (shape.type !== 'structure' || Array.isArray(value)) return [];
  return Object.entries(shape.members).flatMap(([k, m]) => {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined || v === null) return [];
    return known.has(`${prefix}${k}`) ? lackedMembers(m.target, v, known, `${prefix}${k}.`) : [`${prefix}${k}`];
  });
}

export const responseAgreesCheck: ObservationCheck = {
  kind: 'observation',
  id: 'wire.response-agrees',
  suite: SUITE,
  level: 'MUST',
  spec: 'model: the output structure of each operation; its wire form (outputSchema: timestamps as date-time strings) and the SDK\'s reading of it hold the same members and values',
  title: 'A success response reads the same on the wire and in the SDK output',
  needs: ['wire-capture'],
  check(c, obs) {
    const response = finalExchange(obs)?.response;
    const code = operations[obs.operation].http.code;
    if (!response || response.status !== code || obs.transportError) return [];
    const body = parsed(response.body);
    const sdkError = obs.client.error;
    const unreadable = obs.client.unreadable;
    const shape = operations[obs.operation].output;
    const problems: string[] = [];
    // A client whose model predates members of the contract reads the others; those it lacks are noted.
    const known = obs.client.knownMembers ? new Set(obs.client.knownMembers) : undefined;
    const compared = known ? knownPart(shape, known) : shape;
    const predates = known && body.ok ? [...new Set(lackedMembers(shape, body.value, known))] : [];
    if (!body.ok) problems.push(`the body is not JSON: ${response.body.slice(0, 80)}`);
    else if (!sdkError && unreadable === undefined) problems.push(...outputDifferences(compared, body.value, obs.client.output ?? {}));
    else {
      // What on the wire does not read as its wire schema says: most likely what the SDK choked on.
      const wireForm = schemaErrors(outputSchema(obs.operation), body.value).map((p) => `on the wire ${p.path || '(body)'} ${p.message}`);
      const sdk = sdkError ? `raised ${sdkError.name}: ${sdkError.message.split('\n')[0]}` : `could not read it (${unreadable})`;
      problems.push(`the wire says HTTP ${code} success, the SDK ${sdk}`, ...wireForm);
    }
    if (problems.length === 0 && predates.length) return [{ checkId: this.id, status: 'observed', message: `${obs.operation} output reads the same on the wire and in the SDK, but for ${predates.join(', ')}, which the client's model does not have`, received: predates }];
    if (problems.length === 0) return [pass(this.id, `${obs.operation} output reads the same on the wire and in the SDK`)];
    return [
      {
        checkId: this.id,
        status: 'failed',
        message: `${obs.operation}: ${problems.join('; ')}`,
        expected: 'the same members and values on the wire and in the SDK output',
        received: { wire: response.body.slice(0, 2000), sdk: sdkError ?? (unreadable !== undefined ? { unreadable } : obs.client.output) },
        hint: 'Answer every output member in its wire form (timestamps as ISO 8601 date-time strings), so that clients read the values that were meant.',
      },
    ];
  },
};

export const wireChecks: readonly Check[] = [requestBindingCheck, tokenSentCheck, responseAgreesCheck];
