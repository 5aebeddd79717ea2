import { CouchError, badRequest } from '../http/errors';
import type { Ctx, Route } from '../http/context';
import type { Doc } from '../store/pouch';
import { openDb } from './access';
import { checkDocId } from './docChecks';

/**
 * Standalone attachments, `/{db}/{docid}/{name}` (names may hold `/`), as PouchDB's HTTP adapter
 * and CouchDB clients use them: GET answers the bytes with their content type, PUT stores the raw
 * body (creating the document when it does not exist yet), DELETE removes one. Inline attachments
 * (`_attachments` with base64 `data`) are stored by the document routes and come back with
 * `attachments=true` on GET, `_bulk_get` and `open_revs`.
 */

type Kind = 'doc' | 'design';

function target(ctx: Ctx, kind: Kind): { id: string; name: string } {
  const raw = ctx.params.docid ?? '';
  const id = kind === 'doc' ? raw : `_design/${raw}`;
  checkDocId(id, true, ctx.deps.limits);
  const name = ctx.params['*'] ?? '';
  if (name.length === 0 || name.length > 1024 || name.startsWith('_')) throw badRequest('Attachment names are 1 to 1024 characters and may not start with underscore.');
  return { id, name };
}

function revOf(ctx: Ctx): string | undefined {
  const ifMatch = ctx.req.headers['if-match'];
  return ctx.query.get('rev') ?? (typeof ifMatch === 'string' ? ifMatch.replaceAll('"', '') : undefined);
}

/** GET /{db}/{docid}/{name}: the attachment's bytes. */
export function getAttachment(kind: Kind): Route {
  return async (ctx) => {
    const { id, name } = target(ctx, kind);
    const db = await openDb(ctx, ctx.params.db ?? '', 'read');
    const rev = ctx.query.get('rev') ?? undefined;
    const doc = (await db.get(id, rev ? { rev } : {})) as Doc;
    const stub = (doc._attachments as Record<string, { content_type?: string; digest?: string }> | undefined)?.[name];
    if (!stub) throw new CouchError(404, 'not_found', 'Document is missing attachment');
    const data = (await db.getAttachment(id, name, { rev: doc._rev })) as Buffer;
    const headers = { ...ctx.headers, 'content-type': stub.content_type ?? 'application/octet-stream', 'content-length': String(data.length), 'cache-control': 'must-revalidate', ...(stub.digest ? { etag: `"${stub.digest}"` } : {}) };
    if (stub.digest && ctx.req.headers['if-none-match'] === `"${stub.digest}"`) {
      ctx.res.writeHead(304, headers);
      ctx.res.end();
      return undefined;
    }
    ctx.res.writeHead(200, headers);
    ctx.res.end(ctx.req.method === 'HEAD' ? undefined : data);
    return undefined;
  };
}

/** PUT /{db}/{docid}/{name}?rev=…: stores the raw body as the attachment. */
export function putAttachment(kind: Kind): Route {
  return async (ctx) => {
    const { id, name } = target(ctx, kind);
    const dbName = ctx.params.db ?? '';
    const db = await openDb(ctx, dbName, kind === 'design' ? 'design' : 'write');
    const data = await ctx.raw();
    const type = ctx.req.headers['content-type'] ?? 'application/octet-stream';
    const result = (await db.putAttachment(id, name, revOf(ctx), data, type)) as { id: string; rev: string };
    ctx.deps.notifier.notify(dbName);
    return { status: 201, body: { ok: true, id: result.id, rev: result.rev }, headers: { etag: `"${result.rev}"` } };
  };
}

/** DELETE /{db}/{docid}/{name}?rev=…. */
export function deleteAttachment(kind: Kind): Route {
  return async (ctx) => {
    const { id, name } = target(ctx, kind);
    const dbName = ctx.params.db ?? '';
    const db = await openDb(ctx, dbName, kind === 'design' ? 'design' : 'write');
    const rev = revOf(ctx);
    if (!rev) throw badRequest('Deleting an attachment needs the document revision in `rev`.');
    const result = (await db.removeAttachment(id, name, rev)) as { id: string; rev: string };
    ctx.deps.notifier.notify(dbName);
    return { status: 200, body: { ok: true, id: result.id ?? id, rev: result.rev } };
  };
}
