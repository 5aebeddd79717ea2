import type { RxReplicationWriteToMasterRow } from 'rxdb/plugins/core';
import { canonicalJson } from '../../../common/sync/merge';
import { SyncHttpError } from '../../../common/sync/fetch';
import { defaultPushBytes } from '../../../common/sync/limits';
import { splitByBytes } from '../../../common/sync/batches';
import { fromCouch, toCouch, writerField } from './couchHandlers';
import type { CouchTarget, Doc } from './couchHandlers';
import { findAgreedBase } from './agreedBase';
import { staysLocal } from '../db/localOnly';
import { bulkDocsBody, encodeDoc, withRev } from './pushBody';
import type { EncodedDoc } from './pushBody';

/**
 * Pushing local writes so that a retry is always safe (issue 20, item 1).
 *
 * Choice: the server keeps choosing revisions (plain `_bulk_docs` with `_rev`, so its optimistic
 * check still refuses a write based on a stale revision and the app never creates conflicting
 * leaves itself), and every document this laptop writes carries its writer id. When a request was
 * applied but its answer was lost, the retry finds either exactly what it is sending (nothing to
 * do) or a copy this laptop wrote; the local document descends from every write the laptop made,
 * so it is written on top of that copy, never merged with it as if a teammate had made it.
 * Client-chosen revisions (`new_edits: false`) were the alternative; they give up the server's
 * check, so two laptops writing at once would leave conflicting leaves on every server. Both need
 * only stock CouchDB endpoints (`_all_docs`, `_bulk_docs`, document GET with `revs`/`open_revs`).
 */

const json = { 'content-type': 'application/json' };

interface ServerRow { key: string; error?: string; value?: { rev: string; deleted?: boolean }; doc?: Record<string, unknown> | null }
type Decision = { kind: 'skip' } | { kind: 'write'; rev: string | undefined } | { kind: 'conflict'; master: Doc; raw: Record<string, unknown> };
/** One local write RxDB hands the push. */
export type Row = RxReplicationWriteToMasterRow<{ id: string }>;

/**
 * Pushes local writes: each row is written only on top of a server state this laptop agreed on or
 * wrote itself; anything else comes back as a conflict for the collection's merge handler.
 * Returns the conflicts and how many documents were written (for the doorbell and the status).
 */
export async function pushRows(target: CouchTarget, rows: Row[], options: PushOptions = {}): Promise<{ conflicts: Doc[]; written: number }> {
  const conflicts: Doc[] = [];
  let written = 0;
  // Chunks of an import the user has not confirmed never leave the laptop (db/localOnly.ts).
  let pending = rows.filter((row) => !staysLocal(row.newDocumentState));
  // Each document's JSON is written and encoded once, and reused for sizing the reads and for the
  // write (pushBody.ts): a 200 KB document used to be serialised three times (issue 20 bench).
  const encoded = new Map<Row, EncodedDoc>();
  const textOf = (row: Row): EncodedDoc => {
    let doc = encoded.get(row);
    if (!doc) {
      doc = encodeDoc(toCouch(target, row.newDocumentState as Doc, undefined));
      encoded.set(row, doc);
    }
    return doc;
  };
  // Two rounds: a write refused with 409 (someone wrote between our read and our write) is read
  // again and decided again; a second refusal goes to the merge handler.
  for (let round = 0; round < 2 && pending.length > 0; round++) {
    const server = await readCurrent(target, pending, (row) => textOf(row).bytes);
    // Read after the server's copies: a local edit pushed since then changed the server's
    // revision too, so the write below is refused (409) and decided again in the next round.
    if (options.stillLocal) pending = await options.stillLocal(pending);
    const writes: Write[] = [];
    const raced: Row[] = [];
    for (const row of pending) {
      const decision = decide(target, row, server.get(row.newDocumentState.id), options);
      if (decision.kind === 'write') writes.push({ id: row.newDocumentState.id, label: row.newDocumentState as Record<string, unknown>, ...withRev(textOf(row), decision.rev) });
      else if (decision.kind === 'conflict') {
        conflicts.push(decision.master);
        await reportAgreedBase(target, row, decision);
      }
    }
    const results = await bulkWrite(target, writes);
    for (const r of results) {
      if (r.ok) written++;
      else if (r.error === 'conflict') raced.push(...pending.filter((row) => row.newDocumentState.id === r.id));
      else target.onRefused({ collection: target.collection, id: r.id, reason: r.error === 'too_large' ? String(r.reason) : `the server refused ${r.id} (${r.reason ?? r.error ?? 'no reason given'}); editing it again retries it.` });
    }
    pending = raced;
  }
  if (pending.length > 0) {
    const server = await readCurrent(target, pending, (row) => textOf(row).bytes);
    for (const row of pending) {
      const raw = server.get(row.newDocumentState.id)?.doc;
      const master = raw ? fromCouch(target, raw) : null;
      if (master) conflicts.push(master);
    }
  }
  return { conflicts, written };
}

/**
 * The server's current copies of the rows' documents. Read in requests sized by the local copies
 * (the server's are usually about as large), so a push of many large documents never asks for
 * one huge answer. When that takes more than one request (a backlog of large documents), one
 * small request first asks which of them the server has, and only those are read: a first push
 * of 1,000 versions of 200 KB made 25 reads of nothing.
 */
async function readCurrent(target: CouchTarget, rows: Row[], bytes: (row: Row) => number): Promise<Map<string, ServerRow>> {
  const out = new Map<string, ServerRow>();
  const ids = (chunk: Row[]) => chunk.map((r) => r.newDocumentState.id);
  let chunks = splitByBytes(rows, bytes, readBytes);
  if (chunks.length > 1) {
    const present = new Set<string>();
    for (const row of await allDocs(target, ids(rows), false)) {
      if (row.value && !row.value.deleted) present.add(row.key);
      else out.set(row.key, row.value ? { ...row, doc: null } : row);
    }
    chunks = splitByBytes(rows.filter((r) => present.has(r.newDocumentState.id)), bytes, readBytes);
  }
  for (const chunk of chunks) for (const row of await allDocs(target, ids(chunk), true)) out.set(row.key, row);
  return out;
}

async function allDocs(target: CouchTarget, keys: string[], docs: boolean): Promise<ServerRow[]> {
  const response = await target.fetch(`${target.url}_all_docs`, { method: 'POST', headers: json, body: JSON.stringify({ keys, ...(docs ? { include_docs: true } : {}) }) });
  return ((await response.json()) as { rows: ServerRow[] }).rows;
}

/** About how much document JSON one read of the server's copies asks for. */
const readBytes = 8 * 1024 * 1024;

/** Options of {@link pushRows}. */
export interface PushOptions {
  /** Healing after a restore (heal.ts): whether ours replaces a different server copy instead of conflicting. */
  overwrite?: (local: Doc, server: Doc) => boolean;
  /**
   * Healing sends copies read from the local database a moment earlier: this keeps only the rows
   * whose local document has not changed since, so a stale copy never replaces a newer edit that
   * the live push already sent (that edit is on the server, or on its way).
   */
  stillLocal?: (rows: Row[]) => Promise<Row[]>;
}

/** What to do with one local write, given the server's current copy. */
export function decide(target: CouchTarget, row: Row, server: ServerRow | undefined, options: PushOptions = {}): Decision {
  const local = row.newDocumentState as Doc;
  const rev = server?.value?.rev;
  if (!server?.doc) {
    // Not there, or deleted there: nothing to merge with (an edit beats a deletion it never saw).
    if (server?.value?.deleted && local._deleted) return { kind: 'skip' };
    return { kind: 'write', rev };
  }
  const master = fromCouch(target, server.doc);
  if (!master) return { kind: 'skip' }; // a newer app version owns this document now: leave it alone
  if (sameContent(master, local)) return { kind: 'skip' }; // already there (a retry whose answer was lost)
  if (server.doc[writerField] === target.writerId) return { kind: 'write', rev }; // our own earlier write
  const assumed = row.assumedMasterState as Doc | undefined;
  if (assumed && sameContent(master, assumed)) return { kind: 'write', rev };
  if (options.overwrite?.(local, master)) return { kind: 'write', rev };
  return { kind: 'conflict', master, raw: server.doc };
}

/**
 * A teammate's copy may sit on top of a write of ours whose answer was lost: then the state both
 * sides last agreed on is that write, not RxDB's assumed master, and the merge must use it (or an
 * item our lost write removed and the teammate kept removed would come back).
 */
async function reportAgreedBase(target: CouchTarget, row: Row, decision: Extract<Decision, { kind: 'conflict' }>): Promise<void> {
  if (!target.onAgreedBase) return;
  const base = await findAgreedBase(target, decision.raw, row.assumedMasterState as Doc | undefined).catch(() => null);
  if (base) target.onAgreedBase({ id: decision.master.id, remote: decision.master, base });
}

interface BulkResult { id: string; ok?: boolean; error?: string; reason?: string }

/** One document to write: its id, the fields that name it to the user, and its JSON. */
interface Write extends EncodedDoc { id: string; label: Record<string, unknown> }

/** Requests of one push in flight at once: the server applies one while this laptop sends the next. */
const inFlight = 2;

/**
 * Writes documents in requests capped by bytes, two at a time; a 413 halves the request until one
 * document is left. A failed request fails the push once the other in flight has ended (RxDB
 * retries it; the writer stamp makes the retry safe).
 */
async function bulkWrite(target: CouchTarget, docs: Write[]): Promise<BulkResult[]> {
  if (docs.length === 0) return [];
  const batches = splitByBytes(docs, (d) => d.bytes, target.maxPushBytes ?? defaultPushBytes);
  const results: BulkResult[][] = [];
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (next < batches.length && !failure) {
      const at = next++;
      try {
        results[at] = await sendBatch(target, batches[at]!);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, batches.length) }, worker));
  if (failure) throw failure.error;
  return results.flat();
}

async function sendBatch(target: CouchTarget, batch: Write[]): Promise<BulkResult[]> {
  try {
    const response = await target.fetch(`${target.url}_bulk_docs`, { method: 'POST', headers: json, body: bulkDocsBody(batch) });
    const results = (await response.json()) as BulkResult[];
    // Grow back towards the default after a cut, so one bad moment does not slow every later push.
    target.maxPushBytes = Math.min(defaultPushBytes, (target.maxPushBytes ?? defaultPushBytes) * 2);
    return results;
  } catch (error) {
    const total = batch.reduce((n, e) => n + e.bytes, 0);
    if (!(error instanceof SyncHttpError)) {
      // A server that refuses a large body without reading it may close the connection instead
      // of answering 413: the retry RxDB makes goes out in smaller requests.
      if (batch.length > 1 && total > 1024 * 1024) target.maxPushBytes = Math.max(64 * 1024, Math.floor(total / 2));
      throw error;
    }
    if (error.status !== 413) throw error;
    if (batch.length === 1) {
      const only = batch[0]!;
      return [{ id: only.id, error: 'too_large', reason: tooLarge(only.id, only.label, only.bytes) }];
    }
    // Remember a smaller cap: the next push starts under it.
    target.maxPushBytes = Math.max(64 * 1024, Math.floor(total / 2));
    const half = Math.ceil(batch.length / 2);
    return [...(await sendBatch(target, batch.slice(0, half))), ...(await sendBatch(target, batch.slice(half)))];
  }
}

function tooLarge(id: string, doc: Record<string, unknown>, bytes: number): string {
  const label = ['name', 'title', 'summary'].map((k) => doc[k]).find((v): v is string => typeof v === 'string' && v.trim() !== '');
  const size = `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${label ? `“${label.slice(0, 80)}” (${id})` : id} is ${size}, more than the server accepts in one request; it stays on this laptop. Make it smaller or ask the server admin to raise the limit.`;
}

/** Same document content, RxDB's and CouchDB's bookkeeping fields aside. */
export function sameContent(a: Doc, b: Doc): boolean {
  const strip = ({ _meta: _m, _rev: _r, _attachments: _a, ...rest }: Record<string, unknown>) => rest;
  return canonicalJson(strip(a)) === canonicalJson(strip(b));
}
