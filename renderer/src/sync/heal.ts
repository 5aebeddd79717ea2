import { getChangedDocumentsSince } from 'rxdb/plugins/core';
import type { RxCollection } from 'rxdb/plugins/core';
import type { CouchTarget, Doc } from './couchHandlers';
import { pushRows } from './couchPush';

/**
 * Healing after a server restore (issue 20, item 3). A server restored from a backup has lost
 * whatever was written after the backup, and its change feed went backwards: a laptop's pull
 * position may lie beyond the feed's new end, where nothing ever arrives again. The database's
 * epoch (our server's `cx_epoch` in database info, new after `restore`) or a pull position past
 * `update_seq` (any server, e.g. a CouchDB restored from files) tells the laptop; it then sends
 * every document the server lacks or holds in an older state, and reads the feed from the start.
 */

/** The pull checkpoint: the feed position and the epoch it belongs to. */
export interface FeedCheckpoint { sequence: string | number; epoch?: string }

/** The numeric part of a CouchDB sequence (`12`, `"12"`, `"12-g1AAAA…"`). */
export function sequenceNumber(seq: string | number): number {
  return typeof seq === 'number' ? seq : Number.parseInt(seq, 10) || 0;
}

/** The server database's epoch and end of feed. */
export async function feedInfo(target: CouchTarget): Promise<{ epoch?: string; updateSeq: string | number }> {
  const response = await target.fetch(target.url);
  const info = (await response.json()) as { update_seq?: string | number; cx_epoch?: unknown };
  return { ...(typeof info.cx_epoch === 'string' ? { epoch: info.cx_epoch } : {}), updateSeq: info.update_seq ?? 0 };
}

/** True when the server's feed was rewound under this checkpoint. */
export function rewound(checkpoint: FeedCheckpoint, info: { epoch?: string; updateSeq: string | number }): boolean {
  if (checkpoint.epoch !== undefined && info.epoch !== undefined && checkpoint.epoch !== info.epoch) return true;
  return sequenceNumber(checkpoint.sequence) > sequenceNumber(info.updateSeq);
}

/** When a document last changed, by whichever stamp its collection keeps. */
function stamp(doc: Record<string, unknown>): number {
  for (const key of ['updatedAt', 'computedAt', 'createdAt']) if (typeof doc[key] === 'number') return doc[key] as number;
  return 0;
}

/**
 * Sends every local document (deletions included) the server lacks or holds in an older state.
 * A server copy newer than ours (a teammate wrote after the restore) stays; the caller is told,
 * so a persona or journey of ours that it replaces is kept in history.
 */
export async function repush(target: CouchTarget, collection: RxCollection): Promise<{ sent: number; superseded: Doc[] }> {
  let sent = 0;
  const superseded: Doc[] = [];
  let checkpoint: unknown;
  for (;;) {
    const page = await getChangedDocumentsSince(collection.storageInstance, 200, checkpoint as never);
    if (page.documents.length === 0) break;
    checkpoint = page.checkpoint;
    const readRevs = new Map(page.documents.map((stored) => [String((stored as { id: string }).id), String((stored as { _rev: string })._rev)]));
    const rows = page.documents.map((stored) => {
      const { _meta: _m, _rev: _r, _attachments: _a, ...doc } = stored as Record<string, unknown>;
      return { newDocumentState: doc as Doc, assumedMasterState: doc as Doc };
    });
    const { conflicts, written } = await pushRows(target, rows, {
      // Ours is the newer state unless the server's copy was written later.
      overwrite: (local, server) => stamp(local) >= stamp(server),
      stillLocal: async (pending) => {
        const now = await collection.storageInstance.findDocumentsById(pending.map((r) => r.newDocumentState.id), true);
        const revs = new Map(now.map((d) => [String((d as { id: string }).id), String(d._rev)]));
        return pending.filter((r) => revs.get(r.newDocumentState.id) === readRevs.get(r.newDocumentState.id));
      },
    });
    sent += written;
    superseded.push(...conflicts.flatMap((c) => rows.filter((r) => r.newDocumentState.id === c.id).map((r) => r.newDocumentState)));
    if (page.documents.length < 200) break;
  }
  return { sent, superseded };
}

/** What the pull handler needs to watch one collection's feed. */
export interface FeedWatch {
  target: CouchTarget;
  collection: RxCollection;
  /** Told after a rewound feed was healed: how many documents went back, and ours the server's newer copies replace. */
  onHealed(sent: number, superseded: Doc[]): Promise<void>;
}

/** How often the epoch and the feed's end are compared while pulling (and before every first pull). */
const checkEveryMs = 2_000;

/**
 * Wraps a pull: checks the feed (at most every 2 s), heals a rewound one, then pulls from where
 * the checkpoint says, or from the start after a rewind. Returns the pull's starting point and the
 * epoch to store with the next checkpoint.
 */
export function watchFeed(watch: FeedWatch): FeedWatcher {
  let lastCheck = 0;
  let epoch: string | undefined;
  const check = async (checkpoint: FeedCheckpoint | undefined) => {
    if (checkpoint && Date.now() - lastCheck < checkEveryMs) return { since: checkpoint.sequence, ...(checkpoint.epoch ?? epoch ? { epoch: checkpoint.epoch ?? epoch } : {}) };
    lastCheck = Date.now();
    const info = await feedInfo(watch.target);
    epoch = info.epoch;
    if (checkpoint && rewound(checkpoint, info)) {
      const { sent, superseded } = await repush(watch.target, watch.collection);
      await watch.onHealed(sent, superseded);
      return { since: 0, ...(epoch ? { epoch } : {}) };
    }
    return { since: checkpoint?.sequence ?? 0, ...(epoch ? { epoch } : {}) };
  };
  return Object.assign(check, {
    seen(info: { epoch: string }) {
      // Only the epoch already known counts: a new one (a restore) waits for the real check.
      if (epoch !== undefined && info.epoch === epoch) lastCheck = Date.now();
    },
  });
}

/** A pull's feed check (see {@link watchFeed}). */
export interface FeedWatcher {
  (checkpoint: FeedCheckpoint | undefined): Promise<{ since: string | number; epoch?: string }>;
  /**
   * Our server just stamped a ring of this collection with the epoch this laptop knows, at a
   * position past its pull (engine.ts): that is as good as the check itself, so the pull the ring
   * starts needs no database-info request of its own (issue 22: at 500 laptops these were one
   * request per pulling collection every 2 s). A restore gives the database a new epoch, which
   * never counts here.
   */
  seen(info: { epoch: string }): void;
}
