/** A binary min-heap of (time, id): the durable timers of the owned runs, kept in memory. Stale entries are skipped by the caller. */
export class TimerHeap {
  private readonly at: number[] = [];
  private readonly ids: string[] = [];

  get size(): number {
    return this.at.length;
  }

  push(at: number, id: string): void {
    this.at.push(at);
    this.ids.push(id);
    let i = this.at.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.at[p]! <= at) break;
      this.swap(i, p);
      i = p;
    }
  }

  /** The earliest time, or undefined when empty. */
  peek(): number | undefined {
    return this.at[0];
  }

  pop(): { at: number; id: string } | undefined {
    if (this.at.length === 0) return undefined;
    const top = { at: this.at[0]!, id: this.ids[0]! };
    const lastAt = this.at.pop()!;
    const lastId = this.ids.pop()!;
    if (this.at.length > 0) {
      this.at[0] = lastAt;
      this.ids[0] = lastId;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.at.length && this.at[l]! < this.at[m]!) m = l;
        if (r < this.at.length && this.at[r]! < this.at[m]!) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }

  private swap(a: number, b: number): void {
    [this.at[a], this.at[b]] = [this.at[b]!, this.at[a]!];
    [this.ids[a], this.ids[b]] = [this.ids[b]!, this.ids[a]!];
  }
}
