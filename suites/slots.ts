// How many cases of a run are at work at once (--concurrency). A case that only waits (a store
// settling, a live-store slot) stops counting while it waits, so a slow target's waits overlap
// instead of holding the run up; when its wait ends it goes on at once, without queueing again,
// so no case can end up waiting for a slot that a waiting case holds.
// Cases queue in lanes (a phase each: a suite's boundary cases, one property's runs) and a freed
// slot goes to the lanes in turn: a phase of many quick cases queued first does not hold back a
// phase of few long ones (a lifecycle sequence that waits for several stores to settle), which
// would then run last, alone, and set the run's time. Lanes whose cases wait longest (per case
// started, waits under way included) go first: their waits then overlap the other lanes' work
// instead of trailing after it.
import { AsyncLocalStorage } from 'node:async_hooks';

interface Turn {
  working: boolean;
  /** The case has not ended (work it started, e.g. a store's deletion, may outlive it). */
  open: boolean;
  readonly lane: string;
}

/** How long a lane's cases have waited: waits ended, and when each wait under way began. */
interface LaneWaits {
  started: number;
  waitedMs: number;
  readonly since: Set<{ readonly at: number }>;
}

export class CaseSlots {
  private working = 0;
  /** Per lane, the cases waiting to start, in order; lanes are served in turn. */
  private readonly lanes = new Map<string, Array<() => void>>();
  private readonly turns = new AsyncLocalStorage<Turn>();
  private readonly waits = new Map<string, LaneWaits>();

  constructor(
    readonly limit: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Runs `work` as one case of `lane`: it starts once fewer than `limit` cases are at work and its lane's turn comes. */
  async run<T>(work: () => Promise<T>, lane = ''): Promise<T> {
    while (this.working >= this.limit || this.lanes.size > 0) {
      await new Promise<void>((r) => this.queue(lane).push(r));
      if (this.working < this.limit) break;
    }
    const turn: Turn = { working: true, open: true, lane };
    this.waitsOf(lane).started++;
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
    const waits = this.waitsOf(turn.lane);
    const began = { at: this.now() };
    waits.since.add(began);
    this.stopWorking();
    try {
      return await wait();
    } finally {
      waits.since.delete(began);
      waits.waitedMs += this.now() - began.at;
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

  private waitsOf(lane: string): LaneWaits {
    let waits = this.waits.get(lane);
    if (!waits) this.waits.set(lane, (waits = { started: 0, waitedMs: 0, since: new Set() }));
    return waits;
  }

  /** How long the lane's cases have waited, per case started. */
  private meanWait(lane: string, now: number): number {
    const waits = this.waits.get(lane);
    if (!waits?.started) return 0;
    let total = waits.waitedMs;
    for (const { at } of waits.since) total += now - at;
    return total / waits.started;
  }

  /**
   * Starts the first waiting case of the lane whose cases wait longest (of equals, the one whose
   * turn it is); that lane goes to the back.
   */
  private stopWorking(): void {
    this.working--;
    if (this.lanes.size === 0) return;
    const now = this.now();
    let lane = '';
    let longest = -1;
    for (const candidate of this.lanes.keys()) {
      const wait = this.meanWait(candidate, now);
      if (wait > longest) [lane, longest] = [candidate, wait];
    }
    const queue = this.lanes.get(lane)!;
    this.lanes.delete(lane);
    const start = queue.shift()!;
    if (queue.length) this.lanes.set(lane, queue);
    start();
  }
}
