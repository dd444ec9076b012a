// Response-shape checks: what a successful answer must look like, on the raw body where there is a
// wire. Members the contract does not know are warnings: a newer service version adds members.
import {
  operations,
  outputSchema,
  parseSequenceStoreArn,
  sameValue,
  schemaErrors,
  service,
  type OperationName,
  type Shape,
} from '../../specs/index.ts';
import { finalExchange, succeeded, wireBody } from '../observed.ts';
import type { Check, Finding, ObservationCheck, ScenarioCheck } from '../types.ts';
import { callOf, callsOf, listedStores } from '../trace.ts';
import { CLOCK_SKEW_MS } from '../listPages.ts';

const SUITE = 'shape';
const STORE_OUTPUTS: readonly OperationName[] = ['CreateSequenceStore', 'GetSequenceStore', 'UpdateSequenceStore'];
const createInput = operations.CreateSequenceStore.input.members;
const DEFAULT_ETAG = createInput.eTagAlgorithmFamily!.documented!.default!;

const pass = (checkId: string, message: string): Finding => ({ checkId, status: 'passed', message });

/** The store objects of an output: the output itself, or the List items. */
function storesOf(operation: OperationName, body: Record<string, unknown>): Record<string, unknown>[] {
  if (operation === 'ListSequenceStores') return Array.isArray(body.sequenceStores) ? (body.sequenceStores as Record<string, unknown>[]) : [];
  return STORE_OUTPUTS.includes(operation) ? [body] : [];
}

function unknownMembers(shape: Shape, value: unknown, path: string, out: string[]): void {
  if (value === null || typeof value !== 'object') return;
  if (shape.type === 'structure' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      const member = shape.members[k];
      if (!member) out.push(path ? `${path}.${k}` : k);
      else unknownMembers(member.target, v, path ? `${path}.${k}` : k, out);
    }
  } else if (shape.type === 'list' && Array.isArray(value)) {
    value.forEach((v, i) => unknownMembers(shape.member, v, `${path}[${i}]`, out));
  }
}

export const outputSchemaCheck: ObservationCheck = {
  kind: 'observation',
  id: 'shape.output-schema',
  suite: SUITE,
  level: 'MUST',
  spec: 'model: the output structure of each operation (members, required, types, constraints; timestamps as date-time)',
  title: 'A success response validates against the output schema',
  check(c, obs) {
    if (!succeeded(obs)) return [];
    const body = wireBody(obs);
    if (!body) return [];
    const problems = schemaErrors(outputSchema(obs.operation), body.body).map((p) => `${p.path || '(body)'} ${p.message}`);
    if (obs.client.unreadable) problems.push(`the SDK could not read it (${obs.client.unreadable})`);
    if (problems.length === 0) return [pass(this.id, `${obs.operation} response matches the output schema (${body.from})`)];
    return [
      {
        checkId: this.id,
        status: 'failed',
        message: `${obs.operation} response does not match the output schema: ${problems.join('; ')}`,
        expected: `the ${operations[obs.operation].output.name} shape`,
        received: body.body,
        hint: 'Compare each listed member with the output shape in specs/operations.ts: required members present, types and patterns as modelled, timestamps as ISO 8601 strings.',
      },
    ];
  },
};

export const successStatusCheck: ObservationCheck = {
  kind: 'observation',
  id: 'shape.success-status',
  suite: SUITE,
  level: 'MUST',
  spec: 'model: the http trait of each operation (success code)',
  title: 'A success answers with the modelled HTTP status',
  needs: ['wire-capture'],
  check(c, obs) {
    const response = finalExchange(obs)?.response;
    if (!response || !succeeded(obs)) return [];
    const expected = operations[obs.operation].http.code;
    if (response.status === expected) return [pass(this.id, `${obs.operation} answered ${expected}`)];
    return [{ checkId: this.id, status: 'failed', message: `${obs.operation} succeeded with HTTP ${response.status}, the model says ${expected}`, expected, received: response.status, hint: 'Answer with the status of the operation\'s http trait.' }];
  },
};

export const unknownMembersCheck: ObservationCheck = {
  kind: 'observation',
  id: 'shape.unknown-members',
  suite: SUITE,
  // It only ever warns: what it reports is what the contract leaves open.
  level: 'OBSERVED',
  spec: 'Members outside the model are tolerated: a newer service version may add them',
  title: 'Members the contract does not know are reported, not failed',
  needs: ['wire-capture'],
  check(c, obs) {
    if (!succeeded(obs)) return [];
    const body = wireBody(obs);
    if (!body || body.from !== 'wire') return [];
    const found: string[] = [];
    unknownMembers(operations[obs.operation].output, body.body, '', found);
    if (found.length === 0) return [pass(this.id, 'no members outside the contract')];
    return [{ checkId: this.id, status: 'warning', message: `${obs.operation} response carries members the contract does not know: ${found.join(', ')}`, received: found, hint: 'If the service added them, run `omics-conformance drift` with a newer model and update specs/.' }];
  },
};

export const idArnCheck: ObservationCheck = {
  kind: 'observation',
  id: 'shape.id-arn-agree',
  suite: SUITE,
  level: 'MUST',
  spec: `model: ${service.namespace}#SequenceStoreResource aws.api#arn template`,
  title: "A store's ARN follows the resource template and names its id",
  operations: [...STORE_OUTPUTS, 'ListSequenceStores'],
  check(c, obs) {
    if (!succeeded(obs)) return [];
    const body = wireBody(obs)?.body as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object') return [];
    const findings: Finding[] = [];
    for (const store of storesOf(obs.operation, body)) {
      if (typeof store.arn !== 'string' || typeof store.id !== 'string') continue;
      const parsed = parseSequenceStoreArn(store.arn);
      if (parsed && parsed.id === store.id) findings.push(pass(this.id, `ARN ${store.arn} names id ${store.id}`));
      else
        findings.push({
          checkId: this.id,
          status: 'failed',
          message: parsed ? `ARN ${store.arn} names id ${parsed.id}, the response says id ${store.id}` : `ARN ${store.arn} does not follow arn:<partition>:${service.arnNamespace}:<region>:<account>:sequenceStore/<id>`,
          expected: `arn:<partition>:${service.arnNamespace}:<region>:<account>:sequenceStore/${store.id}`,
          received: store.arn,
          hint: 'Build the ARN from the resource template with the store id.',
        });
    }
    return findings;
  },
};

export const arnConsistentCheck: ObservationCheck = {
  kind: 'observation',
  id: 'shape.arn-consistent',
  suite: SUITE,
  level: 'SHOULD',
  spec: 'ARNs name the region the client called and one account',
  title: 'Every ARN names the called region and the same account',
  operations: [...STORE_OUTPUTS, 'ListSequenceStores'],
  check(c, obs, ctx) {
    if (!succeeded(obs)) return [];
    const body = wireBody(obs)?.body as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object') return [];
    const findings: Finding[] = [];
    const own = storesOf(obs.operation, body).filter((s) => obs.operation !== 'ListSequenceStores' || s.id === c.input.id || s.name === ctx.createdWith?.name);
    for (const store of own) {
      const parsed = typeof store.arn === 'string' ? parseSequenceStoreArn(store.arn) : undefined;
      if (!parsed) continue;
      ctx.firstArn.account ??= parsed.account;
      ctx.firstArn.region ??= parsed.region;
      const problems = [
        parsed.region !== ctx.region ? `region ${parsed.region}, the client called ${ctx.region}` : '',
        parsed.account !== ctx.firstArn.account ? `account ${parsed.account}, earlier ARNs said ${ctx.firstArn.account}` : '',
      ].filter(Boolean);
      findings.push(
        problems.length
          ? { checkId: this.id, status: 'failed', message: `ARN ${store.arn}: ${problems.join('; ')}`, expected: { region: ctx.region, account: ctx.firstArn.account }, received: parsed, hint: 'Use the region of the endpoint and one account for every store.' }
          : pass(this.id, `ARN ${store.arn} names region ${parsed.region} and account ${parsed.account}`),
      );
    }
    return findings;
  },
};

/** The members a store output echoes from the create input (and a later update). */
const ECHOED = ['name', 'description', 'sseConfig', 'fallbackLocation', 'propagatedSetLevelTags', 'eTagAlgorithmFamily'] as const;

function expectedEchoes(ctx: { createdWith?: Record<string, unknown>; updatedWith?: Record<string, unknown> }, outputMembers: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const m of ECHOED) {
    if (!outputMembers.includes(m)) continue;
    const value = ctx.updatedWith?.[m] !== undefined ? ctx.updatedWith[m] : ctx.createdWith?.[m];
    if (value !== undefined) out[m] = value;
  }
  return out;
}

const same = sameValue;

export const echoCheck: ObservationCheck = {
  kind: 'observation',
  id: 'shape.echo-inputs',
  suite: SUITE,
  level: 'SHOULD',
  spec: 'The store members of Create, Get and Update responses describe the store as it was created or updated',
  title: 'A store response echoes what the store was created (or updated) with',
  operations: STORE_OUTPUTS,
  check(c, obs, ctx) {
    if (!succeeded(obs) || !ctx.createdWith) return [];
    const body = wireBody(obs)?.body as Record<string, unknown>;
    const expected = expectedEchoes(ctx, Object.keys(operations[obs.operation].output.members));
    const findings: Finding[] = [];
    for (const [member, value] of Object.entries(expected)) {
      if (!(member in body)) {
        findings.push({ checkId: this.id, status: 'failed', message: `${obs.operation} response leaves out ${member}, which the store was given`, expected: { [member]: value }, received: body, hint: `Return ${member} as the store holds it.` });
      } else if (!same(body[member], value)) {
        findings.push({ checkId: this.id, status: 'failed', message: `${obs.operation} response says ${member} ${JSON.stringify(body[member])}, the store was given ${JSON.stringify(value)}`, expected: value, received: body[member], hint: `Store ${member} as given and return it unchanged.` });
      } else findings.push(pass(this.id, `${member} echoed`));
    }
    return findings;
  },
};

export const etagDefaultCheck: ObservationCheck = {
  kind: 'observation',
  id: 'shape.etag-default',
  suite: SUITE,
  level: 'SHOULD',
  spec: createInput.eTagAlgorithmFamily!.documented!.source,
  title: 'A store created without eTagAlgorithmFamily reports the documented default',
  operations: STORE_OUTPUTS,
  check(c, obs, ctx) {
    if (!succeeded(obs) || !ctx.createdWith || ctx.createdWith.eTagAlgorithmFamily !== undefined) return [];
    const body = wireBody(obs)?.body as Record<string, unknown>;
    if (body.eTagAlgorithmFamily === DEFAULT_ETAG) return [pass(this.id, `eTagAlgorithmFamily defaulted to ${DEFAULT_ETAG}`)];
    return [{ checkId: this.id, status: 'failed', message: `store created without eTagAlgorithmFamily reports ${JSON.stringify(body.eTagAlgorithmFamily)}, the documentation says ${DEFAULT_ETAG}`, expected: DEFAULT_ETAG, received: body.eTagAlgorithmFamily, hint: `Default eTagAlgorithmFamily to ${DEFAULT_ETAG}.` }];
  },
};

export const creationTimeCheck: ObservationCheck = {
  kind: 'observation',
  id: 'shape.creation-time-recent',
  suite: SUITE,
  level: 'SHOULD',
  spec: 'creationTime: "When the store was created."',
  title: 'A new store\'s creationTime is close to now',
  operations: ['CreateSequenceStore'],
  check(c, obs, ctx) {
    if (!succeeded(obs)) return [];
    const body = wireBody(obs)?.body as Record<string, unknown>;
    // Its evidence is a date-time string: another type is the output schema's failure to report.
    if (body.creationTime !== undefined && typeof body.creationTime !== 'string') return [{ checkId: this.id, status: 'skipped', message: `creationTime is not a date-time string (${typeof body.creationTime}): shape.output-schema reports it` }];
    if (typeof body.creationTime !== 'string') return [];
    const at = Date.parse(body.creationTime);
    const off = Math.abs(at - ctx.calledAt);
    if (Number.isFinite(at) && off <= CLOCK_SKEW_MS) return [pass(this.id, `creationTime ${body.creationTime} is ${Math.round(off / 1000)} s from the call`)];
    return [{ checkId: this.id, status: 'failed', message: `creationTime ${body.creationTime} is ${Math.round(off / 1000)} s away from the call (tolerance ${CLOCK_SKEW_MS / 1000} s)`, expected: new Date(ctx.calledAt).toISOString(), received: body.creationTime, hint: 'Set creationTime from the clock when the store is created.' }];
  },
};

export const tagsEchoCheck: ObservationCheck = {
  kind: 'observation',
  id: 'shape.tags-echo',
  suite: SUITE,
  level: 'SHOULD',
  spec: 'CreateSequenceStoreRequest$tags: "Tags for the store."; ListTagsForResource lists them',
  title: 'ListTagsForResource lists the tags a store was created with',
  operations: ['ListTagsForResource'],
  check(c, obs, ctx) {
    if (!succeeded(obs) || !ctx.createdWith) return [];
    const body = wireBody(obs)?.body as Record<string, unknown>;
    const expected = (ctx.createdWith.tags as Record<string, string> | undefined) ?? {};
    const received = (body.tags as Record<string, string> | undefined) ?? {};
    const sorted = (t: Record<string, string>) => Object.fromEntries(Object.entries(t).sort(([a], [b]) => (a < b ? -1 : 1)));
    if (same(sorted(expected), sorted(received))) return [pass(this.id, `${Object.keys(expected).length} tags listed`)];
    return [{ checkId: this.id, status: 'failed', message: `ListTagsForResource lists ${JSON.stringify(received)}, the store was created with ${JSON.stringify(expected)}`, expected, received, hint: 'Keep the tags given on create, keys and values exactly.' }];
  },
};

/** The trace of a new store looked for in List pages filtered by its name. */
export const LIST_CONTAINS = 'shape/list-contains';
export const CREATED = 'created';
export const LISTED = 'listed';

export const listContainsCheck: ScenarioCheck = {
  kind: 'scenario',
  scenarios: [LIST_CONTAINS],
  id: 'shape.list-contains-created',
  suite: SUITE,
  level: 'SHOULD',
  spec: 'ListSequenceStores with a name filter lists the stores of that name',
  title: 'A new store appears in ListSequenceStores filtered by its name',
  operations: ['ListSequenceStores'],
  needs: ['stores'],
  check(trace) {
    const id = callOf(trace, CREATED)?.client.output?.id;
    const pages = callsOf(trace, LISTED);
    const last = pages[pages.length - 1];
    if (typeof id !== 'string' || !last) return [];
    if (pages.some((page) => listedStores(page).some((s) => s.id === id))) return [pass(this.id, `store ${id} listed under its name`)];
    return [{ checkId: this.id, status: 'failed', message: `store ${id} does not appear in ListSequenceStores filtered by its name`, expected: id, received: last.client.output, hint: 'List every store whose name matches the filter, on some page.' }];
  },
};

export const shapeChecks: readonly Check[] = [outputSchemaCheck, successStatusCheck, unknownMembersCheck, idArnCheck, arnConsistentCheck, echoCheck, etagDefaultCheck, creationTimeCheck, tagsEchoCheck, listContainsCheck];
