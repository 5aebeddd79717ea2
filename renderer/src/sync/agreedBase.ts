import { canonicalJson } from '../../../common/sync/merge';
import { fromCouch, writerField } from './couchHandlers';
import type { CouchTarget, Doc } from './couchHandlers';

/** How far back a conflicting copy's ancestry is searched for this laptop's last write. */
const ancestorsSearched = 20;

/**
 * The last state this laptop and the server agreed on, when it is newer than RxDB's assumed
 * master: the newest ancestor of the server's copy that this laptop wrote. Returns null when the
 * assumed master is the right base (it is the newer one, or no write of ours is in the ancestry,
 * or the server no longer holds the old bodies after a compaction).
 */
export async function findAgreedBase(target: CouchTarget, remote: Record<string, unknown>, assumed: Doc | undefined): Promise<Doc | null> {
  const id = encodeURIComponent(String(remote._id));
  const withRevs = await target.fetch(`${target.url}${id}?revs=true&rev=${encodeURIComponent(String(remote._rev))}`);
  const { _revisions: history } = (await withRevs.json()) as { _revisions?: { start: number; ids: string[] } };
  if (!history || history.ids.length < 2) return null;
  const ancestors = history.ids.slice(1, 1 + ancestorsSearched).map((hash, i) => `${history.start - 1 - i}-${hash}`);
  const response = await target.fetch(`${target.url}${id}?open_revs=${encodeURIComponent(JSON.stringify(ancestors))}`, { headers: { accept: 'application/json' } });
  const found = (await response.json()) as { ok?: Record<string, unknown> }[];
  const byRev = new Map(found.flatMap((f) => (f.ok ? [[String(f.ok._rev), f.ok] as const] : [])));
  const same = (a: Doc, b: Doc) => canonicalJson(strip(a)) === canonicalJson(strip(b));
  for (const rev of ancestors) {
    const body = byRev.get(rev);
    if (!body) return null; // compacted away: fall back to the assumed master
    const doc = fromCouch(target, body);
    if (!doc) return null;
    if (assumed && same(doc, assumed)) return null; // the assumed master is the newest agreed state
    if (body[writerField] === target.writerId) return doc;
  }
  return null;
}

function strip({ _meta: _m, _rev: _r, _attachments: _a, ...rest }: Record<string, unknown>): Record<string, unknown> {
  return rest;
}
