import type { RxReplicationWriteToMasterRow, WithDeleted } from 'rxdb/plugins/core';
import { canonicalJson } from '../../../common/sync/merge';
import type { SyncFetch } from '../../../common/sync/fetch';

/** A document the server holds that a newer app version wrote: kept aside, never applied here. */
export interface NewerDocument { collection: string; id: string; version: number }

/** What the handlers need to know about one collection's replication. */
export interface CouchTarget {
  /** Database URL ending in `/`, e.g. `https://sync.example/acme-personas/`. */
  url: string;
  collection: string;
  /** The collection's schema version here; documents stamped higher are kept aside. */
  schemaVersion: number;
  fetch: SyncFetch;
  onNewer(doc: NewerDocument): void;
  /** A document the server refused for good (bad id, too large, not allowed): reported, not retried. */
  onRefused(doc: { collection: string; id: string; reason: string }): void;
}

/** The field each pushed document carries with the schema version that wrote it. */
export const versionField = 'cx_schema';
type Doc = WithDeleted<{ id: string }> & Record<string, unknown>;
const json = { 'content-type': 'application/json' };

/** Couch document → RxDB document data, or null (with a report) when a newer schema wrote it. */
export function fromCouch(target: CouchTarget, couch: Record<string, unknown>): Doc | null {
  const { _id, _rev: _r, _revisions: _v, _conflicts: _c, [versionField]: version, ...rest } = couch;
  if (typeof version === 'number' && version > target.schemaVersion) {
    target.onNewer({ collection: target.collection, id: String(_id), version });
    return null;
  }
  return { ...rest, id: String(_id), _deleted: couch._deleted === true } as Doc;
}

function toCouch(target: CouchTarget, doc: Doc, rev: string | undefined): Record<string, unknown> {
  const { id, _meta: _m, _rev: _r, _attachments: _a, ...rest } = doc as Record<string, unknown>;
  return { ...rest, _id: id, ...(rev ? { _rev: rev } : {}), [versionField]: target.schemaVersion };
}

/** Pulls one batch of changes after a checkpoint (`_changes`, normal feed: never a longpoll). */
export async function pullBatch(target: CouchTarget, since: string | number, limit: number) {
  const query = new URLSearchParams({ style: 'all_docs', feed: 'normal', include_docs: 'true', since: String(since), limit: String(limit) });
  const response = await target.fetch(`${target.url}_changes?${query}`);
  const body = (await response.json()) as { results?: { doc?: Record<string, unknown> }[]; last_seq: string | number };
  if (!Array.isArray(body.results)) throw new Error(`The server's change feed for ${target.collection} was not understood.`);
  const documents = body.results.flatMap((row) => (row.doc ? [fromCouch(target, row.doc)].filter((d): d is Doc => d !== null) : []));
  return { documents, checkpoint: { sequence: body.last_seq } };
}

/**
 * Pushes local writes. Each row is written only if the server still holds the state this laptop
 * last saw; otherwise the server's state comes back as a conflict for the merge handler. Returns
 * the conflicts and how many documents were written (for the doorbell and the status line).
 */
export async function pushRows(target: CouchTarget, rows: RxReplicationWriteToMasterRow<{ id: string }>[]) {
  const ids = rows.map((r) => r.newDocumentState.id);
  const current = await target.fetch(`${target.url}_all_docs`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ keys: ids, include_docs: true }),
  });
  const all = (await current.json()) as { rows: { key: string; value?: { rev: string; deleted?: boolean }; doc?: Record<string, unknown> | null }[] };
  const remote = new Map(all.rows.map((row) => [row.key, row]));
  const conflicts: Doc[] = [];
  const writes: Record<string, unknown>[] = [];
  for (const row of rows) {
    const newDoc = row.newDocumentState as Doc;
    const server = remote.get(newDoc.id);
    const rev = server?.value?.rev;
    if (server?.doc) {
      const master = fromCouch(target, server.doc);
      if (!master) continue; // a newer app version owns this document now: leave it alone
      const assumed = row.assumedMasterState as Doc | undefined;
      if (!assumed || !sameContent(master, assumed)) {
        conflicts.push(master);
        continue;
      }
    }
    writes.push(toCouch(target, newDoc, rev));
  }
  if (writes.length === 0) return { conflicts, written: 0 };
  const response = await target.fetch(`${target.url}_bulk_docs`, { method: 'POST', headers: json, body: JSON.stringify({ docs: writes }) });
  const results = (await response.json()) as { id: string; ok?: boolean; error?: string; reason?: string }[];
  const again = results.filter((r) => r.error === 'conflict').map((r) => r.id);
  // A document refused for good must not block every later push behind it (RxDB would retry the
  // same batch forever): it is reported and the queue moves on; editing it again retries it.
  const refused = results.filter((r) => r.error && r.error !== 'conflict');
  for (const r of refused) target.onRefused({ collection: target.collection, id: r.id, reason: r.reason ?? r.error ?? 'refused' });
  if (again.length > 0) {
    // Someone wrote in between: hand their state to the merge handler.
    const refetch = await target.fetch(`${target.url}_all_docs`, { method: 'POST', headers: json, body: JSON.stringify({ keys: again, include_docs: true }) });
    const fresh = (await refetch.json()) as { rows: { doc?: Record<string, unknown> | null }[] };
    for (const row of fresh.rows) {
      const doc = row.doc ? fromCouch(target, row.doc) : null;
      if (doc) conflicts.push(doc);
    }
  }
  return { conflicts, written: writes.length - again.length - refused.length };
}

function sameContent(a: Doc, b: Doc): boolean {
  const strip = ({ _meta: _m, _rev: _r, _attachments: _a, ...rest }: Record<string, unknown>) => rest;
  return canonicalJson(strip(a)) === canonicalJson(strip(b));
}
