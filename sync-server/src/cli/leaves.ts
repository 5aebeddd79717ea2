import type { PouchDatabase } from '../store/pouch';

/**
 * Every leaf revision of every document (winners, conflicts, deletions) of a database, as
 * `id → sorted leaf revisions`, with `!` marking a deleted winner. Two databases that compare
 * equal hold the same revision trees' ends: nothing a replication was meant to carry is missing.
 */
export async function leafMap(db: PouchDatabase): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let since: string | number = 0;
  for (;;) {
    const page = (await db.changes({ since, style: 'all_docs', limit: 1000 })) as { results: { id: string; deleted?: boolean; changes: { rev: string }[] }[]; last_seq: string | number };
    for (const row of page.results) {
      if (row.id.startsWith('_local/')) continue;
      out.set(row.id, `${row.deleted ? '!' : ''}${row.changes.map((c) => c.rev).sort().join(',')}`);
    }
    if (page.results.length < 1000) return out;
    since = page.last_seq;
  }
}

/** Describes what differs between two databases' leaves; empty when they hold the same. */
export async function compareLeaves(source: PouchDatabase, target: PouchDatabase): Promise<string[]> {
  const [here, there] = await Promise.all([leafMap(source), leafMap(target)]);
  const problems: string[] = [];
  for (const [id, leaves] of here) {
    const other = there.get(id);
    if (other === undefined) problems.push(`${id} is missing`);
    else if (other !== leaves) problems.push(`${id} has leaves ${other}, expected ${leaves}`);
  }
  // A design document the target has of its own (provisioning's role check on CouchDB) is not extra data.
  for (const id of there.keys()) if (!here.has(id) && !id.startsWith('_design/')) problems.push(`${id} should not be there`);
  return problems;
}

/**
 * Leaves of `source` that `target` does not hold anywhere in its revision trees. Unlike
 * {@link compareLeaves}, a target that went on from them is fine: laptops write on top of a
 * restored database as soon as it exists again (they notice its new epoch and send what they
 * have), so a restore checks that nothing of the backup is missing, not that nothing was added.
 */
export async function missingLeaves(source: PouchDatabase, target: PouchDatabase): Promise<string[]> {
  const leaves = [...(await leafMap(source))].map(([id, revs]) => [id, revs.replace(/^!/, '').split(',')] as const);
  const missing: string[] = [];
  for (let start = 0; start < leaves.length; start += 500) {
    const diff = await target.revsDiff(Object.fromEntries(leaves.slice(start, start + 500)));
    for (const [id, entry] of Object.entries(diff)) if (entry.missing.length > 0) missing.push(`${id} lacks ${entry.missing.join(',')}`);
  }
  return missing;
}
