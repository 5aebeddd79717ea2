import { CouchError, badRequest, dbNotFound, forbidden } from '../http/errors';
import { isObject } from '../http/body';
import type { Ctx, Reply, Route } from '../http/context';
import { inSlices, tooMany } from '../http/limits';
import { epochOf } from '../store/epoch';
import type { Doc } from '../store/pouch';
import { checkDbName, openDb, requireServerAdmin, touchesDesign } from './access';
import { checkDocBody, checkDocId, revisionWeight } from './docChecks';
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
      // Not in CouchDB: changes when the database is restored from a backup (store/epoch.ts).
      cx_epoch: await epochOf(db),
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
  for (const name of ['key', 'startkey', 'endkey', 'start_key', 'end_key'] as const) {
    const value = body[name] ?? jsonParam(q, name);
    if (value !== undefined) opts[name.replace('_key', 'key')] = value;
  }
  if (q.get('inclusive_end') === 'false' || body.inclusive_end === false) opts.inclusive_end = false;
  if (keys === undefined) return { status: 200, body: await db.allDocs(opts) };
  if (!Array.isArray(keys)) throw badRequest('`keys` must be an array of document ids.');
  const max = ctx.deps.limits.allDocsKeys;
  if (keys.length > max) throw tooMany('max_keys_count_exceeded', '`keys` of _all_docs', keys.length, max);
  // Keys are looked up a slice at a time, with PouchDB's own rules for `skip`, `limit` and
  // `descending` over a key list (pouchdb-core allDocsKeysParse) applied to the whole list first.
  const { skip: from = 0, limit: count, descending, ...perSlice } = opts as { skip?: number; limit?: number; descending?: boolean };
  const wanted = keys.map((k) => (typeof k === 'string' ? k : JSON.stringify(k))).slice(from, count === undefined ? undefined : from + count);
  if (descending) wanted.reverse();
  let total = (await db.info()).doc_count;
  let updateSeq: number | undefined;
  const rows = await inSlices(wanted, async (slice) => {
    const page = await db.allDocs({ ...perSlice, keys: slice });
    total = page.total_rows;
    updateSeq = page.update_seq;
    return page.rows;
  }, { maxItems: 500 });
  // As PouchDB answered a key list before (its skip is spent on the list): offset 0.
  const answer: Record<string, unknown> = { total_rows: total, offset: 0, rows };
  if (updateSeq !== undefined) answer.update_seq = updateSeq;
  return { status: 200, body: answer };
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
  const { limits } = ctx.deps;
  // Who may write is settled before the body is read (a viewer's or a stranger's 16 MiB is not parsed).
  let db = await openDb(ctx, name, 'write');
  const body = await ctx.json();
  if (!isObject(body) || !Array.isArray(body.docs)) throw badRequest('POST body must include `docs` parameter.');
  if (body.docs.length > limits.bulkDocs) throw tooMany('max_bulk_docs_count_exceeded', 'Documents in _bulk_docs', body.docs.length, limits.bulkDocs);
  if (!body.docs.every(isObject)) throw badRequest('Every entry of `docs` must be a JSON object.');
  const newEdits = body.new_edits !== false;
  if (body.new_edits !== undefined && typeof body.new_edits !== 'boolean') throw badRequest('`new_edits` must be a boolean.');
  if (touchesDesign(body.docs.map((d) => d._id))) db = await openDb(ctx, name, 'design');
  const docs = body.docs.map((doc) => {
    checkDocId(doc._id, false, limits);
    return checkDocBody(doc, limits);
  });
  // Slices of documents, each bounded by its revision ids (PouchDB's merge cost), with a yield in
  // between: the largest allowed request must not hold other tenants' requests.
  const results = await inSlices(docs, async (slice) => (await db.bulkDocs(slice, { new_edits: newEdits })) as BulkResult[], {
    maxItems: 250,
    maxWeight: 5000,
    weight: revisionWeight,
  });
  if (docs.length > 0) ctx.deps.notifier.notify(name);
  const shaped = results.map((r, i) => shapeResult(r, docs[i]?._id));
  // CouchDB answers a replicator-style write with only its failures.
  return { status: 201, body: newEdits ? shaped : shaped.filter((r) => 'error' in r) };
};

function shapeResult(r: BulkResult, fallbackId: string | undefined): Record<string, unknown> {
  if (r.ok || (!r.error && r.rev)) return { ok: true, id: r.id ?? fallbackId, rev: r.rev };
  const error = typeof r.name === 'string' ? r.name : String(r.error);
  return { id: r.id ?? fallbackId, error, reason: r.reason ?? r.message ?? error };
}

/** POST /{db}/_revs_diff: which of these revisions the server lacks. */
export const revsDiff: Route = async (ctx) => {
  const db = await openDb(ctx, dbName(ctx), 'read');
  const body = await ctx.json();
  if (!isObject(body)) throw badRequest('Request body must be a JSON object.');
  const max = ctx.deps.limits.revsDiffIds;
  const entries = Object.entries(body);
  if (entries.length > max) throw tooMany('max_revs_diff_count_exceeded', 'Document ids in _revs_diff', entries.length, max);
  let revCount = 0;
  for (const [, revs] of entries) {
    if (!Array.isArray(revs) || !revs.every((r) => typeof r === 'string')) throw badRequest('Each id must map to a list of revisions.');
    revCount += revs.length;
  }
  if (revCount > max * 10) throw tooMany('max_revs_diff_count_exceeded', 'Revisions in _revs_diff', revCount, max * 10);
  const parts = await inSlices(entries, async (slice) => [await db.revsDiff(Object.fromEntries(slice) as Record<string, string[]>)], {
    maxItems: 500,
    maxWeight: 5000,
    weight: ([, revs]) => 1 + (revs as string[]).length,
  });
  return { status: 200, body: Object.assign({}, ...parts) as Record<string, unknown> };
};

/** POST /{db}/_bulk_get: many documents at given revisions in one request. */
export const bulkGet: Route = async (ctx) => {
  const db = await openDb(ctx, dbName(ctx), 'read');
  const body = await ctx.json();
  if (!isObject(body) || !Array.isArray(body.docs)) throw badRequest('Missing JSON list of `docs`.');
  const max = ctx.deps.limits.bulkGet;
  if (body.docs.length > max) throw tooMany('max_bulk_get_count_exceeded', 'Documents in _bulk_get', body.docs.length, max);
  const docs = body.docs.map((d) => {
    if (!isObject(d) || typeof d.id !== 'string') throw badRequest('Each entry of `docs` needs an `id`.');
    return typeof d.rev === 'string' ? { id: d.id, rev: d.rev } : { id: d.id };
  });
  const revs = boolParam(ctx.query, 'revs');
  const latest = boolParam(ctx.query, 'latest');
  const attachments = boolParam(ctx.query, 'attachments');
  type Result = { id: string; docs: Record<string, unknown>[] };
  const found = await inSlices(docs, async (slice) => ((await db.bulkGet({ docs: slice, revs, latest, attachments })) as { results: Result[] }).results, {
    maxItems: 200,
  });
  // PouchDB puts whole Error objects (stack included) into failed entries; CouchDB sends four fields.
  const results = found.map((r, i) => ({
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
  let db = await openDb(ctx, name, 'write');
  const doc = await ctx.json();
  if (!isObject(doc)) throw badRequest('Document must be a JSON object.');
  const id = doc._id ?? crypto.randomUUID().replaceAll('-', '');
  checkDocId(id, true, ctx.deps.limits);
  if (touchesDesign([id])) db = await openDb(ctx, name, 'design');
  const result = await db.put({ ...checkDocBody(doc, ctx.deps.limits), _id: id as string });
  ctx.deps.notifier.notify(name);
  return { status: 201, body: { ok: true, id: result.id, rev: result.rev } };
};

/**
 * POST /{db}/_compact: drops the bodies of old revisions, as CouchDB does, for tenant admins and
 * server admins (CouchDB: database admins). Answers 202 at once; compaction runs in the background.
 */
export const compact: Route = async (ctx) => {
  const name = dbName(ctx);
  const db = await openDb(ctx, name, 'read');
  if (ctx.principal.kind === 'user' && ctx.principal.role !== 'admin') throw forbidden('Only tenant admins may compact a database.');
  if (!(ctx.req.headers['content-type'] ?? '').startsWith('application/json')) {
    throw new CouchError(415, 'bad_content_type', 'Content-Type must be application/json');
  }
  db.compact().catch((error: unknown) => ctx.deps.log.error('compaction failed', { db: name, error: String(error) }));
  ctx.deps.log.info('compaction started', { db: name });
  return { status: 202, body: { ok: true } };
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
