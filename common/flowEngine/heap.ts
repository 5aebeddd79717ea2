/**
 * A binary min-heap of (time, index, kind) in parallel typed arrays: the simulator's clock queue.
 * Ties break by insertion order, so a run is replayed the same way every time.
 */
export class MinHeap {
  private at = new Float64Array(1024);
  private idx = new Int32Array(1024);
  private kinds = new Uint8Array(1024);
  private order = new Float64Array(1024);
  private n = 0;
  private seq = 0;

  get size(): number {
    return this.n;
  }

  push(at: number, index: number, kind: number): void {
    if (this.n === this.at.length) this.grow();
    let i = this.n++;
    const order = this.seq++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(at, order, this.at[parent]!, this.order[parent]!)) break;
      this.move(parent, i);
      i = parent;
    }
    this.at[i] = at; this.idx[i] = index; this.kinds[i] = kind; this.order[i] = order;
  }

  pop(): { at: number; index: number; kind: number } | undefined {
    if (this.n === 0) return undefined;
    const top = { at: this.at[0]!, index: this.idx[0]!, kind: this.kinds[0]! };
    const last = --this.n;
    const at = this.at[last]!, index = this.idx[last]!, kind = this.kinds[last]!, order = this.order[last]!;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= last) break;
      const r = l + 1;
      const c = r < last && this.less(this.at[r]!, this.order[r]!, this.at[l]!, this.order[l]!) ? r : l;
      if (!this.less(this.at[c]!, this.order[c]!, at, order)) break;
      this.move(c, i);
      i = c;
    }
    if (last > 0) { this.at[i] = at; this.idx[i] = index; this.kinds[i] = kind; this.order[i] = order; }
    return top;
  }

  private less(a: number, ao: number, b: number, bo: number): boolean {
    return a < b || (a === b && ao < bo);
  }

  private move(from: number, to: number): void {
    this.at[to] = this.at[from]!; this.idx[to] = this.idx[from]!; this.kinds[to] = this.kinds[from]!; this.order[to] = this.order[from]!;
  }

  private grow(): void {
    const size = this.at.length * 2;
    const at = new Float64Array(size); at.set(this.at); this.at = at;
    const idx = new Int32Array(size); idx.set(this.idx); this.idx = idx;
    const kinds = new Uint8Array(size); kinds.set(this.kinds); this.kinds = kinds;
    const order = new Float64Array(size); order.set(this.order); this.order = order;
  }
}
