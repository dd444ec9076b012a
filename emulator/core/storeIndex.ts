// Stores in creation order, for pages that cost O(log n + page) however many stores there are.
// Sequence numbers only grow, so adding is an append; removal marks a hole, and the holes are
// compacted away once they are half the array.
export class StoreIndex {
  private seqs: number[] = [];
  private ids: (string | undefined)[] = [];
  private holes = 0;
  private readonly position = new Map<string, number>();

  get size(): number {
    return this.position.size;
  }

  add(seq: number, id: string): void {
    const last = this.seqs[this.seqs.length - 1];
    if (last !== undefined && seq <= last) throw new Error(`StoreIndex.add: sequence ${seq} is not after ${last}`);
    this.position.set(id, this.seqs.length);
    this.seqs.push(seq);
    this.ids.push(id);
  }

  remove(id: string): void {
    const at = this.position.get(id);
    if (at === undefined) return;
    this.position.delete(id);
    this.ids[at] = undefined;
    this.holes++;
    if (this.holes > 64 && this.holes * 2 > this.seqs.length) this.compact();
  }

  /** Ids in creation order whose sequence number is above `afterSeq`, lazily. */
  *after(afterSeq: number): Generator<string> {
    let lo = 0;
    let hi = this.seqs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.seqs[mid]! <= afterSeq) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < this.ids.length; i++) {
      const id = this.ids[i];
      if (id !== undefined) yield id;
    }
  }

  clear(): void {
    this.seqs = [];
    this.ids = [];
    this.holes = 0;
    this.position.clear();
  }

  private compact(): void {
    const seqs: number[] = [];
    const ids: string[] = [];
    this.ids.forEach((id, i) => {
      if (id === undefined) return;
      this.position.set(id, ids.length);
      seqs.push(this.seqs[i]!);
      ids.push(id);
    });
    this.seqs = seqs;
    this.ids = ids;
    this.holes = 0;
  }
}
