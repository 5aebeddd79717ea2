import { randomBytes } from 'node:crypto';
import type { PouchDatabase } from './pouch';

/**
 * A database's epoch: a random id kept inside the database (`_local/cx_epoch`, never replicated),
 * so it is backed up and restored with the data. `restore` recreates the databases, which gives
 * them a new epoch; a laptop that sees the epoch change (or its pull position beyond the feed's
 * end) knows the server's history was rewound, re-sends what the server lacks and re-reads the
 * feed from the start (issue 20, item 3). Shown in database info as `cx_epoch`.
 */
export const epochDocId = '_local/cx_epoch';

const known = new WeakMap<PouchDatabase, string>();

/** The database's epoch, created on first use. */
export async function epochOf(db: PouchDatabase): Promise<string> {
  const cached = known.get(db);
  if (cached) return cached;
  for (let attempt = 0; attempt < 3; attempt++) {
    const current = (await db.get(epochDocId).catch(() => null)) as { epoch?: unknown } | null;
    if (current && typeof current.epoch === 'string') {
      known.set(db, current.epoch);
      return current.epoch;
    }
    // Two first requests at once: one put wins, the other reads the winner on the next pass.
    await db.put({ _id: epochDocId, epoch: randomBytes(12).toString('hex') }).catch(() => undefined);
  }
  throw new Error('The database epoch could not be read or created.');
}
