// The stores a target's own requests created: the only ones a guarded target lets the run change
// or delete, and the ones its cleanup deletes. Shared by the guard, the run's cleanup and the
// command's signal handler.
export interface LedgerEntry {
  readonly id: string;
  readonly arn: string;
  /** A DeleteSequenceStore of the run's succeeded (or found the store already gone). */
  deleted: boolean;
}

export class StoreLedger {
  private readonly byId = new Map<string, LedgerEntry>();
  private readonly arns = new Set<string>();
  private readonly unanswered: string[] = [];
  private readonly pending = new Map<number, string>();
  private nextPending = 0;
  private isSealed = false;
  private inFlight = 0;
  private idleWaiters: Array<() => void> = [];

  record(id: string, arn: string): void {
    if (this.byId.has(id)) return;
    this.byId.set(id, { id, arn, deleted: false });
    this.arns.add(arn);
  }

  markDeleted(id: string): void {
    const entry = this.byId.get(id);
    if (entry) entry.deleted = true;
  }

  ownsId(id: string): boolean {
    return this.byId.has(id);
  }

  ownsArn(arn: string): boolean {
    return this.arns.has(arn);
  }

  /** Every store the run created, deleted or not. */
  get created(): number {
    return this.byId.size;
  }

  /** Stores the run created and has not deleted yet. */
  outstanding(): LedgerEntry[] {
    return [...this.byId.values()].filter((e) => !e.deleted);
  }

  /** A create that never got an answer, even sent again: a store may exist that the ledger cannot name. */
  noteUnanswered(description: string): void {
    this.unanswered.push(description);
  }

  unresolved(): readonly string[] {
    return [...this.unanswered];
  }

  /** A create is on its way: until its answer comes, a store may exist that the ledger cannot name yet. */
  createSent(description: string): () => void {
    const key = this.nextPending++;
    this.pending.set(key, description);
    return () => this.pending.delete(key);
  }

  /** Creates sent whose answer has not come: what a person must look for if the run stops now. */
  createsInFlight(): string[] {
    return [...this.pending.values()];
  }

  /** From now on the guard refuses every create: the run is cleaning up. */
  seal(): void {
    this.isSealed = true;
  }

  get sealed(): boolean {
    return this.isSealed;
  }

  /** Brackets one call through the guard, so that cleanup can wait for calls in flight. */
  begin(): void {
    this.inFlight++;
  }

  end(): void {
    if (--this.inFlight > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  /** Resolves once no call through the guard is in flight. */
  idle(): Promise<void> {
    return this.inFlight === 0 ? Promise.resolve() : new Promise((r) => this.idleWaiters.push(r));
  }
}
