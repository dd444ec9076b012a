// Building and reading the trace of a scenario: the calls it made, each under the role it played,
// and the facts it noted. Scenarios write traces; scenario checks read them with these helpers.
import type { Case } from '../generators/case.ts';
import type { Observation } from '../targets/types.ts';
import type { Trace, TraceCall } from './types.ts';

/** A fact a scenario notes beside its calls: `kind` names it. */
export interface TraceFact {
  readonly kind: string;
}

export class TraceBuilder<F extends TraceFact = never> {
  private readonly steps: (TraceCall | F)[] = [];

  constructor(
    readonly scenario: string,
    readonly c: Case,
  ) {}

  /** Notes a call and hands back its observation. */
  call(role: string, observation: Observation): Observation {
    this.steps.push({ kind: 'call', role, observation });
    return observation;
  }

  fact(fact: F): void {
    this.steps.push(fact);
  }

  /** The steps so far, as they grow (no copy). */
  get current(): readonly (TraceCall | F)[] {
    return this.steps;
  }

  /** The trace so far (a copy: later steps do not change it). */
  trace(skipped?: string): Trace<F> {
    return { scenario: this.scenario, case: this.c, steps: [...this.steps], ...(skipped !== undefined ? { skipped } : {}) };
  }
}

const isCall = (step: unknown): step is TraceCall => (step as TraceCall | undefined)?.kind === 'call';

/** The observations of the calls that played `role`, in order; every call when no role is given. */
export function callsOf(trace: Trace<unknown>, role?: string): Observation[] {
  return trace.steps.filter(isCall).filter((s) => role === undefined || s.role === role).map((s) => s.observation);
}

/** The first call that played `role`. */
export function callOf(trace: Trace<unknown>, role: string): Observation | undefined {
  return callsOf(trace, role)[0];
}

/** The facts of one kind, in order. */
export function factsOf<F extends TraceFact, K extends F['kind']>(trace: Trace<F>, kind: K): Extract<F, { kind: K }>[] {
  return trace.steps.filter((s): s is Extract<F, { kind: K }> => !isCall(s) && (s as F).kind === kind);
}

/** The stores of a ListSequenceStores page; none when the call failed or the member is not a list. */
export function listedStores(observation: Observation): Record<string, unknown>[] {
  const out = observation.client.output?.sequenceStores;
  // Whatever came back, a page is a list of objects: a member of another type is for the shape checks to report.
  return Array.isArray(out) ? out.filter((s): s is Record<string, unknown> => typeof s === 'object' && s !== null) : [];
}
