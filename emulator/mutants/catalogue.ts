// The catalogue: every mutant (one deviation from the contract, which named checks must catch) and
// every benign variant (a configuration the contract allows, which must pass), as data. Mutants are
// derived from the contract wherever a rule can be broken mechanically, and written by hand for the
// behaviours no rule names. `omics-conformance mutate` runs them.
import type { OperationName } from '../../specs/index.ts';
import type { EmulatorOptions } from '../index.ts';
import { behaviouralMutants } from './behavioural.ts';
import { derivedMutants } from './derived.ts';
import { benignVariants } from './variants.ts';

/** Where in the emulator's pipeline a mutant or variant changes something. */
export type Layer = 'validation' | 'idempotency' | 'handlers' | 'output' | 'errors' | 'front' | 'client';

/** `client`: not the emulator but the SDK client in front of it, for the checks of what a client sends. */
export const LAYERS: readonly Layer[] = ['validation', 'idempotency', 'handlers', 'output', 'errors', 'front', 'client'];

/** A client that departs from the HTTP binding (the targets' ClientDeviations, as data). */
export interface ClientSwitches {
  readonly dropIdempotencyToken?: boolean;
  readonly contentType?: string;
}

interface Entry {
  /** Stable id: `<family>:<what>`, e.g. `unenforced:CreateSequenceStore:name:length.max`. */
  readonly id: string;
  readonly layer: Layer;
  /** How the emulator is configured for it. */
  readonly emulator: EmulatorOptions;
  /** The suites that run against it, and the operations their cases are limited to (all when absent). */
  readonly suites: readonly string[];
  readonly operations?: readonly OperationName[];
  /** The region the client calls, where it differs from the emulator's. */
  readonly clientRegion?: string;
  /**
   * `mock`: in process, through aws-sdk-client-mock on the emulator's core, with no HTTP (several
   * times faster); `in-process-where-possible`: on the mock unless a check it must be caught by
   * needs what only the emulator over HTTP gives (the wire, injected faults), as the check
   * registry says. Default: the emulator over HTTP.
   */
  readonly target?: 'emulator' | 'mock' | 'in-process-where-possible';
  /** How the client departs from the binding, for mutants of the client layer. */
  readonly client?: ClientSwitches;
}

export interface Mutant extends Entry {
  readonly kind: 'mutant';
  /** What it breaks, in words. */
  readonly breaks: string;
  /** The checks that must fail against it, and no other. */
  readonly catches: readonly string[];
}

export interface Variant extends Entry {
  readonly kind: 'variant';
  /** What it does that the contract allows. */
  readonly allows: string;
}

export type CatalogueEntry = Mutant | Variant;

/** The suites a mutant needs: those of the checks it must be caught by. */
export function suitesOf(checkIds: readonly string[]): string[] {
  return [...new Set(checkIds.map((id) => id.split('.')[0]!))];
}

let cached: readonly CatalogueEntry[] | undefined;

/** Every mutant and variant, in a fixed order; ids are unique. */
export function catalogue(): readonly CatalogueEntry[] {
  if (!cached) {
    const all = [...derivedMutants(), ...behaviouralMutants(), ...benignVariants()];
    const seen = new Set<string>();
    for (const e of all) {
      if (seen.has(e.id)) throw new Error(`emulator/mutants: two entries named ${e.id}`);
      seen.add(e.id);
    }
    cached = all;
  }
  return cached;
}
