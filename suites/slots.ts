// How many cases of a run are at work at once (--concurrency). A case that only waits (a store
// settling, a live-store slot) stops counting while it waits, so a slow target's waits overlap
// instead of holding the run up; when its wait ends it goes on at once, without queueing again,
// so no case can end up waiting for a slot that a waiting case holds.
// Cases queue in lanes (a phase each: a suite's boundary cases, one property's runs) and a freed
// slot goes to the lanes in turn: a phase of many quick cases queued first does not hold back a
// phase of few long ones (a lifecycle sequence that waits for several stores to settle), which
// would then run last, alone, and set the run's time.
import { AsyncLocalStorage } from 'node:async_hooks';

interface Turn {
  working: boolean;
  /** The case has not ended (work it started, e.g. a store's deletion, may outlive it). */
  open: boolean;
}

export class CaseSlots {
  private working = 0;
  /** Per lane, the cases waiting to start, in order; lanes are served in turn. */
  private readonly lanes = new Map<string, Array<() => void>>();
  private readonly turns = new AsyncLocalStorage<Turn>();

  constructor(readonly limit: number) {}

  /** Runs `work` as one case of `lane`: it starts once fewer than `limit` cases are at work and its lane's turn comes. */
  async run<T>(work: () => Promise<T>, lane = ''): Promise<T> {
    while (this.working >= this.limit || this.lanes.size > 0) {
      await new Promise<void>((r) => this.queue(lane).push(r));
      if (this.working < this.limit) break;
    }
    const turn: Turn = { working: true, open: true };
    this.working++;
    try {
      return await this.turns.run(turn, work);
    } finally {
      turn.open = false;
      if (turn.working) {
        turn.working = false;
        this.stopWorking();
      }
    }
  }

  /**
   * Awaits `wait` without counting the calling case as at work meanwhile. Work a case started and
   * left running (it no longer counts once the case ends) is never counted again.
   */
  async waiting<T>(wait: () => Promise<T>): Promise<T> {
    const turn = this.turns.getStore();
    if (!turn?.working) return wait();
    turn.working = false;
    this.stopWorking();
    try {
      return await wait();
    } finally {
      if (turn.open) {
        turn.working = true;
        this.working++;
      }
    }
  }

  private queue(lane: string): Array<() => void> {
    let queue = this.lanes.get(lane);
    if (!queue) this.lanes.set(lane, (queue = []));
    return queue;
  }

  /** Starts the first waiting case of the lane whose turn it is; that lane goes to the back. */
  private stopWorking(): void {
    this.working--;
    const next = this.lanes.entries().next();
    if (next.done) return;
    const [lane, queue] = next.value;
    this.lanes.delete(lane);
    const start = queue.shift()!;
    if (queue.length) this.lanes.set(lane, queue);
    start();
  }
}
