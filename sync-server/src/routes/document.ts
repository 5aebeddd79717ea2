import { CouchError, badRequest } from '../http/errors';
import { isObject } from '../http/body';
import type { Ctx, Route } from '../http/context';
import type { Doc, PouchDatabase } from '../store/pouch';
import type { Need } from './access';
import { openDb } from './access';
import { checkDocBody, checkDocId } from './docChecks';
import { boolParam, jsonParam } from './query';
import { stampRing } from './ring';

/**
 * Single-document routes for normal, `_local` and `_design` documents. GET honours `rev`, `revs`,
 * `revs_info`, `open_revs`, `latest`, `conflicts`, `deleted_conflicts`; PUT honours `rev` and
 * `new_edits=false`; DELETE needs `rev`. Answers are always JSON (PouchDB's replicator asks for
 * JSON; multipart is not offered).
 */

type Kind = 'doc' | 'local' | 'design';

function docId(ctx: Ctx, kind: Kind): string {
  const raw = ctx.params.docid ?? '';
  const id = kind === 'doc' ? raw : `_${kind}/${raw}`;
  checkDocId(id, true, ctx.deps.limits);
  return id;
}

const need = (kind: Kind, write: boolean): Need => (kind === 'local' ? 'local' : !write ? 'read' : kind === 'design' ? 'design' : 'write');

/** GET /{db}/{docid} and friends. */
export function getDoc(kind: Kind): Route {
  return async (ctx) => {
    const id = docId(ctx, kind);
    const db = await openDb(ctx, ctx.params.db ?? '', need(kind, false));
    const q = ctx.query;
    const opts: Record<string, unknown> = {};
    const rev = q.get('rev');
    if (rev !== null) opts.rev = rev;
    for (const flag of ['revs', 'revs_info', 'latest', 'conflicts', 'deleted_conflicts', 'attachments'] as const) {
      if (boolParam(q, flag)) opts[flag] = true;
    }
    if (q.has('open_revs')) {
      const openRevs = q.get('open_revs') === 'all' ? 'all' : jsonParam(q, 'open_revs');
      if (openRevs !== 'all' && !(Array.isArray(openRevs) && openRevs.every((r) => typeof r === 'string'))) {
        throw badRequest('`open_revs` must be "all" or a JSON array of revisions.');
      }
      opts.open_revs = openRevs;
      if (opts.latest && Array.isArray(openRevs)) return { status: 200, body: await latestLeaves(db, id, openRevs, opts.revs === true, opts.attachments === true) };
    }
    return { status: 200, body: await db.get(id, opts) };
  };
}

/**
 * `open_revs=[…]&latest=true` as CouchDB answers it: for each asked revision, every leaf that
 * descends from it (PouchDB returns only one), so a replicator fetching a revision that was
 * superseded meanwhile gets all current branches.
 */
async function latestLeaves(db: PouchDatabase, id: string, asked: string[], withRevs: boolean, attachments: boolean): Promise<unknown[]> {
  const leaves = (await db.get(id, { open_revs: 'all', revs: true, attachments }).catch(() => [])) as { ok?: Doc }[];
  const out = new Map<string, unknown>();
  for (const rev of asked) {
    const [pos, hash] = [Number(rev.split('-')[0]), rev.slice(rev.indexOf('-') + 1)];
    const matches = leaves.filter(({ ok }) => {
      const history = ok?._revisions as { start: number; ids: string[] } | undefined;
      return history !== undefined && history.ids[history.start - pos] === hash;
    });
    if (matches.length === 0 && !out.has(rev)) out.set(rev, { missing: rev });
    for (const { ok } of matches) {
      if (!ok?._rev) continue;
      const doc: Doc = { ...ok };
      if (!withRevs) delete doc._revisions;
      out.set(ok._rev, { ok: doc });
    }
  }
  return [...out.values()];
}

/** PUT /{db}/{docid}. */
export function putDoc(kind: Kind): Route {
  return async (ctx) => {
    const id = docId(ctx, kind);
    const name = ctx.params.db ?? '';
    // Access first: a body is read only for someone who may write here.
    const db = await openDb(ctx, name, need(kind, true));
    const body = await ctx.json();
    if (!isObject(body)) throw badRequest('Document must be a JSON object.');
    if (body._id !== undefined && body._id !== id) throw badRequest('Document id in the body does not match the URL.');
    const doc: Doc = { ...checkDocBody(body, ctx.deps.limits), _id: id };
    const rev = ctx.query.get('rev');
    if (rev !== null) doc._rev = rev;
    const newEdits = boolParam(ctx.query, 'new_edits', true);
    if (kind === 'doc' && newEdits) await stampRing(ctx.deps.store, name, doc);
    let result: { id: string; rev: string };
    if (newEdits) {
      result = await db.put(doc);
    } else {
      if (typeof doc._rev !== 'string') throw badRequest('new_edits=false needs the revision in `_rev`.');
      await db.bulkDocs([doc], { new_edits: false });
      result = { id, rev: doc._rev };
    }
    if (kind !== 'local') ctx.deps.notifier.notify(name);
    return { status: 201, body: { ok: true, id: result.id, rev: result.rev }, headers: { etag: `"${result.rev}"` } };
  };
}

/** DELETE /{db}/{docid}?rev=…: writes a tombstone (no body, as CouchDB does). */
export function deleteDoc(kind: Kind): Route {
  return async (ctx) => {
    const id = docId(ctx, kind);
    const name = ctx.params.db ?? '';
    const db = await openDb(ctx, name, need(kind, true));
    const rev = ctx.query.get('rev') ?? (typeof ctx.req.headers['if-match'] === 'string' ? ctx.req.headers['if-match'].replaceAll('"', '') : null);
    if (kind === 'local') {
      const current = (await db.get(id)) as Doc;
      if (rev !== null && current._rev !== rev) throw new CouchError(409, 'conflict', 'Document update conflict.');
      const result = await db.put({ _id: id, _rev: current._rev, _deleted: true });
      return { status: 200, body: { ok: true, id, rev: result.rev } };
    }
    if (rev === null) throw badRequest('Deleting a document needs its current revision in `rev`.');
    const result = await db.put({ _id: id, _rev: rev, _deleted: true });
    ctx.deps.notifier.notify(name);
    return { status: 200, body: { ok: true, id, rev: result.rev } };
  };
}
