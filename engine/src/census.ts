import type { RunDoc } from '../../common/journeyRuns/docs';
import type { OpenRunsDoc } from '../../common/journeyRuns/migrate';
import { openRunsId, stepOfRun } from '../../common/journeyRuns/migrate';
import { isOver } from './advance';
import type { CouchDb, StoredDoc } from './couch';

/**
 * The open-run census: per journey and held partition, how many open runs are on each version and
 * step (`o|<journey>|<p>`). Counted afresh from the runs the owner holds in memory, so it is exact
 * after a claim and needs no deltas; written only when it changed, every couple of seconds (the
 * service's loop), so it adds no writes per step. The app reads it to say how many runs a move to a
 * new version would move and how many would stay.
 */
export class Census {
  private readonly written = new Map<string, { rev: string | undefined; body: string }>();

  constructor(private readonly runs: CouchDb) {}

  /** Counts the held runs and writes the documents that changed; returns how many were written. */
  async write(held: Iterable<RunDoc>, heldPartitions: readonly number[], now: number): Promise<number> {
    const counts = new Map<string, OpenRunsDoc>();
    const held_ = new Set(heldPartitions);
    for (const doc of held) {
      if (!held_.has(doc.partition) || isOver(doc)) continue;
      const id = openRunsId(doc.journeyId, doc.partition);
      const c = counts.get(id) ?? { _id: id, type: 'openRuns' as const, journeyId: doc.journeyId, partition: doc.partition, versions: {}, at: now };
      const byStep = (c.versions[String(doc.version)] ??= {});
      const step = stepOfRun(doc);
      byStep[step] = (byStep[step] ?? 0) + 1;
      counts.set(id, c);
    }
    // A journey whose last open run in a held partition ended gets an empty census, once.
    for (const [id, w] of this.written) {
      const p = Number(id.slice(id.lastIndexOf('|') + 1));
      if (held_.has(p) && !counts.has(id) && w.body !== '{}') {
        const [, journey] = id.split('|');
        counts.set(id, { _id: id, type: 'openRuns', journeyId: decodeURIComponent(journey!), partition: p, versions: {}, at: now });
      }
    }
    const docs: OpenRunsDoc[] = [];
    for (const [id, c] of counts) {
      const body = JSON.stringify(c.versions);
      const w = this.written.get(id);
      if (w?.body === body) continue;
      docs.push({ ...c, ...(w?.rev ? { _rev: w.rev } : {}) });
    }
    if (docs.length === 0) return 0;
    const results = await this.runs.bulk(docs as unknown as StoredDoc[]);
    const stale: string[] = [];
    results.forEach((r, i) => {
      const doc = docs[i]!;
      if (r.ok && r.rev) this.written.set(doc._id, { rev: r.rev, body: JSON.stringify(doc.versions) });
      else stale.push(doc._id);
    });
    // Written by an earlier owner: take its revision, and write ours on the next round.
    if (stale.length) {
      const found = new Map((await this.runs.getMany<StoredDoc>(stale)).map((d) => [d._id, d._rev]));
      for (const id of stale) this.written.set(id, { rev: found.get(id), body: '' });
    }
    return docs.length - stale.length;
  }
}
