import { appOrigins } from '../../../common/sync/limits';
import { tenantCollections, tenantDatabaseName, tenantRoleName } from '../../../common/sync/names';
import type { PouchDatabase } from '../store/pouch';
import { httpPouch } from '../store/pouch';
import { createLevelStore } from '../store/store';
import { readPassword } from './password';

/**
 * "Outgrowing one server": provision a tenant on an Apache CouchDB 3 cluster and migrate its data
 * there with PouchDB's replicator over HTTP. Everything goes through CouchDB's public HTTP API, so
 * the same commands work against any CouchDB-protocol server (our own included, which is how the
 * tests run them when no CouchDB is at hand).
 */

/** Where to reach the CouchDB and as whom. */
export interface CouchTarget {
  url: string;
  tenant: string;
  /** CouchDB admin name; also read from the URL's user part. The password comes from CX_PASSWORD or a prompt. */
  user?: string | undefined;
  env: NodeJS.ProcessEnv;
}

interface Connection {
  base: string;
  headers: Record<string, string>;
  username: string | undefined;
  password: string | undefined;
}

async function connect(target: CouchTarget): Promise<Connection> {
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    throw new Error(`Invalid --url "${target.url}"`);
  }
  if (url.password) throw new Error('Do not put a password in the URL; set CX_PASSWORD or answer the prompt.');
  const username = target.user ?? (url.username ? decodeURIComponent(url.username) : undefined);
  url.username = '';
  const base = url.toString().replace(/\/+$/, '');
  const password = username ? await readPassword(`CouchDB password for ${username}: `, target.env, false) : undefined;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (username) headers.authorization = `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}`;
  return { base, headers, username, password };
}

async function call(c: Connection, method: string, path: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  let res: Response;
  try {
    res = await fetch(c.base + path, { method, headers: c.headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  } catch (error) {
    throw new Error(`Cannot reach ${c.base}: ${(error as Error).cause ? String((error as Error).cause) : (error as Error).message}`, { cause: error });
  }
  const text = await res.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, json };
}

function fail(what: string, answer: { status: number; json: unknown }): never {
  const body = answer.json as { error?: string; reason?: string };
  throw new Error(`${what} failed: ${answer.status} ${body.error ?? ''} ${body.reason ?? ''}`.trim());
}

/** CouchDB's validate_doc_update: viewers cannot write (roles are `<tenant>:<role>`). */
function rolesDesignDoc(tenant: string): Record<string, unknown> {
  const writers = JSON.stringify([tenantRoleName(tenant, 'editor'), tenantRoleName(tenant, 'admin'), '_admin']);
  return {
    _id: '_design/cx_roles',
    validate_doc_update: `function (newDoc, oldDoc, userCtx) { var w = ${writers}; for (var i = 0; i < userCtx.roles.length; i++) { if (w.indexOf(userCtx.roles[i]) !== -1) return; } throw({ forbidden: 'Viewers cannot change documents. Ask a tenant admin for the editor role.' }); }`,
  };
}

/** `provision-couchdb`: databases, `_security`, the role check and CORS for the app's origins. */
export async function provisionCouchDb(target: CouchTarget): Promise<string> {
  const c = await connect(target);
  return provisionWith(c, target.tenant);
}

async function provisionWith(c: Connection, tenant: string): Promise<string> {
  const welcome = await call(c, 'GET', '/');
  if (welcome.status === 401 || welcome.status === 403) fail(`Signing in to ${c.base} as ${c.username ?? '(nobody)'}`, welcome);
  if ((welcome.json as { couchdb?: string }).couchdb !== 'Welcome') throw new Error(`${c.base} does not answer like CouchDB.`);
  const security = {
    admins: { names: [], roles: [tenantRoleName(tenant, 'admin')] },
    members: { names: [], roles: (['viewer', 'editor', 'admin'] as const).map((r) => tenantRoleName(tenant, r)) },
  };
  let created = 0;
  for (const collection of tenantCollections) {
    const db = tenantDatabaseName(tenant, collection);
    const made = await call(c, 'PUT', `/${db}`);
    if (made.status === 201 || made.status === 202) created++;
    else if (made.status !== 412) fail(`Creating ${db}`, made);
    const sec = await call(c, 'PUT', `/${db}/_security`, security);
    if (sec.status !== 200) fail(`Setting _security of ${db}`, sec);
    const design = rolesDesignDoc(tenant);
    const old = await call(c, 'GET', `/${db}/_design/cx_roles`);
    const rev = old.status === 200 ? (old.json as { _rev?: string })._rev : undefined;
    const put = await call(c, 'PUT', `/${db}/_design/cx_roles`, { ...design, ...(rev ? { _rev: rev } : {}) });
    if (put.status !== 201 && put.status !== 202) fail(`Writing the role check of ${db}`, put);
  }
  await setCors(c);
  return `Provisioned tenant "${tenant}" on ${c.base}: ${tenantCollections.length} databases (${created} new), _security, role check and CORS for ${appOrigins.join(', ')}. Users sign in with roles ${tenantRoleName(tenant, 'viewer')}|editor|admin.`;
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
      const put = await call(c, 'PUT', `/_node/${encodeURIComponent(node)}/_config/${section}/${key}`, value);
      if (put.status !== 200) fail(`Setting ${section}/${key} on ${node}`, put);
    }
  }
}

/** Ids whose winning revision here is not the winning revision there (verification after copying). */
async function missingOnTarget(source: PouchDatabase, target: PouchDatabase): Promise<string[]> {
  const revs = async (db: PouchDatabase) =>
    new Map(((await db.allDocs()).rows as { id: string; value: { rev: string } }[]).map((r) => [r.id, r.value.rev]));
  const [here, there] = await Promise.all([revs(source), revs(target)]);
  return [...here].filter(([id, rev]) => there.get(id) !== rev).map(([id]) => id);
}

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
      const missing = await missingOnTarget(source, target);
      if (missing.length > 0) throw new Error(`${name}: ${missing.length} document(s) not there after copying, e.g. ${missing.slice(0, 3).join(', ')}.`);
      lines.push(`  ${name}: ${result.docs_written} written, ${(await source.info()).doc_count} documents`);
      await target.close();
    }
  } finally {
    await store.close();
  }
  return [`Migrated tenant "${options.tenant}" to ${c.base}:`, ...lines, 'Point the app at the new URL; users must be created there (roles as above).'].join('\n');
}
