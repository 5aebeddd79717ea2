import type { StepLogEntry } from '../../common/flowEngine';
import type { CounterDoc, NodeTally } from '../../common/journeyRuns/docs';
import { counterId, utcDay } from '../../common/journeyRuns/ids';

/**
 * Daily counters per journey and partition. Only the partition's owner writes them, in the same
 * `_bulk_docs` as the runs they count, so they are not contended. A change of a run is a delta (a
 * node entered, left or failed); deltas of writes that lost a conflict are taken back.
 */

/** Changes to one journey's counters from one run transition. */
export interface Delta {
  journeyId: string;
  nodes: Record<string, Partial<NodeTally>>;
  sends: Record<string, number>;
  started: number;
  finished: Record<string, number>;
}

/** An empty delta. */
export function emptyDelta(journeyId: string): Delta {
  return { journeyId, nodes: {}, sends: {}, started: 0, finished: {} };
}

const bump = (d: Delta, nodeId: string, field: keyof NodeTally, by: number): void => {
  const n = (d.nodes[nodeId] ??= {});
  n[field] = (n[field] ?? 0) + by;
};

/**
 * Node movements seen in new log lines: the run leaves the node it was at when a line names
 * another node, and enters that one. `from` is the node before the lines (undefined for a new run).
 */
export function tallyLog(d: Delta, from: string | undefined, log: readonly Pick<StepLogEntry, 'nodeId'>[]): string | undefined {
  let at = from;
  for (const line of log) {
    if (line.nodeId !== at) {
      if (at !== undefined) bump(d, at, 'left', 1);
      bump(d, line.nodeId, 'entered', 1);
      at = line.nodeId;
    }
  }
  return at;
}

/** The run finished at a node (counts as leaving it). */
export function tallyFinish(d: Delta, nodeId: string, status: string): void {
  bump(d, nodeId, 'left', 1);
  d.finished[status] = (d.finished[status] ?? 0) + 1;
}

/** The run failed at a node (dead letter), or, with `by = -1`, was retried from there. */
export function tallyFailed(d: Delta, nodeId: string, by: 1 | -1): void {
  bump(d, nodeId, 'failed', by);
}

/** Keeps counter documents of the owned partitions and the deltas not yet written. */
export class Counters {
  private readonly docs = new Map<string, CounterDoc>();
  private readonly dirty = new Set<string>();
  /** Each counter as last read from or written to the database, to rebase our deltas after a conflict. */
  private readonly base = new Map<string, CounterDoc>();

  /**
   * Adds a delta (or, with sign -1, takes it back) to the day's counter of `partition`. Taking back
   * from a counter no longer held (its partition was dropped, and the delta with it) does nothing.
   */
  add(delta: Delta, partition: number, now: number, sign: 1 | -1 = 1): void {
    const day = utcDay(now);
    const id = counterId(delta.journeyId, day, partition);
    if (sign === -1 && !this.docs.has(id)) return;
    const doc = this.docs.get(id) ?? { _id: id, type: 'counter' as const, journeyId: delta.journeyId, day, partition, nodes: {}, sends: {}, started: 0, finished: {} };
    for (const [node, t] of Object.entries(delta.nodes)) {
      const n = (doc.nodes[node] ??= { entered: 0, left: 0, failed: 0 });
      n.entered += sign * (t.entered ?? 0);
      n.left += sign * (t.left ?? 0);
      n.failed += sign * (t.failed ?? 0);
    }
    for (const [ch, k] of Object.entries(delta.sends)) doc.sends[ch] = (doc.sends[ch] ?? 0) + sign * k;
    for (const [st, k] of Object.entries(delta.finished)) doc.finished[st] = (doc.finished[st] ?? 0) + sign * k;
    doc.started += sign * delta.started;
    this.docs.set(id, doc);
    this.dirty.add(id);
  }

  /** Counter documents to write now (they are marked clean; {@link written} takes the new revs). */
  take(): CounterDoc[] {
    const out = [...this.dirty].map((id) => this.docs.get(id)!);
    this.dirty.clear();
    return out;
  }

  /** Marks counters to be written again (their write failed or could not be checked). */
  again(ids: readonly string[]): void {
    for (const id of ids) if (this.docs.has(id)) this.dirty.add(id);
  }

  /** Records a successful write. */
  written(id: string, rev: string): void {
    const doc = this.docs.get(id);
    if (!doc) return;
    doc._rev = rev;
    this.base.set(id, structuredClone(doc));
  }

  /** Seeds a counter read on partition claim. */
  seed(stored: CounterDoc): void {
    this.docs.set(stored._id, stored);
    this.base.set(stored._id, structuredClone(stored));
  }

  /** After a conflict: the stored counter plus what we added since our last write. */
  rebase(stored: CounterDoc): void {
    const mine = this.docs.get(stored._id);
    const base = this.base.get(stored._id);
    const next: CounterDoc = structuredClone(stored);
    if (mine) {
      for (const [node, t] of Object.entries(mine.nodes)) {
        const b = base?.nodes[node] ?? { entered: 0, left: 0, failed: 0 };
        const n = (next.nodes[node] ??= { entered: 0, left: 0, failed: 0 });
        n.entered += t.entered - b.entered;
        n.left += t.left - b.left;
        n.failed += t.failed - b.failed;
      }
      for (const [ch, k] of Object.entries(mine.sends)) next.sends[ch] = (next.sends[ch] ?? 0) + k - (base?.sends[ch] ?? 0);
      for (const [st, k] of Object.entries(mine.finished)) next.finished[st] = (next.finished[st] ?? 0) + k - (base?.finished[st] ?? 0);
      next.started += mine.started - (base?.started ?? 0);
    }
    this.base.set(stored._id, structuredClone(stored));
    this.docs.set(stored._id, next);
    this.dirty.add(stored._id);
  }

  /** Drops a partition's counters (lease lost). */
  drop(partition: number): void {
    for (const [id, doc] of this.docs) {
      if (doc.partition !== partition) continue;
      this.docs.delete(id);
      this.dirty.delete(id);
      this.base.delete(id);
    }
  }

  /** True when deltas wait to be written. */
  pending(): boolean {
    return this.dirty.size > 0;
  }
}
