// What each capability of a target enables, whether a target has one, and why not in words a skip
// reason can carry: the target's own reason where it gives one, else the general one.
import type { Capability, Target } from './types.ts';

/** Every capability and what it enables, in the order people read them. */
export const CAPABILITIES: Readonly<Record<Capability, string>> = {
  'raw-send': 'sends raw HTTP built from the spec binding (the raw-wire cases an SDK cannot express)',
  'wire-capture': 'captures the HTTP exchanges of every call (the wire checks, tokens the SDK fills)',
  admin: "reaches our emulator's controls: injected faults, a store quota, slow creates (exception cases)",
  'scoped-credentials': 'calls with a key limited to some operations (AccessDeniedException)',
  ledger: "keeps a ledger of the stores the run created, and touches no other (a shared account)",
  'client-view': "reports the client's view of each answer: output, error name, fault, retryable, modelled class",
  'lose-first-answer': "throws a call's first answer away so the client retries (the retry scenario)",
  'fail-first-attempts': "fails a call's first attempts with scripted errors so the client retries (the retry scenario)",
};

type Label = Pick<Target, 'kind'>;

const GENERAL: Readonly<Record<Capability, (t: Label) => string>> = {
  'raw-send': (t) => `raw-wire cases cannot be sent to the ${t.kind} target`,
  'wire-capture': (t) => `no wire on the ${t.kind} target`,
  admin: (t) => `the ${t.kind} target has no controls to inject faults or set a quota`,
  'scoped-credentials': (t) => `the ${t.kind} target cannot be given a key limited to some operations: only the embedded emulator starts a second, SigV4-verifying emulator for this`,
  ledger: (t) => `the ${t.kind} target keeps no ledger of the stores the run created`,
  'client-view': (t) => `the ${t.kind} target reports no client's view of its answers`,
  'lose-first-answer': (t) => `the ${t.kind} target cannot lose an answer on purpose`,
  'fail-first-attempts': (t) => `the ${t.kind} target cannot fail an attempt on purpose`,
};

export function can(target: Pick<Target, 'capabilities'>, capability: Capability): boolean {
  return target.capabilities.has(capability);
}

/**
 * Why the target cannot do `capability` (or any of several, where one would do), and what follows,
 * ending with the capabilities it lacks: the skip reason of what needs them.
 */
export function lacks(target: Pick<Target, 'kind' | 'lacking'>, capability: Capability | readonly Capability[], consequence?: string): string {
  const missing: readonly Capability[] = typeof capability === 'string' ? [capability] : capability;
  const why = missing.map((c) => target.lacking?.[c] ?? GENERAL[c](target)).join('; ');
  return `${why}${consequence ? `: ${consequence}` : ''} (lacks ${missing.join(', ')})`;
}
