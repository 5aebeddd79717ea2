import { CouchError, badRequest, dbNotFound } from '../http/errors';
import { isObject } from '../http/body';
import type { Ctx, Reply, Route } from '../http/context';
import type { Doc } from '../store/pouch';
import { checkDbName, openDb, requireServerAdmin, touchesDesign } from './access';
import { boolParam, checkInt, intParam, jsonParam } from './query';

/** Database-level routes: create, info, delete, `_all_docs`, `_bulk_docs`, `_revs_diff`, `_bulk_get`. */

const dbName = (ctx: Ctx): string => ctx.params.db ?? '';

/** PUT /{db}: server admins only, as in CouchDB. */
export const createDb: Route = async (ctx) => {
  requireServerAdmin(ctx);
  const name = dbName(ctx);
  checkDbName(name);
  if (!(await ctx.deps.store.create(name))) {
    throw new CouchError(412, 'file_exists', 'The database could not be created, the file already exists.');
  }
  ctx.deps.log.info('database created', { db: name, by: ctx.principal.kind === 'admin' ? ctx.principal.name : undefined });
  return { status: 201, body: { ok: true } };
};

/** DELETE /{db}: server admins only. */
export const deleteDb: Route = async (ctx) => {
  requireServerAdmin(ctx);
  const name = dbName(ctx);
  checkDbName(name);
  if (!(await ctx.deps.store.destroy(name))) throw dbNotFound();
  ctx.deps.notifier.notify(name);
  ctx.deps.log.info('database deleted', { db: name });
  return { status: 200, body: { ok: true } };
};

/** GET /{db}: CouchDB's database info. */
export const dbInfo: Route = async (ctx) => {
  const db = await openDb(ctx, dbName(ctx), 'read');
  const info = await db.info();
  return {
    status: 200,
    body: {
      db_name: dbName(ctx),
      doc_count: info.doc_count,
      doc_del_count: 0,
      update_seq: info.update_seq,
      purge_seq: 0,
      compact_running: false,
      sizes: { active: 0, external: 0, file: 0 },
      instance_start_time: '0',
      disk_format_version: 8,
      props: {},
    },
  };
};

/** GET or POST /{db}/_all_docs, with `keys` in the query or the body. */
export const allDocs: Route = async (ctx) => {
  const db = await openDb(ctx, dbName(ctx), 'read');
  const body = ctx.req.method === 'POST' ? await ctx.json() : {};
  if (!isObject(body)) throw badRequest('Request body must be a JSON object.');
  const q = ctx.query;
  const opts: Record<string, unknown> = {
    include_docs: body.include_docs === true || boolParam(q, 'include_docs'),
    conflicts: body.conflicts === true || boolParam(q, 'conflicts'),
    descending: body.descending === true || boolParam(q, 'descending'),
    update_seq: boolParam(q, 'update_seq'),
  };
  const limit = body.limit !== undefined ? checkInt(body.limit, 'limit') : intParam(q, 'limit');
  const skip = body.skip !== undefined ? checkInt(body.skip, 'skip') : intParam(q, 'skip');
  if (limit !== undefined) opts.limit = limit;
  if (skip !== undefined) opts.skip = skip;
  const keys = body.keys ?? jsonParam(q, 'keys');
  if (keys !== undefined) {
    if (!Array.isArray(keys) || keys.length > 100_000) throw badRequest('`keys` must be an array of document ids.');
    opts.keys = keys.map((k) => (typeof k === 'string' ? k : JSON.stringify(k)));
  }
  for (const name of ['key', 'startkey', 'endkey', 'start_key', 'end_key'] as const) {
    const value = body[name] ?? jsonParam(q, name);
    if (value !== undefined) opts[name.replace('_key', 'key')] = value;
  }
  if (q.get('inclusive_end') === 'false' || body.inclusive_end === false) opts.inclusive_end = false;
  return { status: 200, body: await db.allDocs(opts) };
};

interface BulkResult {
  ok?: boolean;
  id?: string;
  rev?: string;
  error?: unknown;
  name?: string;
  status?: number;
  message?: string;
  reason?: string;
}

/** POST /{db}/_bulk_docs, normal or replicator-style (`new_edits: false`). */
export const bulkDocs: Route = async (ctx) => {
  const name = dbName(ctx);
  const body = await ctx.json();
  if (!isObject(body) || !Array.isArray(body.docs)) throw badRequest('POST body must include `docs` parameter.');
  const docs = body.docs as unknown[];
  if (!docs.every(isObject)) throw badRequest('Every entry of `docs` must be a JSON object.');
  const newEdits = body.new_edits !== false;
  const db = await openDb(ctx, name, touchesDesign(docs.map((d) => (d as Doc)._id)) ? 'design' : 'write');
  for (const doc of docs as Doc[]) checkDocId(doc._id, false);
  const results = (await db.bulkDocs(docs as Doc[], { new_edits: newEdits })) as BulkResult[];
  if (docs.length > 0) ctx.deps.notifier.notify(name);
  const shaped = results.map((r, i) => shapeResult(r, (docs[i] as Doc)._id));
  // CouchDB answers a replicator-style write with only its failures.
  return { status: 201, body: newEdits ? shaped : shaped.filter((r) => 'error' in r) };
};

function shapeResult(r: BulkResult, fallbackId: string | undefined): Record<string, unknown> {
  if (r.ok || (!r.error && r.rev)) return { ok: true, id: r.id ?? fallbackId, rev: r.rev };
  const error = typeof r.name === 'string' ? r.name : String(r.error);
  return { id: r.id ?? fallbackId, error, reason: r.reason ?? r.message ?? error };
}

/** Refuses ids CouchDB refuses: non-strings, empty, reserved `_` prefixes other than design/local. */
export function checkDocId(id: unknown, required: boolean): void {
  if (id === undefined && !required) return;
  if (typeof id !== 'string' || id.length === 0) throw badRequest('Document id must be a non-empty string.');
  if (id.length > 512) throw badRequest('Document id is longer than 512 characters.');
  if (id.startsWith('_') && !id.startsWith('_design/') && !id.startsWith('_local/')) {
    throw badRequest('Only reserved document ids may start with underscore.');
  }
}

/** POST /{db}/_revs_diff: which of these revisions the server lacks. */
export const revsDiff: Route = async (ctx) => {
  const db = await openDb(ctx, dbName(ctx), 'read');
  const body = await ctx.json();
  if (!isObject(body)) throw badRequest('Request body must be a JSON object.');
  for (const revs of Object.values(body)) {
    if (!Array.isArray(revs) || !revs.every((r) => typeof r === 'string')) throw badRequest('Each id must map to a list of revisions.');
  }
  return { status: 200, body: await db.revsDiff(body as Record<string, string[]>) };
};

/** POST /{db}/_bulk_get: many documents at given revisions in one request. */
export const bulkGet: Route = async (ctx) => {
  const db = await openDb(ctx, dbName(ctx), 'read');
  const body = await ctx.json();
  if (!isObject(body) || !Array.isArray(body.docs)) throw badRequest('Missing JSON list of `docs`.');
  const docs = body.docs.map((d) => {
    if (!isObject(d) || typeof d.id !== 'string') throw badRequest('Each entry of `docs` needs an `id`.');
    return typeof d.rev === 'string' ? { id: d.id, rev: d.rev } : { id: d.id };
  });
  const revs = boolParam(ctx.query, 'revs');
  const latest = boolParam(ctx.query, 'latest');
  const answer = (await db.bulkGet({ docs, revs, latest })) as { results: { id: string; docs: Record<string, unknown>[] }[] };
  // PouchDB puts whole Error objects (stack included) into failed entries; CouchDB sends four fields.
  const results = answer.results.map((r, i) => ({
    id: r.id,
    docs: r.docs.map((d) => {
      if (!('error' in d)) return d;
      const e = d.error as { name?: string; reason?: string; message?: string };
      return { error: { id: r.id, rev: docs[i]?.rev ?? 'undefined', error: e.name ?? 'not_found', reason: e.reason ?? e.message ?? 'missing' } };
    }),
  }));
  return { status: 200, body: { results } };
};

/** POST /{db}: creates a document with a server-chosen or given id. */
export const postDoc: Route = async (ctx): Promise<Reply> => {
  const name = dbName(ctx);
  const doc = await ctx.json();
  if (!isObject(doc)) throw badRequest('Document must be a JSON object.');
  const id = doc._id ?? crypto.randomUUID().replaceAll('-', '');
  checkDocId(id, true);
  const db = await openDb(ctx, name, touchesDesign([id]) ? 'design' : 'write');
  const result = await db.put({ ...doc, _id: id as string });
  ctx.deps.notifier.notify(name);
  return { status: 201, body: { ok: true, id: result.id, rev: result.rev } };
};

/** POST /{db}/_ensure_full_commit: LevelDB has already committed; kept for older replicators. */
export const ensureFullCommit: Route = async (ctx) => {
  await openDb(ctx, dbName(ctx), 'read');
  return { status: 201, body: { ok: true, instance_start_time: '0' } };
};

/** GET/PUT /{db}/_security: stored for CouchDB-compatible tools; roles here come from the registry. */
export const security: Route = async (ctx) => {
  const db = await openDb(ctx, dbName(ctx), 'read');
  if (ctx.req.method === 'GET') {
    const stored = (await db.get('_local/cx_security').catch(() => undefined)) as { security?: unknown } | undefined;
    return { status: 200, body: stored?.security ?? {} };
  }
  requireServerAdmin(ctx);
  const body = await ctx.json();
  if (!isObject(body)) throw badRequest('Security object must be a JSON object.');
  const old = (await db.get('_local/cx_security').catch(() => undefined)) as Doc | undefined;
  await db.put({ _id: '_local/cx_security', ...(old?._rev ? { _rev: old._rev } : {}), security: body });
  return { status: 200, body: { ok: true } };
};
