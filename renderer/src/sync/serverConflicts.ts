import { canonicalJson } from '../../../common/sync/merge';
import { SyncHttpError } from '../../../common/sync/fetch';
import { fromCouch, toCouch } from './couchHandlers';
import type { CouchTarget, Doc } from './couchHandlers';

/**
 * Conflicts that happened on the server, not in this laptop's push (issue 20, item 4): two laptops
 * on the two sides of a partitioned CouchDB cluster, or a PouchDB client writing with
 * `new_edits: false`, leave a document with several leaf revisions. CouchDB picks a winner
 * deterministically and keeps the others as `_conflicts`; an app that reads only the winner never
 * shows the losing edit and never removes it. Pulls ask for `conflicts`, and each such document is
 * settled here like a conflict of our own: every losing leaf is merged into the winner by the
 * collection's conflict handler (personas and journeys: element by element against the leaves'
 * common ancestor, a value that had to lose kept in history and shown in Sync → Conflicts), the
 * merge is written on top of the winner, and the losing leaves are deleted. Only stock CouchDB
 * endpoints are used (document GET with `open_revs`/`revs`, `_bulk_docs`).
 */

/** What a collection does with one losing leaf: returns the merged document (the winner by default). */
export type LeafMerge = (input: { base: Doc | undefined; winner: Doc; loser: Doc }) => Promise<Doc>;

/** Losing leaves settled per document at most; a document with more is settled over several pulls. */
export const maxLeavesPerDocument = 20;

const json = { 'content-type': 'application/json' };

interface Leaf { body: Record<string, unknown>; history: string[] }

/**
 * Settles a pulled document whose winner carries `_conflicts`. Returns the document the laptop
 * should hold now, or null when someone changed it meanwhile (the newer change comes later in the
 * feed and is settled then).
 */
export async function settleServerConflicts(target: CouchTarget, winnerRaw: Record<string, unknown>, merge: LeafMerge): Promise<Doc | null> {
  const losers = (Array.isArray(winnerRaw._conflicts) ? winnerRaw._conflicts : []).filter((r): r is string => typeof r === 'string').slice(0, maxLeavesPerDocument);
  const id = String(winnerRaw._id);
  const winnerRev = String(winnerRaw._rev);
  const leaves = await readRevisions(target, id, [winnerRev, ...losers], true);
  const winnerLeaf = leaves.get(winnerRev);
  const first = winnerLeaf ? fromCouch(target, winnerLeaf.body) : null;
  if (!winnerLeaf || !first) return null; // replaced meanwhile, or a newer app version owns it
  // The newest revision each loser shares with the winner: the state both edits started from.
  const winnerHistory = new Set(winnerLeaf.history);
  const ancestorOf = new Map<string, string>();
  for (const rev of losers) {
    const common = leaves.get(rev)?.history.find((r) => winnerHistory.has(r));
    if (common) ancestorOf.set(rev, common);
  }
  // Bodies of compacted ancestors are gone: such a loser is merged without a base.
  const ancestors = await readRevisions(target, id, [...new Set(ancestorOf.values())], false);
  let merged = first;
  const settled: string[] = [];
  for (const rev of losers) {
    const leaf = leaves.get(rev);
    if (!leaf) continue; // removed meanwhile (another laptop settled it)
    const loser = fromCouch(target, leaf.body);
    if (!loser) return null;
    const ancestor = ancestors.get(ancestorOf.get(rev) ?? '');
    const base = ancestor ? (fromCouch(target, ancestor.body) ?? undefined) : undefined;
    merged = await merge({ base, winner: merged, loser });
    settled.push(rev);
  }
  if (!same(merged, first)) {
    const [result] = await bulkDocs(target, [toCouch(target, merged, winnerRev)]);
    if (result?.error === 'conflict') return null; // the winner moved on: settle again when its change arrives
    // Not allowed to settle it (a viewer; the role check refuses the write): hold the winner the
    // server shows, as CouchDB does, and leave the leaves for an editor's laptop to settle.
    // Skipping the document instead would leave it missing here until someone edits it again.
    if (!result?.ok) return first;
  }
  // Only now that the merge is on the server may the losing leaves go (deleting a leaf that
  // another laptop deleted first is refused with 409, which is fine).
  if (settled.length > 0) await bulkDocs(target, settled.map((rev) => ({ _id: id, _rev: rev, _deleted: true })));
  return merged;
}

/** The given revisions of a document with their ancestry (`rev` → body and revision ids, newest first). */
async function readRevisions(target: CouchTarget, id: string, revs: string[], withHistory: boolean): Promise<Map<string, Leaf>> {
  const out = new Map<string, Leaf>();
  if (revs.length === 0) return out;
  const query = new URLSearchParams({ open_revs: JSON.stringify(revs), ...(withHistory ? { revs: 'true' } : {}) });
  const response = await target.fetch(`${target.url}${encodeURIComponent(id)}?${query}`, { headers: { accept: 'application/json' } });
  const found = (await response.json()) as { ok?: Record<string, unknown> }[];
  if (!Array.isArray(found)) throw new Error(`The server's revisions of ${id} were not understood.`);
  for (const entry of found) {
    const body = entry.ok;
    if (!body || body._deleted === true) continue;
    const revisions = body._revisions as { start: number; ids: string[] } | undefined;
    const history = revisions ? revisions.ids.map((hash, i) => `${revisions.start - i}-${hash}`) : [String(body._rev)];
    const { _revisions: _r, ...rest } = body;
    out.set(String(body._rev), { body: rest, history });
  }
  return out;
}

/**
 * `_bulk_docs`; a request refused as a whole for the role (our server answers a viewer 403, CouchDB
 * answers per document) comes back as one `forbidden` result per document, so the pull goes on.
 */
async function bulkDocs(target: CouchTarget, docs: Record<string, unknown>[]): Promise<{ id: string; ok?: boolean; error?: string }[]> {
  try {
    const response = await target.fetch(`${target.url}_bulk_docs`, { method: 'POST', headers: json, body: JSON.stringify({ docs }) });
    return (await response.json()) as { id: string; ok?: boolean; error?: string }[];
  } catch (error) {
    if (error instanceof SyncHttpError && error.status === 403) return docs.map((d) => ({ id: String(d._id), error: 'forbidden' }));
    throw error;
  }
}

function same(a: Doc, b: Doc): boolean {
  const strip = ({ _meta: _m, _rev: _r, _attachments: _a, ...rest }: Record<string, unknown>) => rest;
  return canonicalJson(strip(a)) === canonicalJson(strip(b));
}
