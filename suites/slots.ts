// How many cases of a run are at work at once (--concurrency). A case that only waits (a store
// settling, a live-store slot) stops counting while it waits, so a slow target's waits overlap
// instead of holding the run up; when its wait ends it goes on at once, without queueing again,
// so no case can end up waiting for a slot that a waiting case holds.
import { AsyncLocalStorage } from 'node:async_hooks';

interface Turn {
  working: boolean;
  /** The case has not ended (work it started, e.g. a store's deletion, may outlive it). */
  open: boolean;
}

export class CaseSlots {
  private working = 0;
  private readonly starters: Array<() => void> = [];
  private readonly turns = new AsyncLocalStorage<Turn>();

  constructor(readonly limit: number) {}

  /** Runs `work` as one case: it starts once fewer than `limit` cases are at work. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    while (this.working >= this.limit) await new Promise<void>((r) => this.starters.push(r));
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

  private stopWorking(): void {
    this.working--;
    this.starters.shift()?.();
  }
}
