import { parseDatabaseName } from '../../../common/sync/names';
import { controlCollection, runsCollection } from '../../../common/journeyRuns/ids';
import { memberControlRefusal } from '../../../common/journeyRuns/access';
import { CouchError, dbNotFound, forbidden, unauthorized } from '../http/errors';
import type { Ctx } from '../http/context';
import type { Doc, PouchDatabase } from '../store/pouch';

/**
 * Who may do what to a database. Tenant users reach only `<their tenant>-*`; anything else answers
 * exactly like a database that does not exist. Roles: viewers read, editors write documents,
 * tenant admins also write design documents; server admins do anything. `_local` documents
 * (replication checkpoints) are writable by every member, as in CouchDB, so a viewer can pull.
 */
export type Need = 'read' | 'write' | 'design' | 'local';

/** Checks the name's form; CouchDB answers an illegal name with 400 whoever asks. */
export function checkDbName(name: string): void {
  if (!parseDatabaseName(name)) {
    throw new CouchError(
      400,
      'illegal_database_name',
      `Name: '${name.slice(0, 100)}'. Database names here are <tenant>-<collection>: a lower-case tenant id (letters, digits), a dash, then lower-case letters, digits or _.`,
    );
  }
}

/** Throws unless the principal may act on `name` with `need`; the open database otherwise. */
export async function openDb(ctx: Ctx, name: string, need: Need): Promise<PouchDatabase> {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw unauthorized();
  // `_users`, `_replicator`, `_node`…: system names say nothing to non-admins.
  if (name.startsWith('_')) requireServerAdmin(ctx);
  checkDbName(name);
  if (p.kind === 'user' && parseDatabaseName(name)?.tenant !== p.tenant) throw dbNotFound();
  const db = await ctx.deps.store.open(name);
  if (!db) throw dbNotFound();
  if (p.kind === 'user') {
    if ((need === 'write' || need === 'design') && p.role === 'viewer') {
      throw forbidden('Viewers cannot change documents. Ask a tenant admin for the editor role.');
    }
    if (need === 'design' && p.role !== 'admin') throw forbidden('Only tenant admins may change design documents.');
    // The journey engine's run state (engine/README.md) is written by the engine, a server admin,
    // only: members read counters, failures and single runs. No `_local` writes either, so no laptop
    // keeps a replication checkpoint of a database it must never replicate.
    if (need !== 'read' && parseDatabaseName(name)?.collection === runsCollection) {
      throw forbidden('Only the journey engine writes run state. Pause, resume, kill and retry go through the engine_control database.');
    }
    if (need !== 'read' && parseDatabaseName(name)?.collection === controlCollection) return memberControlDb(db);
  }
  return db;
}

/**
 * `engine_control` as a member writes it: each document passes common/journeyRuns/access.ts first.
 * A refused document in `_bulk_docs` gets its own `forbidden` row (as CouchDB's validation gives)
 * and the others are written; a refused single write or any attachment answers 403.
 */
function memberControlDb(db: PouchDatabase): PouchDatabase {
  const check = (doc: Doc): void => {
    const refusal = memberControlRefusal(doc);
    if (refusal) throw forbidden(refusal);
  };
  const noAttachments = (): never => {
    throw forbidden('Engine control documents carry no attachments.');
  };
  const own: Partial<PouchDatabase> = {
    // PouchDB counts arguments: an explicit `undefined` options argument breaks it, so pass on only what came.
    put: (...args: Parameters<PouchDatabase['put']>) => (check(args[0]), db.put(...args)),
    bulkDocs: async (docs, opts) => {
      const refusals = docs.map((d) => memberControlRefusal(d));
      const allowed = docs.filter((_, i) => refusals[i] === null);
      const written = opts ? await db.bulkDocs(allowed, opts) : await db.bulkDocs(allowed);
      const refused = (d: Doc, i: number) => ({ id: d._id, error: 'forbidden', reason: refusals[i] });
      let k = 0; // one result per document, in order (the route drops successes for new_edits:false)
      return docs.map((d, i) => (refusals[i] ? refused(d, i) : written[k++]));
    },
    putAttachment: noAttachments,
    removeAttachment: noAttachments,
  };
  // Everything else is the database itself, bound to it.
  return new Proxy(db, {
    get(target, prop) {
      if (typeof prop === 'string' && prop in own) return own[prop as keyof PouchDatabase];
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** Throws unless the principal is a server admin. */
export function requireServerAdmin(ctx: Ctx): void {
  if (ctx.principal.kind === 'anonymous') throw unauthorized('Server admin credentials are required.');
  if (ctx.principal.kind !== 'admin') throw forbidden('You are not a server admin.');
}

/** True when a write of these documents needs design rights. */
export function touchesDesign(ids: Iterable<unknown>): boolean {
  for (const id of ids) if (typeof id === 'string' && id.startsWith('_design/')) return true;
  return false;
}
