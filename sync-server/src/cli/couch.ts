import { appOrigins } from '../../../common/sync/limits';
import { tenantCollections, tenantDatabaseName, tenantRoleName, tenantRoles } from '../../../common/sync/names';
import { httpPouch } from '../store/pouch';
import { createLevelStore } from '../store/store';
import type { Connection, CouchTarget } from './couchHttp';
import { call, connect, fail, requireServerAdmin } from './couchHttp';
import { compareLeaves } from './leaves';

/**
 * "Outgrowing one server": provision a tenant on an Apache CouchDB 3 cluster and migrate its data
 * there with PouchDB's replicator over HTTP. Everything goes through CouchDB's public HTTP API, so
 * the same commands work against any CouchDB-protocol server (our own included, which is how the
 * tests run them when no CouchDB is at hand).
 */

/** Id of the design document that holds the role check in every tenant database. */
export const rolesDesignId = '_design/cx_roles';

/**
 * CouchDB's validate_doc_update: only editors, tenant admins and server admins write documents
 * (roles are `<tenant>:<role>`). CouchDB runs it for every document write, server admins' too;
 * design documents and `_security` are refused to everyone but database admins before it runs, and
 * a tenant has no database admins (see {@link tenantSecurity}), so the check itself is out of reach.
 */
export function rolesDesignDoc(tenant: string): { _id: string; language: string; validate_doc_update: string } {
  const writers = JSON.stringify([tenantRoleName(tenant, 'editor'), tenantRoleName(tenant, 'admin'), '_admin']);
  return {
    _id: rolesDesignId,
    language: 'javascript',
    validate_doc_update: `function (newDoc, oldDoc, userCtx) { var w = ${writers}; for (var i = 0; i < userCtx.roles.length; i++) { if (w.indexOf(userCtx.roles[i]) !== -1) return; } throw({ forbidden: 'Viewers cannot change documents. Ask the server admin for the editor role.' }); }`,
  };
}

/** A database's `_security`: sections of names and roles. */
interface Security {
  admins: { names: string[]; roles: string[] };
  members: { names: string[]; roles: string[] };
}

/**
 * Every role of the tenant is a member; nobody is a database admin. A database admin may rewrite
 * `_security` (e.g. let another tenant's role in) and delete the role check, so that power stays
 * with the server admin, who uses this command line. Tenant admins differ from editors only in
 * what the app lets them do; on CouchDB, members are managed with `couchdb-user`.
 */
export function tenantSecurity(tenant: string): Security {
  return {
    admins: { names: [], roles: [] },
    members: { names: [], roles: tenantRoles.map((r) => tenantRoleName(tenant, r)) },
  };
}

/** `_security` in a comparable form (missing sections are empty; order does not matter). */
function normalSecurity(value: unknown): string {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, { names?: unknown; roles?: unknown } | undefined>;
  const list = (x: unknown): string[] => (Array.isArray(x) ? x.map(String).sort() : []);
  const section = (s: { names?: unknown; roles?: unknown } | undefined) => ({ names: list(s?.names), roles: list(s?.roles) });
  return JSON.stringify({ admins: section(v.admins), members: section(v.members), extra: Object.keys(v).filter((k) => k !== 'admins' && k !== 'members').sort() });
}

/** True when the stored design document already holds exactly the role check (no rewrite needed). */
function sameDesign(stored: unknown, wanted: Record<string, unknown>): boolean {
  if (typeof stored !== 'object' || stored === null) return false;
  const { _rev: _ignored, _revisions: _alsoIgnored, ...rest } = stored as Record<string, unknown>;
  const keys = Object.keys(rest).sort();
  return JSON.stringify(keys) === JSON.stringify(Object.keys(wanted).sort()) && keys.every((k) => rest[k] === wanted[k]);
}

/** `provision-couchdb`: databases, `_security`, the role check and CORS for the app's origins. */
export async function provisionCouchDb(target: CouchTarget): Promise<string> {
  const c = await connect(target);
  return provisionWith(c, target.tenant);
}

async function provisionWith(c: Connection, tenant: string): Promise<string> {
  await requireServerAdmin(c);
  const security = tenantSecurity(tenant);
  const design = rolesDesignDoc(tenant);
  let created = 0;
  let securityChanged = 0;
  let designWritten = 0;
  for (const collection of tenantCollections) {
    const db = tenantDatabaseName(tenant, collection);
    const made = await call(c, 'PUT', `/${db}`);
    if (made.status === 201 || made.status === 202) created++;
    else if (made.status !== 412) fail(`Creating ${db}`, made);
    const oldSecurity = await call(c, 'GET', `/${db}/_security`);
    if (oldSecurity.status !== 200) fail(`Reading _security of ${db}`, oldSecurity);
    if (normalSecurity(oldSecurity.json) !== normalSecurity(security)) {
      const sec = await call(c, 'PUT', `/${db}/_security`, security);
      if (sec.status !== 200) fail(`Setting _security of ${db}`, sec);
      securityChanged++;
    }
    // Rewriting an unchanged design document would give it a new revision, which every client
    // pulls again: write it only when its content differs.
    const old = await call(c, 'GET', `/${db}/${rolesDesignId}`);
    if (old.status !== 200 && old.status !== 404) fail(`Reading the role check of ${db}`, old);
    if (old.status === 200 && sameDesign(old.json, design)) continue;
    const rev = old.status === 200 ? (old.json as { _rev?: string })._rev : undefined;
    const put = await call(c, 'PUT', `/${db}/${rolesDesignId}`, { ...design, ...(rev ? { _rev: rev } : {}) });
    if (put.status !== 201 && put.status !== 202) fail(`Writing the role check of ${db}`, put);
    designWritten++;
  }
  await setCors(c);
  const n = tenantCollections.length;
  return `Provisioned tenant "${tenant}" on ${c.base}: ${n} databases (${created} new), _security (${securityChanged} set), role check (${designWritten} written, ${n - designWritten} already current) and CORS for ${appOrigins.join(', ')}. Add users with: npm run sync-server -- couchdb-user add NAME --url ${c.base} --tenant ${tenant} --role viewer|editor|admin`;
}

async function setCors(c: Connection): Promise<void> {
  // A cluster configures per node: use every member when _membership answers, else the local node.
  const members = await call(c, 'GET', '/_membership');
  const nodes = members.status === 200 ? ((members.json as { all_nodes?: string[] }).all_nodes ?? ['_local']) : ['_local'];
  const settings: [string, string, string][] = [
    ['chttpd', 'enable_cors', 'true'],
    ['httpd', 'enable_cors', 'true'],
    ['cors', 'origins', appOrigins.join(',')],
    ['cors', 'credentials', 'true'],
    ['cors', 'methods', 'GET, PUT, POST, HEAD, DELETE'],
    ['cors', 'headers', 'accept, authorization, content-type, origin, referer'],
  ];
  for (const node of nodes) {
    for (const [section, key, value] of settings) {
      // `@` stays as it is: it is valid in a path and some servers (pouchdb-server) match it literally.
      const put = await call(c, 'PUT', `/_node/${encodeURIComponent(node).replace(/%40/g, '@')}/_config/${section}/${key}`, value);
      if (put.status !== 200) fail(`Setting ${section}/${key} on ${node}`, put);
    }
  }
}

/** Ids whose winning revision here is not the winning revision there (verification after copying). */
/** Options of {@link migrate}. */
export interface MigrateOptions {
  dataDir: string;
  tenant: string;
  to: string;
  user?: string | undefined;
  env: NodeJS.ProcessEnv;
}

/** `migrate`: provisions, then replicates every database of the tenant with PouchDB over HTTP. */
export async function migrate(options: MigrateOptions): Promise<string> {
  const c = await connect({ url: options.to, tenant: options.tenant, user: options.user, env: options.env });
  await provisionWith(c, options.tenant);
  const store = createLevelStore(options.dataDir);
  const PouchDB = httpPouch();
  const lines: string[] = [];
  try {
    const names = (await store.list()).filter((n) => n.startsWith(`${options.tenant}-`));
    if (names.length === 0) throw new Error(`No databases of tenant "${options.tenant}" in ${options.dataDir}.`);
    for (const name of names) {
      const source = await store.open(name).catch((error: unknown) => {
        throw new Error(/LOCK/.test(String(error)) ? `The sync server is running on ${options.dataDir}; stop it before migrating.` : String(error));
      });
      if (!source) continue;
      await source.info().catch((error: unknown) => {
        throw new Error(/lock/i.test(String(error)) ? `The sync server is running on ${options.dataDir}; stop it before migrating.` : String(error));
      });
      const auth = c.username ? { auth: { username: c.username, password: c.password ?? '' } } : {};
      const target = new PouchDB(`${c.base}/${name}`, { skip_setup: true, ...auth });
      const result = await PouchDB.replicate(source, target, { batch_size: 200 });
      if (result.doc_write_failures > 0) throw new Error(`${name}: ${result.doc_write_failures} document(s) failed to copy.`);
      // Every leaf revision and deletion, not only the winners (the README promises conflicts too).
      const differ = await compareLeaves(source, target);
      if (differ.length > 0) throw new Error(`${name}: ${differ.length} document(s) differ after copying, e.g. ${differ.slice(0, 3).join('; ')}.`);
      lines.push(`  ${name}: ${result.docs_written} written, ${(await source.info()).doc_count} documents`);
      await target.close();
    }
  } finally {
    await store.close();
  }
  return [`Migrated tenant "${options.tenant}" to ${c.base}:`, ...lines, 'Point the app at the new URL; users must be created there (roles as above).'].join('\n');
}
