// Input validation: every invalid case refused with the modelled error, every valid case accepted.
import { errors, operations, sameValue, type ErrorName } from '../../specs/index.ts';
import type { Observation } from '../../targets/types.ts';
import { callOf, callsOf, factsOf, listedStores } from '../trace.ts';
import { describeOutcome } from '../observed.ts';
import type { Check, Finding, ObservationCheck, ScenarioCheck } from '../types.ts';

const SUITE = 'validation';

function unroutable(c: Parameters<ObservationCheck['check']>[0]): boolean {
  if (c.expect.outcome !== 'rejected') return false;
  const members = operations[c.operation].input.members;
  const empty = (v: unknown) => v === undefined || v === null || v === '';
  return c.expect.violations.every((v) => members[v.path]?.location === 'label' && empty(c.input[v.path]));
}

function rejects(c: Parameters<ObservationCheck['check']>[0], obs: Parameters<ObservationCheck['check']>[1], id: string): Finding[] {
  if (c.expect.outcome !== 'rejected') return [];
  const expected = c.expect.error as ErrorName;
  const status = errors[expected].httpStatus;
  const e = obs.client.error;
  const what = c.expect.violations.map((v) => `${v.path} ${v.rule}`).join(', ');
  if (e && e.name === expected && (e.httpStatus === undefined || e.httpStatus === status)) {
    return [{ checkId: id, status: 'passed', message: `${c.label}: refused with ${expected}` }];
  }
  // A client that validates before sending keeps an invalid request to itself: recorded, not failed.
  if (e?.refusedByClient) return [{ checkId: id, status: 'observed', message: `${c.label}: the client refused it before sending (${e.name}: ${e.message.split('\n').join(' ').slice(0, 200)})` }];
  // A missing or empty path label leaves no operation to route to: the contract does not say which
  // client error follows, so any one is recorded, not failed.
  if (e && unroutable(c) && e.httpStatus !== undefined && e.httpStatus >= 400 && e.httpStatus < 500) {
    return [{ checkId: id, status: 'observed', message: `${c.label}: the path has an empty label; the target refused it with ${describeOutcome(obs)}` }];
  }
  return [
    {
      checkId: id,
      status: 'failed',
      message: `${c.label}: breaks ${what}, expected ${expected} (HTTP ${status}), received ${describeOutcome(obs)}`,
      expected: { error: expected, httpStatus: status, violations: c.expect.violations },
      received: obs.transportError ? { transportError: obs.transportError } : (obs.client.error ?? { output: obs.client.output }),
      hint: `Validate ${what} as specs/ says and answer ${expected} with HTTP ${status}.`,
    },
  ];
}

const mustOnly = (c: Parameters<ObservationCheck['check']>[0]) => c.expect.outcome === 'rejected' && c.expect.violations.some((v) => v.level === 'MUST');

export const rejectsInvalidCheck: ObservationCheck = {
  kind: 'observation',
  id: 'validation.rejects-invalid',
  suite: SUITE,
  level: 'MUST',
  spec: 'model: the constraint traits of each input member; ValidationException (400)',
  title: 'A request that breaks a modelled constraint is refused with ValidationException',
  check(c, obs) {
    return mustOnly(c) ? rejects(c, obs, this.id) : [];
  },
};

export const rejectsDocumentedCheck: ObservationCheck = {
  kind: 'observation',
  id: 'validation.rejects-documented-limit',
  suite: SUITE,
  level: 'SHOULD',
  spec: 'documentation: limits the model does not encode (up to 50 tags on create)',
  title: 'A request that breaks a documented limit is refused with ValidationException',
  check(c, obs) {
    return c.expect.outcome === 'rejected' && !mustOnly(c) ? rejects(c, obs, this.id) : [];
  },
};

export const acceptsValidCheck: ObservationCheck = {
  kind: 'observation',
  id: 'validation.accepts-valid',
  suite: SUITE,
  level: 'MUST',
  spec: 'model: the input shape of each operation',
  title: 'A request within every constraint is accepted',
  check(c, obs) {
    if (c.expect.outcome !== 'accepted') return [];
    const e = obs.client.error;
    if (!e && !obs.transportError) return [{ checkId: this.id, status: 'passed', message: `${c.label}: accepted` }];
    if (c.needs === 'absent-store' && e && e.name !== errors.ValidationException.name) {
      return [{ checkId: this.id, status: 'passed', message: `${c.label}: passed validation, then ${e.name} for the store that does not exist` }];
    }
    if (e?.refusedByClient) {
      return [
        {
          checkId: this.id,
          status: 'failed',
          message: `${c.label}: within every constraint, the client refused it before sending (${e.name}: ${e.message.split('\n').join(' ').slice(0, 200)})`,
          expected: 'sent, and accepted',
          received: e,
          hint: "The client's own validation is stricter than the contract: compare its model's constraints with specs/.",
        },
      ];
    }
    if (c.invented?.length && e) {
      return [{ checkId: this.id, status: 'observed', message: `${c.label}: the case made up ${c.invented.join(', ')}; the target answered ${describeOutcome(obs)}` }];
    }
    return [
      {
        checkId: this.id,
        status: 'failed',
        message: `${c.label}: within every constraint, received ${describeOutcome(obs)}`,
        expected: 'success',
        received: obs.transportError ? { transportError: obs.transportError } : e,
        hint: 'Accept every value the contract allows: check the constraint the error names against specs/.',
      },
    ];
  },
};

/** The trace of a refused request: the store read before and after it, or the stores listed after it. */
export const CHANGES_NOTHING = 'validation/changes-nothing';
/** Roles of its calls. */
export const REFUSED = 'refused';
export const BEFORE = 'before';
export const AFTER = 'after';
export const LISTED = 'listed';
/** Stores the run already had when it listed: not strays of the refused create. */
export type ChangesNothingFact = { readonly kind: 'own-stores'; readonly ids: readonly string[] };

/** A store as Get and ListTags read it, less what moves by itself (status, updateTime). */
function storeState(get: Observation | undefined, tags: Observation | undefined): unknown {
  const { updateTime: _u, status: _s, ...stable } = get?.client.output ?? {};
  return { store: stable, tags: tags?.client.output?.tags };
}

const nothingChanged = (id: string, refused: Observation, ok: boolean, message: string, detail: { expected: unknown; received: unknown }): Finding =>
  ok ? { checkId: id, status: 'passed', message, observation: refused } : { checkId: id, status: 'failed', message, ...detail, hint: 'Validate the whole request before changing any state.', observation: refused };

export const createsNothingCheck: ScenarioCheck<ChangesNothingFact> = {
  kind: 'scenario',
  scenarios: [CHANGES_NOTHING],
  id: 'validation.changes-nothing',
  suite: SUITE,
  level: 'MUST',
  spec: 'A refused request has no effect',
  title: 'A refused request creates and changes nothing',
  needs: ['stores'],
  check(trace) {
    const refused = callOf(trace, REFUSED);
    // Only a refusal is checked for traces: a request wrongly accepted already fails rejects-invalid.
    if (!refused?.client.error) return [];
    const label = trace.case.label;
    if (trace.case.operation === 'CreateSequenceStore') {
      const own = new Set(factsOf(trace, 'own-stores').flatMap((f) => f.ids));
      const name = refused.input.name;
      const stray = callsOf(trace, LISTED)
        .flatMap(listedStores)
        .filter((s) => s.name === name && typeof s.id === 'string' && !own.has(s.id))
        .map((s) => s.id as string);
      return [nothingChanged(this.id, refused, stray.length === 0, stray.length ? `${label}: answered ${describeOutcome(refused)}, yet store ${stray.join(', ')} exists` : `${label}: no store was created`, { expected: 'no new store', received: stray })];
    }
    const [getBefore, tagsBefore] = callsOf(trace, BEFORE);
    const [getAfter, tagsAfter] = callsOf(trace, AFTER);
    if (!getBefore || !getAfter) return [];
    const before = storeState(getBefore, tagsBefore);
    const after = storeState(getAfter, tagsAfter);
    const same = sameValue(after, before);
    return [nothingChanged(this.id, refused, same, same ? `${label}: the store is unchanged` : `${label}: the refused request changed the store`, { expected: before, received: after })];
  },
};

export const validationChecks: readonly Check[] = [rejectsInvalidCheck, rejectsDocumentedCheck, acceptsValidCheck, createsNothingCheck];
