import { parseDatabaseName } from '../../../common/sync/names';
import { runsCollection } from '../../../common/journeyRuns/ids';
import { CouchError, dbNotFound, forbidden, unauthorized } from '../http/errors';
import type { Ctx } from '../http/context';
import type { PouchDatabase } from '../store/pouch';

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
  }
  return db;
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
