// Lifecycle checks read the trace of a command sequence or a paging walk: the calls it made and
// the facts noted on the way — what the model expected of an answer, each status seen of a store
// with what the run did to it since, what a delete left, and each page of a walk. Each check
// reports the first step that breaks its promise, or one pass for the trace.
import type { Case } from '../../generators/case.ts';
import type { ModelClaim } from '../../generators/index.ts';
import { behaviours, errors, operations, sameValue, service, storeStatus, transitionalStatuses } from '../../specs/index.ts';
import type { Observation } from '../../targets/types.ts';
import { describeOutcome } from '../observed.ts';
import type { Check, Finding, ScenarioCheck, Trace, TraceCall } from '../types.ts';
import { explainMove, legalFirstStatus, legalMove, type StoreAction } from './transitions.ts';

const SUITE = 'lifecycle';
const statusRule = behaviours.find((b) => b.id === 'store.status-transitions');
const NOT_FOUND = errors.ResourceNotFoundException.name;

/** The two traces: a command sequence checked against a model, and a walk through List pages. */
export const COMMANDS = 'lifecycle/commands';
export const PAGING = 'lifecycle/paging';
/** Roles of the calls: a call the model expects to succeed, and the Get that confirms a delete. */
export const COMMAND = 'command';
export const CONFIRM_GONE = 'confirm-gone';
/** A Get of a store the sequence deleted: the model's claim about its answer judges it. */
export const GET_DELETED = 'get-deleted';

/** `call`: the index in `steps` of the call that showed the fact. */
export type LifecycleFact =
  | ({ readonly kind: 'claim'; readonly call: number } & ModelClaim)
  /** A status seen of a store of the sequence: the one seen before (none for a new store) and what the run did since. */
  | { readonly kind: 'status'; readonly call: number; readonly store: string; readonly status: string; readonly previous?: string; readonly actions: readonly StoreAction[] }
  /** The status a store was left in when the wait for it to settle ended. */
  | { readonly kind: 'settled'; readonly call: number; readonly store: string; readonly status: string }
  /** What GetSequenceStore read of a deleted store once DELETING was waited out: nothing when it is gone. */
  | { readonly kind: 'deleted'; readonly call: number; readonly store: string; readonly still?: string }
  /** One page of a walk: the sequence's own stores on it, and those that lived when the walk began. */
  | { readonly kind: 'page'; readonly call: number; readonly walk: number; readonly page: number; readonly listed: readonly string[]; readonly liveAtStart: readonly string[]; readonly removed: readonly string[]; readonly last: boolean; readonly maxResults?: number }
  /** A walk that had not ended after as many pages as its stores could fill. */
  | { readonly kind: 'unended'; readonly call: number; readonly pages: number; readonly maxPages: number };

type Step = TraceCall | LifecycleFact;
type LifecycleTrace = Trace<LifecycleFact>;

interface Broken {
  readonly at: number;
  readonly message: string;
  /** The step ends the sequence without testing this promise (the reason is another check's failure). */
  readonly skip?: boolean;
  readonly expected?: unknown;
  readonly received?: unknown;
}

const show = (v: unknown) => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
};

const claimBroken = (f: Extract<LifecycleFact, { kind: 'claim' }>): Omit<Broken, 'at'> | undefined =>
  sameValue(f.received, f.expected) ? undefined : { message: `${f.what}: expected ${show(f.expected)}, received ${show(f.received)}`, expected: f.expected, received: f.received };

const callFailed = (o: Observation) => o.transportError !== undefined || o.client.error !== undefined || o.client.output === undefined;

/** The call step at or before `index`. */
function callAt(steps: readonly Step[], index: number): Observation | undefined {
  for (let i = Math.min(index, steps.length - 1); i >= 0; i--) {
    const s = steps[i]!;
    if (s.kind === 'call') return s.observation;
  }
  return undefined;
}

/** The case a finding shows: the call that showed it, labelled with the whole sequence. */
function caseAt(trace: LifecycleTrace, observation: Observation | undefined): Case {
  if (!observation) return trace.case;
  return { ...trace.case, operation: observation.operation, input: observation.input };
}

interface Aspect {
  /** The first broken promise of a step, if it breaks one. */
  broken(step: Step, index: number, steps: readonly Step[]): Omit<Broken, 'at'> | undefined;
  /** The pass, when the trace tested the promise at all. */
  passed(trace: LifecycleTrace): string | undefined;
  readonly hint: string;
}

function judge(check: ScenarioCheck<LifecycleFact>, aspect: Aspect, trace: LifecycleTrace): Finding[] {
  const { steps } = trace;
  for (let i = 0; i < steps.length; i++) {
    const broken = aspect.broken(steps[i]!, i, steps);
    if (!broken) continue;
    const call = steps[i]!.kind === 'call' ? (steps[i] as TraceCall).observation : callAt(steps, (steps[i] as { call: number }).call);
    if (broken.skip) return [{ checkId: check.id, status: 'skipped', message: broken.message, ...(call ? { observation: call } : {}) }];
    return [
      {
        checkId: check.id,
        status: 'failed',
        message: `${broken.message} (sequence: ${trace.case.label})`,
        ...(broken.expected !== undefined ? { expected: broken.expected } : {}),
        received: { sequence: trace.case.label, ...(broken.received !== undefined ? { value: broken.received } : {}) },
        hint: aspect.hint,
        case: caseAt(trace, call),
        ...(call ? { observation: call } : {}),
      },
    ];
  }
  const message = aspect.passed(trace);
  return message === undefined ? [] : [{ checkId: check.id, status: 'passed', message }];
}

const count = (trace: LifecycleTrace, test: (s: Step) => boolean) => trace.steps.filter(test).length;

/** The promise of each lifecycle check, as its check was made. */
const aspects: Aspect[] = [];

function lifecycleCheck(info: Omit<ScenarioCheck<LifecycleFact>, 'kind' | 'scenarios' | 'suite' | 'check'>, aspect: Aspect): ScenarioCheck<LifecycleFact> {
  aspects.push(aspect);
  return {
    kind: 'scenario',
    scenarios: [COMMANDS, PAGING],
    suite: SUITE,
    needs: ['stores'],
    ...info,
    check(trace) {
      return judge(this, aspect, trace);
    },
  };
}

export const modelAgreesCheck = lifecycleCheck(
  {
    id: 'lifecycle.model-agrees',
    level: 'MUST',
    spec: 'model: the input and output shapes of the eight operations; a store reads back as it was created, updated and tagged',
    title: "After each command of a sequence the target agrees with a model of the run's stores",
  },
  {
    broken(step, index, steps) {
      if (step.kind === 'claim') return step.aspect === 'state' ? claimBroken(step) : undefined;
      if (step.kind !== 'call') return undefined;
      const o = step.observation;
      const failedCall = step.role === COMMAND ? callFailed(o) : step.role === CONFIRM_GONE && !o.client.output && o.client.error?.name !== NOT_FOUND;
      if (!failedCall) return undefined;
      // A sequence whose first create is refused tested nothing of the model's stores: a valid
      // create refused is validation.accepts-valid's to judge.
      const firstCreate = steps.findIndex((s) => s.kind === 'call' && s.observation.operation === operations.CreateSequenceStore.name) === index;
      if (firstCreate && o.operation === operations.CreateSequenceStore.name) return { skip: true, message: `the sequence's first CreateSequenceStore got ${describeOutcome(o)} (validation.accepts-valid judges a valid create refused)` };
      return { message: `${o.operation}: ${describeOutcome(o)}, where the model expected ${step.role === COMMAND ? 'success' : NOT_FOUND}`, expected: step.role === COMMAND ? 'success' : NOT_FOUND, received: o.client.error ?? o.transportError };
    },
    passed(trace) {
      const calls = count(trace, (s) => s.kind === 'call');
      return trace.scenario === COMMANDS && calls > 0 ? `${calls} calls agreed with the model` : undefined;
    },
    hint: 'Answer each call as the store was created, updated and tagged; accept every valid request on an existing store.',
  },
);

export const statusTransitionsCheck = lifecycleCheck(
  {
    id: 'lifecycle.status-transitions',
    level: statusRule?.level ?? 'SHOULD',
    spec: statusRule?.source ?? `model ${service.namespace}#SequenceStoreStatus`,
    title: "A store's status moves only along legal transitions and leaves transitional statuses within the wait",
  },
  {
    broken(step, _index, steps) {
      if (step.kind === 'settled') {
        return transitionalStatuses.includes(step.status) ? { message: `store ${step.store} is still ${step.status} when the wait for it to settle ran out`, expected: 'a settled status', received: step.status } : undefined;
      }
      if (step.kind !== 'status') return undefined;
      const actions = new Set(step.actions);
      if (step.previous === undefined ? legalFirstStatus(step.status) : legalMove(step.previous, step.status, actions)) return undefined;
      const what = step.previous === undefined ? `a new store reported ${step.status}, which a store cannot start in` : explainMove(step.previous, step.status, actions);
      const by = callAt(steps, step.call)?.operation ?? operations.GetSequenceStore.name;
      return { message: `store ${step.store}: ${by} says ${step.status}: ${what}`, expected: step.previous === undefined ? `a status reachable from ${storeStatus.creating}` : { from: step.previous, after: step.actions }, received: step.status };
    },
    passed(trace) {
      const seen = count(trace, (s) => s.kind === 'status');
      return seen ? `${seen} statuses seen, every move legal` : undefined;
    },
    hint: `Move a store only along the status table in specs/behaviours.ts, and let it leave ${transitionalStatuses.join('/')} within a bounded time.`,
  },
);

export const deletedIsGoneCheck = lifecycleCheck(
  {
    id: 'lifecycle.deleted-is-gone',
    level: 'MUST',
    spec: `model ${service.namespace}#${operations.DeleteSequenceStore.name}: a deleted store is gone; ${operations.GetSequenceStore.name} answers ${NOT_FOUND}`,
    title: 'A deleted store is gone from GetSequenceStore (not found) and from ListSequenceStores',
  },
  {
    broken(step) {
      if (step.kind === 'claim') return step.aspect === 'deleted' ? claimBroken(step) : undefined;
      if (step.kind === 'deleted' && step.still !== undefined) {
        const still = transitionalStatuses.includes(step.still) ? `is still ${step.still} when the wait for it to go ran out` : `still reads ${step.still}`;
        return { message: `store ${step.store}: DeleteSequenceStore succeeded, yet GetSequenceStore ${still}`, expected: `${NOT_FOUND} from GetSequenceStore`, received: step.still };
      }
      if (step.kind === 'call' && step.role === CONFIRM_GONE && step.observation.client.output) {
        return { message: `store ${String(step.observation.input.id)}: DeleteSequenceStore succeeded, yet GetSequenceStore still answers it`, expected: NOT_FOUND, received: step.observation.client.output };
      }
      return undefined;
    },
    passed(trace) {
      const looked = count(trace, (s) => (s.kind === 'call' && s.role === CONFIRM_GONE) || (s.kind === 'claim' && s.aspect === 'deleted'));
      return looked ? `deleted stores looked up ${looked} times, gone each time` : undefined;
    },
    hint: 'Remove a deleted store: GetSequenceStore answers not-found and ListSequenceStores leaves it out (after DELETING at most).',
  },
);

export const paginationCompleteCheck = lifecycleCheck(
  {
    id: 'lifecycle.pagination-complete',
    level: 'MUST',
    spec: `model ${service.namespace}#${operations.ListSequenceStores.name} (paginated: nextToken, maxResults)`,
    title: 'Paging through ListSequenceStores never loses or repeats a store, even while stores come and go',
  },
  {
    broken(step, index, steps) {
      if (step.kind === 'claim') return step.aspect === 'pages' ? claimBroken(step) : undefined;
      if (step.kind === 'unended') return { message: `paging did not end within ${step.maxPages} pages`, expected: `at most ${step.maxPages} pages`, received: `${step.pages} pages and a next token` };
      if (step.kind !== 'page') return undefined;
      const earlier = steps.slice(0, index).filter((s): s is Extract<LifecycleFact, { kind: 'page' }> => s.kind === 'page' && s.walk === step.walk);
      for (const id of step.listed) {
        const before = earlier.find((p) => p.listed.includes(id));
        if (before) return { message: `store ${id} is listed twice in one walk through the pages: on page ${before.page} and page ${step.page}`, expected: 'each store once', received: { store: id, pages: [before.page, step.page] } };
      }
      if (!step.last) return undefined;
      // The last page, even of a walk of one page: every store there all along must have been listed.
      const seen = new Set([...earlier, step].flatMap((p) => p.listed));
      const kept = step.liveAtStart.filter((id) => !step.removed.includes(id));
      const lost = kept.filter((id) => !seen.has(id));
      if (lost.length === 0) return undefined;
      return { message: `${step.page} ${step.page === 1 ? 'page' : 'pages'} of at most ${String(step.maxResults ?? 'the default')} stores leave out ${lost.length === 1 ? 'store' : 'stores'} ${lost.join(', ')}, which existed throughout the walk`, expected: kept, received: [...seen] };
    },
    passed(trace) {
      const walks = count(trace, (s) => s.kind === 'page' && s.last && s.page > 1);
      return walks ? `${walks} walks through several pages, nothing lost or repeated` : undefined;
    },
    hint: 'Page with a stable cursor: every store that exists throughout a walk appears on exactly one page.',
  },
);

export const lifecycleChecks: readonly Check[] = [modelAgreesCheck, statusTransitionsCheck, deletedIsGoneCheck, paginationCompleteCheck];

/**
 * Whether step `index` of a trace breaks a promise of a lifecycle check. A sequence stops at the
 * first step that does, so the checks, judging the whole trace afterwards, find that step last.
 */
export function breaksAPromise(steps: readonly Step[], index: number): boolean {
  return aspects.some((aspect) => aspect.broken(steps[index]!, index, steps) !== undefined);
}
