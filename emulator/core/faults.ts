// Injected faults: a seeded rate of errors, added latency, and a script of "the next N calls of
// operation X fail with E". Scripted faults come first; the script is consumed as calls arrive.
import { transientErrors, type ErrorName, type OperationName } from '../../specs/index.ts';
import { seededRandom, type Random } from './random.ts';
import { ServiceError } from './serviceError.ts';

export interface ScriptedFault {
  /** The operation whose calls fail, or '*' for any operation. */
  readonly operation: OperationName | '*';
  /** How many of the next matching calls fail. */
  readonly count: number;
  readonly error: ErrorName;
  readonly message?: string;
}

export interface FaultPlan {
  /** Probability in [0, 1] that a call fails with one of `errors`. */
  readonly rate: number;
  /** Errors a rate fault picks from (uniformly, seeded); empty = the three transient ones. */
  readonly errors: readonly ErrorName[];
  /** Operations the rate and latency apply to; empty = all. */
  readonly operations: readonly OperationName[];
  /** Added latency, uniformly in [min, max] milliseconds. */
  readonly latencyMs: readonly [number, number];
  readonly script: readonly ScriptedFault[];
}

export interface FaultDecision {
  readonly error?: ServiceError;
  readonly latencyMs: number;
}

export class FaultInjector {
  private current: FaultPlan;
  private script: ScriptedFault[];
  private random: Random;

  constructor(plan: FaultPlan, seed: number) {
    this.current = plan;
    this.script = [...plan.script];
    this.random = seededRandom(seed ^ 0x5eed);
  }

  /** The plan now in force, with what is left of the script. */
  plan(): FaultPlan {
    return { ...this.current, script: this.script.map((s) => ({ ...s })) };
  }

  /** Replace the rate, errors, operations and latency given; append scripted faults; reseed if asked. */
  configure(change: Partial<FaultPlan> & { seed?: number }): void {
    const { script, seed, ...rest } = change;
    this.current = { ...this.current, ...rest };
    if (script) this.script.push(...script.filter((s) => s.count > 0));
    if (seed !== undefined) this.random = seededRandom(seed ^ 0x5eed);
  }

  clear(): void {
    this.current = { rate: 0, errors: [], operations: [], latencyMs: [0, 0], script: [] };
    this.script = [];
  }

  decide(operation: OperationName): FaultDecision {
    const applies = this.current.operations.length === 0 || this.current.operations.includes(operation);
    const [min, max] = this.current.latencyMs;
    const latencyMs = applies && max > 0 ? this.random.int(min, max) : 0;
    const index = this.script.findIndex((s) => s.operation === operation || s.operation === '*');
    if (index >= 0) {
      const entry = this.script[index]!;
      if (entry.count <= 1) this.script.splice(index, 1);
      else this.script[index] = { ...entry, count: entry.count - 1 };
      return { latencyMs, error: new ServiceError(entry.error, entry.message ?? `Injected fault: ${entry.error} (scripted)`) };
    }
    if (applies && this.current.rate > 0 && this.random.next() < this.current.rate) {
      const pool = this.current.errors.length > 0 ? this.current.errors : transientErrors;
      const name = pool[this.random.int(0, pool.length - 1)]!;
      return { latencyMs, error: new ServiceError(name, `Injected fault: ${name} (rate ${this.current.rate})`) };
    }
    return { latencyMs };
  }
}
