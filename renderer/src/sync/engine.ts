import { replicateRxCollection } from 'rxdb/plugins/replication';
import type { RxReplicationState } from 'rxdb/plugins/replication';
import { collectionSchemas } from '../../../common/db/collections';
import type { CollectionName } from '../../../common/db/collections';
import type { SyncFetch } from '../../../common/sync/fetch';
import { datasetBatchSize } from '../../../common/sync/limits';
import { doorbellCollection, tenantDatabaseName } from '../../../common/sync/names';
import type { Workspace } from '../db/database';
import { agreedBasesOf } from '../db/agreedBases';
import type { CouchTarget, Doc, NewerDocument } from './couchHandlers';
import { nextPage, offerPage, pullBatch } from './couchHandlers';
import { pushRows } from './couchPush';
import { settleServerConflicts } from './serverConflicts';
import type { LeafMerge } from './serverConflicts';
import { startDoorbell } from './doorbell';
import type { PullAsk, RingPosition } from './doorbell';
import { syncProblemOf, syncProblemText, type SyncProblem } from './syncMessages';
import { sequenceNumber, watchFeed } from './heal';
import type { FeedCheckpoint, FeedWatcher } from './heal';
import { recordConflict } from '../db/recordConflict';
import { Rechecks, recheckDelayMs } from './recheck';

/** Where and as whom to sync. */
export interface SyncTarget {
  /** Server URL, e.g. `https://sync.example.com` (no trailing database). */
  serverUrl: string;
  tenant: string;
  fetch: SyncFetch;
  /** An id of this sync session, so its own doorbell rings are ignored. */
  clientId: string;
  /**
   * Stamped into every document this laptop writes, so a retry recognises its own earlier write
   * (couchPush.ts). Stable for the laptop's local database; the session's clientId when omitted.
   */
  writerId?: string;
  /** How often every collection is re-checked without a ring; tests shorten it. */
  safetyResyncMs?: number;
  /** Where raw errors go (the status shows a sentence); console.warn when omitted. */
  log?: (message: string, error: unknown) => void;
  /** How long a failed replication request waits before retrying; tests shorten it. */
  retryMs?: number;
  /**
   * A viewer's laptop: the server refuses its writes, so it never tries to settle the server's
   * conflicting leaves (that would only record a merge it cannot send); it holds the server's
   * winner, and an editor's laptop settles them.
   */
  readOnly?: boolean;
}

/** What the status line shows. */
export type SyncState = 'connecting' | 'syncing' | 'idle' | 'error' | 'stopped';

/** The sync status everywhere in the app. */
export interface SyncStatus {
  state: SyncState;
  /** Documents moved in the current burst of activity (the "syncing N"). */
  moved: number;
  /** The first error's reason, for `error`, as an English sentence (logs, tests). */
  message?: string;
  /** The same error as a code and parts, for the screens to word in the reader's language. */
  problem?: SyncProblem;
  /** Documents a newer app version wrote; this app keeps them aside until it is updated. */
  newer: NewerDocument[];
  /** Something the user should know that is not an error (the server was restored from a backup). */
  notice?: string;
  /** With `notice`: how many items this laptop sent back to a server restored from a backup. */
  restored?: number;
}

/** A running sync of the whole workspace. */
export interface SyncSession {
  status(): SyncStatus;
  subscribe(listener: (status: SyncStatus) => void): () => void;
  /** Pulls and pushes every collection now (after reconnecting, or from a "Sync now" button). */
  syncNow(): void;
  /** Resolves when every collection has caught up once (initial sync). */
  awaitInSync(): Promise<void>;
  stop(): Promise<void>;
}

/** How often every collection is re-checked even without a doorbell ring: the stall safety net. */
export const safetyResyncMs = 60_000;

/**
 * Starts replicating every collection of the workspace with the tenant's databases: pull and push
 * through CouchDB's plain endpoints (no longpoll per collection), the doorbell for live changes,
 * the merge conflict handler on the collections, and a periodic re-check so a stalled stream
 * recovers by itself.
 */
export function startSync(db: Workspace, target: SyncTarget): SyncSession {
  const base = target.serverUrl.replace(/\/+$/, '');
  const listeners = new Set<(s: SyncStatus) => void>();
  const errors = new Map<string, SyncProblem>();
  const active = new Set<string>();
  const newer = new Map<string, NewerDocument>();
  let status: SyncStatus = { state: 'connecting', moved: 0, newer: [] };
  let moved = 0;
  let stopped = false;

  const publish = () => {
    // A rejected credential stops all traffic (the sync fetch refuses to call out): say so plainly.
    if (target.fetch.authFailure) errors.set('auth', syncProblemOf('auth', target.fetch.authFailure));
    const state: SyncState = stopped ? 'stopped' : errors.size > 0 ? 'error' : active.size > 0 ? 'syncing' : status.state === 'connecting' && moved === 0 && !everIdle ? 'connecting' : 'idle';
    if (state === 'idle') moved = 0;
    const first = errors.values().next().value;
    status = { state, moved, newer: [...newer.values()], ...(first ? { message: syncProblemText(first), problem: first } : {}), ...(notice ? { notice, restored: healed } : {}) };
    for (const l of listeners) l(status);
  };
  let everIdle = false;
  // The status shows one sentence; the raw error goes to the log, once per change of sentence
  // (a retry every few seconds must not flood it).
  const log = target.log ?? ((message: string, error: unknown) => console.warn(message, error));
  const fail = (key: string, error: unknown) => {
    const problem = syncProblemOf(key, error);
    const before = errors.get(key);
    if (!before || syncProblemText(before) !== syncProblemText(problem)) log(`sync: ${key} failed`, error);
    errors.set(key, problem);
  };
  // A request that succeeded clears that collection's error, even when it moved nothing: after an
  // outage the status must return to "up to date" without waiting for someone to edit something.
  const recovered = (name: string) => {
    if (errors.delete(name)) publish();
  };

  const bell = startDoorbell({
    url: `${base}/${tenantDatabaseName(target.tenant, doorbellCollection)}/`,
    fetch: target.fetch,
    clientId: target.clientId,
    nextPulls: () => {
      // Where each collection's next pull starts (our server answers with its page: doorbell.ts).
      const asks: PullAsk[] = [];
      for (const [collection, reached] of pulledTo) {
        const pull = pullTargets.get(collection);
        if (pull) asks.push({ collection, ...nextPage(pull.target, reached.sequence, pull.size) });
      }
      return asks;
    },
    onRing: (collection, upTo, page) => {
      // A pull that already reached the ring's position has the write: no pull (our server only).
      if (upTo && covers(pulledTo.get(collection), upTo)) return;
      const replication = replications.get(collection as CollectionName);
      if (!replication) return;
      // The page the pull would fetch first came with the ring: the pull takes it instead (couchHandlers.ts).
      const pull = pullTargets.get(collection);
      if (page && pull) offerPage(pull.target, page);
      // Not covered, so the ring is past the pull: in the same epoch it stands for the feed check (heal.ts).
      if (upTo?.epoch !== undefined && pull) pull.feed.seen({ epoch: upTo.epoch });
      replication.reSync();
      // The doorbell polls again once this pull is done: at 500 laptops, polling again at once
      // while the pulls run doubled the server's requests (issue 22's sync-load bench).
      return new Promise<void>((resolve) => {
        const waiting = ringWaiters.get(collection) ?? [];
        waiting.push({ ...(upTo ? { upTo } : {}), resolve });
        ringWaiters.set(collection, waiting);
      });
    },
    onReconnect: () => {
      errors.delete('doorbell');
      for (const r of replications.values()) r.reSync();
      publish();
    },
    onError: (error) => {
      fail('doorbell', error);
      publish();
    },
  });

  const replications = new Map<CollectionName, RxReplicationState<{ id: string }, FeedCheckpoint>>();
  /** Pulls asked for after conflicts, by collection (recheck.ts). */
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Each collection's pull target and batch size (for the pages the doorbell brings). */
  const pullTargets = new Map<string, { target: CouchTarget; size: number; feed: FeedWatcher }>();
  /** Where each collection's last pull ended (for skipping rings it already covers). */
  const pulledTo = new Map<string, FeedCheckpoint>();
  /** Rings waiting for their collection's pull: done when a pull reaches the ring's position or the end of the feed. */
  const ringWaiters = new Map<string, { upTo?: RingPosition; resolve: () => void }[]>();
  const settleRings = (name: string, reached: FeedCheckpoint, atEnd: boolean) => {
    const waiting = ringWaiters.get(name);
    if (!waiting) return;
    const left = waiting.filter((w) => {
      const done = atEnd || (w.upTo !== undefined && covers(reached, w.upTo));
      if (done) w.resolve();
      return !done;
    });
    if (left.length > 0) ringWaiters.set(name, left);
    else ringWaiters.delete(name);
  };
  let healed = 0;
  let notice: string | undefined;
  for (const name of Object.keys(db.collections) as CollectionName[]) {
    // Conflicting leaves on the server are merged by the collection's own conflict handler, as if
    // the losing leaf were this laptop's edit and the winner the server's (serverConflicts.ts).
    const handler = db[name].conflictHandler;
    const mergeLeaves: LeafMerge = async ({ base, winner, loser }) => {
      if (handler.isEqual(winner, loser, 'server-leaves')) return winner;
      return (await handler.resolve({ assumedMasterState: base, realMasterState: winner, newDocumentState: loser }, 'server-leaves')) as Doc;
    };
    const handlerTarget: CouchTarget = {
      ...(target.readOnly ? {} : { settleConflicts: (couch: Record<string, unknown>) => settleServerConflicts(handlerTarget, couch, mergeLeaves) }),
      url: `${base}/${tenantDatabaseName(target.tenant, name)}/`,
      collection: name,
      schemaVersion: collectionSchemas[name].version,
      fetch: target.fetch,
      writerId: target.writerId ?? target.clientId,
      onAgreedBase: (found: { id: string; remote: Record<string, unknown>; base: Record<string, unknown> }) => agreedBasesOf(db, name)?.set(found.id, found.remote, found.base),
      onNewer: (doc: NewerDocument) => {
        newer.set(`${doc.collection}/${doc.id}`, doc);
        publish();
      },
      onRefused: (doc: { collection: string; id: string; reason: string }) => {
        errors.set(`refused:${doc.collection}/${doc.id}`, { code: 'notSynced', collection: doc.collection, reason: doc.reason });
        publish();
      },
    };
    // Dataset chunks are ~1 MB each: small batches keep every request under the server's limit.
    // Pulls take at least 500 documents a batch (measured in Chromium: about twice the documents a
    // second of 100), read in pages of about 4 MB, at most 2,000 rows, with the next page asked for
    // ahead; a batch carries its whole last page, so small documents come 2,000 a batch (couchHandlers.ts).
    // Pushes hand 500 to the push handler, which sends them in requests of at most 4 MB, two at a
    // time (couchPush.ts): fewer round trips for many small documents (bench syncCompare).
    const rechecks = new Rechecks(handlerTarget, () => db[name].storageInstance);
    const recheckSoon = () => {
      if (stopped || timers.has(name) || !rechecks.waiting) return;
      timers.set(name, setTimeout(() => {
        timers.delete(name);
        replications.get(name)?.reSync();
      }, recheckDelayMs));
    };
    const pullSize = name === 'datasets' ? datasetBatchSize : 500;
    const pushSize = name === 'datasets' ? datasetBatchSize : 500;
    const feed = watchFeed({
      target: handlerTarget,
      collection: db[name] as never,
      onHealed: async (sent, superseded) => {
        // A persona or journey of ours that a teammate's later copy replaces is kept in history.
        const entity = name === 'personas' ? 'persona' : name === 'journeys' ? 'journey' : undefined;
        if (entity) for (const lost of superseded) await recordConflict(db, { entity, entityId: lost.id, lost, conflicts: [{ path: '(document)', kind: 'both-edited' }] }, 'This computer').catch(() => {});
        healed += sent;
        notice = `The sync server was restored from a backup: this laptop sent back ${healed} item${healed === 1 ? '' : 's'} it had lost and read its changes again.`;
        publish();
      },
    });
    pullTargets.set(name, { target: handlerTarget, size: pullSize, feed });
    const replication = replicateRxCollection<{ id: string }, FeedCheckpoint>({
      collection: db[name],
      replicationIdentifier: `cx-${target.tenant}-${name}-${base}`,
      live: true,
      retryTime: target.retryMs ?? 5000,
      waitForLeadership: false,
      autoStart: true,
      pull: {
        batchSize: pullSize,
        handler: async (checkpoint, size) => {
          const start = await feed(checkpoint ?? undefined);
          const again = await rechecks.take();
          const result = await pullBatch(handlerTarget, start.since, size);
          moved += result.documents.length;
          recovered(name);
          const reached = { ...result.checkpoint, ...(start.epoch ? { epoch: start.epoch } : {}) };
          pulledTo.set(name, reached);
          settleRings(name, reached, result.documents.length < size);
          recheckSoon();
          // The feed's copy of a document is at least as new as the recheck's (read after it).
          const fed = new Set(result.documents.map((d) => d.id));
          return { documents: [...result.documents, ...again.filter((d) => !fed.has(d.id))], checkpoint: reached };
        },
      },
      push: {
        batchSize: pushSize,
        handler: async (rows) => {
          const { conflicts, written } = await pushRows(handlerTarget, rows);
          moved += written;
          recovered(name);
          if (written > 0) bell.ring(name);
          // The server's copies in these answers may be old by the time RxDB resolves them (recheck.ts).
          rechecks.add(conflicts.map((c) => c.id));
          recheckSoon();
          return conflicts;
        },
      },
    });
    replication.active$.subscribe((isActive) => {
      if (isActive) active.add(name);
      else {
        active.delete(name);
        if (active.size === 0) everIdle = true;
      }
      publish();
    });
    replication.error$.subscribe((error) => {
      fail(name, error);
      publish();
    });
    replications.set(name, replication);
  }

  const safety = setInterval(() => {
    errors.delete('doorbell');
    for (const r of replications.values()) r.reSync();
  }, target.safetyResyncMs ?? safetyResyncMs);

  return {
    status: () => status,
    subscribe(listener) {
      listeners.add(listener);
      listener(status);
      return () => listeners.delete(listener);
    },
    syncNow() {
      target.fetch.resetAuth();
      for (const name of [...errors.keys()]) errors.delete(name);
      for (const r of replications.values()) r.reSync();
      publish();
    },
    async awaitInSync() {
      await Promise.all([...replications.values()].map((r) => r.awaitInSync()));
    },
    async stop() {
      stopped = true;
      clearInterval(safety);
      for (const t of timers.values()) clearTimeout(t);
      bell.stop();
      for (const waiting of ringWaiters.values()) for (const w of waiting) w.resolve();
      ringWaiters.clear();
      await Promise.all([...replications.values()].map((r) => r.cancel()));
      publish();
    },
  };
}

/**
 * True when a pull that ended at `pulled` already read the ring's position: same epoch (a restored
 * server's sequences start again) and a sequence at least as far.
 */
export function covers(pulled: FeedCheckpoint | undefined, ring: RingPosition): boolean {
  if (!pulled || pulled.epoch === undefined || ring.epoch === undefined || pulled.epoch !== ring.epoch) return false;
  return sequenceNumber(pulled.sequence) >= sequenceNumber(ring.seq);
}
