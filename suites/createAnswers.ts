// The ids the target gave in answer to the run's creates, recorded as the answers arrive: a store
// listed under a refused create's name is the refused request's doing only if no create of the run
// was answered with it, and a create still under way when the list was read may yet be.
import type { OperationName } from '../specs/index.ts';
import type { Observation, Target } from '../targets/types.ts';
import { aroundCalls } from '../targets/aroundCalls.ts';

const CREATE: OperationName = 'CreateSequenceStore';

export class CreateAnswers {
  private readonly ids = new Set<string>();
  private readonly underWay = new Set<Promise<Observation>>();

  /** The target with its creates' answers recorded. */
  wrap(inner: Target): Target {
    return aroundCalls(inner, (op, _input, _options, send) => this.through(op, send));
  }

  /** A create of the run was answered with this store. */
  made(id: string): boolean {
    return this.ids.has(id);
  }

  /** Settles once every create sent before it was called has been answered (each has its time limit). */
  async answered(): Promise<void> {
    await Promise.allSettled([...this.underWay]);
  }

  private through(operation: OperationName, call: () => Promise<Observation>): Promise<Observation> {
    if (operation !== CREATE) return call();
    const pending = call().then((obs) => {
      const id = obs.client.output?.id;
      if (typeof id === 'string') this.ids.add(id);
      return obs;
    });
    this.underWay.add(pending);
    const done = () => void this.underWay.delete(pending);
    pending.then(done, done);
    return pending;
  }
}
