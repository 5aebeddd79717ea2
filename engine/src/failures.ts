import type { RunDoc } from '../../common/journeyRuns/docs';
import { failureId, failureOf } from '../../common/journeyRuns/panel';
import type { CouchDb, StoredDoc } from './couch';

/**
 * The failure index, written in the same `_bulk_docs` as the runs (the app lists a journey's dead
 * letters from it without reading every run): a run that is failed now gets its document, one that
 * left the failed state (retried, killed) loses it. Only runs whose failed state changed cost a read,
 * for the `_rev` of their index document. A write of the index that conflicts is left as it is: the
 * app checks each listed run before offering Retry.
 */
export async function failureChanges(runs: CouchDb, changed: readonly RunDoc[], before: (id: string) => RunDoc | undefined): Promise<StoredDoc[]> {
  const touched = changed.filter((d) => {
    const was = before(d._id);
    // A failed run moved to another version gets its index rewritten: the app shows the version.
    return (failureOf(d) !== undefined) !== (was !== undefined && failureOf(was) !== undefined) || (failureOf(d) !== undefined && was !== undefined && was.version !== d.version);
  });
  if (touched.length === 0) return [];
  const stored = new Map((await runs.getMany<StoredDoc>(touched.map((d) => failureId(d.journeyId, d._id)))).map((d) => [d._id, d._rev]));
  const out: StoredDoc[] = [];
  for (const d of touched) {
    const id = failureId(d.journeyId, d._id);
    const rev = stored.get(id);
    const failure = failureOf(d);
    if (failure) out.push({ ...failure, ...(rev ? { _rev: rev } : {}) } as unknown as StoredDoc);
    else if (rev) out.push({ _id: id, _rev: rev, _deleted: true });
  }
  return out;
}
