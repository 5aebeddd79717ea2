import { commandPrefix } from '../../common/journeyRuns/ids';
import { tenantRoleName } from '../../common/sync/names';
import type { CouchDb } from './couch';

/**
 * Access to the engine's databases on Apache CouchDB (our sync server enforces the same in
 * sync-server/src/routes/access.ts and only stores `_security`). Every tenant role is a member, so
 * the app can read counters, failures and single runs; nobody but the server admin is a database
 * admin. A validation function then limits writes: `engine_runs` is written by server admins (the
 * engine) only; in `engine_control` editors and tenant admins write journey controls (`journey|…`)
 * and new retry and migrate commands (`cmd|…`), nothing else (not leases, heartbeats, settings or start commands). CouchDB lets members
 * read every document and the changes feed; that is what the panel needs, and the databases hold
 * nothing another member of the same tenant may not see.
 */

export const engineDesignId = '_design/cx_engine';

/** The `_security` of both engine databases of a tenant. */
export function engineSecurity(tenant: string): { admins: { names: string[]; roles: string[] }; members: { names: string[]; roles: string[] } } {
  return { admins: { names: [], roles: [] }, members: { names: [], roles: (['viewer', 'editor', 'admin'] as const).map((r) => tenantRoleName(tenant, r)) } };
}

// The same rule as common/journeyRuns/access.ts (our server), in the ES5 CouchDB runs.
const controlRule = `if (newDoc._deleted) throw({ forbidden: 'Journey controls and commands are not deleted.' });
       if (newDoc._id.indexOf('journey|') === 0) {
         if (newDoc.type !== 'journeyControl' || typeof newDoc.journeyId !== 'string' || 'journey|' + encodeURIComponent(newDoc.journeyId) !== newDoc._id
           || ['running', 'paused', 'killed'].indexOf(newDoc.state) === -1) throw({ forbidden: 'A journey control is {type: "journeyControl", journeyId, state} under journey|<journeyId>.' });
         return;
       }
       if (newDoc._id.indexOf(${JSON.stringify(commandPrefix)}) === 0) {
         var version = function (v) { return typeof v === 'number' && v >= 1 && Math.floor(v) === v; };
         if (newDoc.type === 'command' && newDoc.command === 'migrate') {
           if (typeof newDoc.journeyId !== 'string' || !newDoc.journeyId || !version(newDoc.from) || !version(newDoc.to) || newDoc.from === newDoc.to) throw({ forbidden: 'A migrate command needs journeyId and two different published version numbers.' });
         } else if (newDoc.type !== 'command' || newDoc.command !== 'retry' || typeof newDoc.runId !== 'string' || newDoc.runId.indexOf('r|') !== 0) throw({ forbidden: 'Members may write retry and migrate commands only.' });
         if (oldDoc || newDoc.doneAt !== undefined || newDoc.result !== undefined || newDoc.claimedBy !== undefined) throw({ forbidden: 'A command is written once, new; the engine records its outcome.' });
         return;
       }
       throw({ forbidden: 'Only the journey engine writes leases, heartbeats, settings and intake summaries.' });`;

/** The validation design document of an engine database (`runs`: engine only; `control`: controls and commands for editors). */
export function engineDesignDoc(tenant: string, kind: 'runs' | 'control'): { _id: string; language: string; validate_doc_update: string } {
  const writers = JSON.stringify([tenantRoleName(tenant, 'editor'), tenantRoleName(tenant, 'admin')]);
  const member = kind === 'runs'
    ? `throw({ forbidden: 'Only the journey engine writes run state.' });`
    : `var ok = false; for (var i = 0; i < userCtx.roles.length; i++) { if (${writers}.indexOf(userCtx.roles[i]) !== -1) ok = true; }
       if (!ok) throw({ forbidden: 'Viewers cannot pause, resume, kill or retry. Ask for the editor role.' });
       ${controlRule}`;
  return { _id: engineDesignId, language: 'javascript', validate_doc_update: `function (newDoc, oldDoc, userCtx) { if (userCtx.roles.indexOf('_admin') !== -1) return; ${member} }` };
}

/** Sets `_security` and the validation document of an engine database (the document only when it differs). */
export async function secureEngineDb(db: CouchDb, tenant: string, kind: 'runs' | 'control'): Promise<void> {
  await db.setSecurity(engineSecurity(tenant));
  const want = engineDesignDoc(tenant, kind);
  const stored = await db.get<{ _id: string; _rev?: string; validate_doc_update?: string }>(engineDesignId);
  if (stored?.validate_doc_update === want.validate_doc_update) return;
  await db.put({ ...want, ...(stored?._rev ? { _rev: stored._rev } : {}) });
}
