import type { RunDoc } from '../../common/journeyRuns/docs';
import type { Advanced } from './advance';
import type { BulkResult, StoredDoc } from './couch';
import { failureChanges } from './failures';
import type { Counters } from './tally';
import type { WorkerOptions } from './workerOptions';

/**
 * A worker's batch write (engine/README.md, "How the work is shared"): the changed runs, their
 * counters and the failure index in one `_bulk_docs`, every run with the `_rev` it read; what a
 * conflict or a failed write leaves behind is put right here, so no run is left in memory with
 * nothing to move it and no step is counted twice.
 */

/** What the batch write needs of its worker. */
export interface BatchHost {
  o: WorkerOptions;
  runs: Map<string, RunDoc>;
  counters: Counters;
  retries: Map<string, StoredDoc>;
  now: () => number;
  holds: (partition: number) => boolean;
  schedule: (doc: RunDoc) => void;
  touch: (id: string, since?: number) => void;
  accept: (doc: RunDoc) => void;
  /** A run's write came back: written, or a conflict (start commands count their runs by it). */
  landed: (id: string, ok: boolean) => void;
}

const partitionOfId = (id: string): number => Number(id.slice(2, 5));

/** Writes a worker's batches; see the module comment. */
export class BatchWriter {
  constructor(private readonly h: BatchHost) {}

  /** Writes changed runs and their counters in one request; takes back the counts of writes that lost a conflict. */
  async write(changed: Map<string, { a: Advanced; since: number }>, now: number): Promise<void> {
    if (changed.size === 0 && !this.h.counters.pending()) return;
    for (const { a } of changed.values()) this.h.counters.add(a.delta, a.doc.partition, now);
    const runDocs = [...changed.values()].map(({ a }) => a.doc);
    const counterDocs = this.h.counters.take();
    let results: BulkResult[];
    try {
      const failureDocs = await failureChanges(this.h.o.runs, runDocs, (id) => this.h.runs.get(id));
      results = await this.h.o.runs.bulk([...runDocs, ...counterDocs, ...failureDocs] as unknown as StoredDoc[]);
    } catch (error) {
      this.unwrite(changed, counterDocs, now);
      throw error;
    }
    const written = this.h.now();
    let steps = 0;
    const latencies: number[] = [];
    const refetch: string[] = [];
    for (let i = 0; i < results.length; i++) {
      const r = results[i]!;
      if (i >= runDocs.length + counterDocs.length) continue; // failure index: rewritten on the run's next change
      if (i >= runDocs.length) {
        if (r.ok && r.rev) this.h.counters.written(r.id, r.rev);
        else refetch.push(r.id);
        continue;
      }
      const { a, since } = changed.get(r.id)!;
      this.h.landed(r.id, Boolean(r.ok && r.rev));
      if (!r.ok || !r.rev) {
        // Someone else wrote this run (a lease changed hands): take the count back and read it again.
        this.h.counters.add(a.delta, a.doc.partition, now, -1);
        this.h.o.log({ level: 'warn', msg: 'Run write conflicted; reading it again', run: r.id, error: r.error });
        refetch.push(r.id);
        continue;
      }
      const doc = { ...a.doc, _rev: r.rev };
      this.h.runs.set(doc._id, doc);
      steps += a.steps;
      latencies.push(written - since);
      this.h.schedule(doc);
      const cmd = this.h.retries.get(doc._id);
      if (cmd && doc.state?.status !== 'failed') {
        this.h.retries.delete(doc._id);
        void this.h.o.control.put({ ...cmd, doneAt: written, result: 'Retried.' }).catch(() => undefined);
      }
    }
    if (refetch.length) {
      try {
        await this.reread(refetch);
      } catch (error) {
        // Not read again: the runs go back to the ready set (written again, they conflict and are read
        // again), and the counters are written again with the deltas they hold.
        this.h.o.log({ level: 'warn', msg: 'Reading conflicted documents again failed; retrying', error: String(error) });
        for (const id of refetch) if (id.startsWith('r|') && this.h.runs.has(id)) this.h.touch(id);
        this.h.counters.again(refetch.filter((id) => id.startsWith('c|')));
      }
    }
    this.h.o.onWritten?.(steps, results.length, latencies);
  }

  /**
   * A batch whose write failed (an error answer, a dropped connection): its runs were taken off the
   * ready set and the timer heap, and their copies in memory are as before the batch, so they go back
   * on the ready set to be advanced again; their counts are taken back and the counters marked to
   * be written. Had the write landed all the same (the answer was lost), the second write of each run
   * conflicts, its count is taken back again and the run read again, and the counters' conflict
   * rebases them on what landed: nothing is counted twice. (Stranded runs were seen in the bench at
   * load 15: a failed `_bulk_docs` left 210 runs in memory that nothing would move again.)
   */
  private unwrite(changed: Map<string, { a: Advanced; since: number }>, counterDocs: readonly { _id: string }[], now: number): void {
    for (const [id, { a, since }] of changed) {
      this.h.counters.add(a.delta, a.doc.partition, now, -1);
      if (this.h.runs.has(id)) this.h.touch(id, since);
    }
    this.h.counters.again(counterDocs.map((d) => d._id));
  }

  /** Reads documents again after a conflict: runs replace ours, counters are rebased. */
  private async reread(ids: string[]): Promise<void> {
    const docs = await this.h.o.runs.getMany<StoredDoc>(ids);
    const found = new Set(docs.map((d) => d._id));
    for (const doc of docs) {
      if (doc._id.startsWith('c|')) this.h.counters.rebase(doc as never);
      else if (doc._id.startsWith('r|') && this.h.holds(partitionOfId(doc._id))) this.h.accept(doc as unknown as RunDoc);
    }
    // A counter that was never written conflicts only with a concurrent first write: rebase on empty.
    for (const id of ids) if (id.startsWith('c|') && !found.has(id)) this.h.counters.rebase({ _id: id } as never);
  }
}
