import { isTenantRole, isValidTenant, tenantDatabaseName, tenantRoleName, tenantRoleOf, tenantRoles } from '../../../common/sync/names';
import type { TenantRole } from '../../../common/sync/names';
import { userNamePattern } from '../auth/registry';
import type { Answer, Connection, CouchTarget } from './couchHttp';
import { call, connect, fail, requireServerAdmin } from './couchHttp';
import { readPassword } from './password';

/**
 * `couchdb-user add|remove|passwd|role|list`: a tenant's members on Apache CouchDB, kept in
 * CouchDB's `_users` database as `<tenant>/<name>` with the one role `<tenant>:<role>` (the names
 * the app and `_security` use). Only a server admin may do this, so the command signs in as one
 * (CX_PASSWORD or a prompt); the member's own password comes from CX_NEW_PASSWORD or a prompt.
 */

/** Environment variable with the password of the member being added or changed. */
export const newPasswordEnvVar = 'CX_NEW_PASSWORD';

/** One `couchdb-user` invocation. */
export interface CouchUserCommand extends CouchTarget {
  action: string;
  name?: string | undefined;
  role?: string | undefined;
}

/** A member as `list` prints it. */
export interface CouchMember {
  name: string;
  /** The tenant role, or undefined when the account carries none of this tenant's roles. */
  role: TenantRole | undefined;
}

/**
 * The `_users` document id of a member. The `/` must be sent as `%2F`: CouchDB reads an
 * unencoded one as a path separator and answers a misleading "doc.type must be user".
 */
export function userDocPath(tenant: string, name: string): string {
  return `/_users/org.couchdb.user:${encodeURIComponent(`${tenant}/${name}`)}`;
}

function checkName(name: string | undefined): string {
  if (!name) throw new Error('Missing NAME; run with --help for usage.');
  if (!userNamePattern.test(name)) throw new Error(`Invalid user name "${name}": use lower-case letters, digits and . _ @ - (at most 64, starting with a letter or digit).`);
  return name;
}

function checkRole(role: string | undefined): TenantRole {
  if (role === undefined) throw new Error('Missing --role viewer|editor|admin.');
  if (!isTenantRole(role)) throw new Error(`Unknown role "${role}": use viewer, editor or admin.`);
  return role;
}

/** Refuses to touch users of a tenant that was never provisioned on this server (a typo, most often). */
async function requireTenant(c: Connection, tenant: string): Promise<void> {
  const db = tenantDatabaseName(tenant, 'personas');
  const info = await call(c, 'GET', `/${db}`);
  if (info.status === 404) throw new Error(`Tenant "${tenant}" is not provisioned on ${c.base} (no ${db}); run provision-couchdb first.`);
  if (info.status !== 200) fail(`Reading ${db}`, info);
  const users = await call(c, 'GET', '/_users');
  if (users.status === 404) throw new Error(`${c.base} has no _users database; finish CouchDB's setup (create _users) first.`);
  if (users.status !== 200) fail('Reading _users', users);
}

async function readUser(c: Connection, tenant: string, name: string): Promise<Record<string, unknown> | undefined> {
  const got = await call(c, 'GET', userDocPath(tenant, name));
  if (got.status === 404) return undefined;
  if (got.status !== 200) fail(`Reading user ${tenant}/${name}`, got);
  return got.json as Record<string, unknown>;
}

function written(what: string, answer: Answer): void {
  if (answer.status !== 201 && answer.status !== 202 && answer.status !== 200) fail(what, answer);
}

async function newPassword(who: string, env: NodeJS.ProcessEnv): Promise<string> {
  const password = await readPassword(`New password for ${who}: `, env, true, newPasswordEnvVar);
  if (password.length > 1024) throw new Error('The password must have at most 1024 characters.');
  // Typed at a prompt, where nobody sees a typo: ask once more.
  if (env[newPasswordEnvVar] === undefined && (await readPassword(`Again, the new password for ${who}: `, env, false, newPasswordEnvVar)) !== password) {
    throw new Error('The two passwords differ; nothing was changed.');
  }
  return password;
}

/** Lists the tenant's members: every `_users` document named `<tenant>/…`. */
export async function listCouchMembers(c: Connection, tenant: string): Promise<CouchMember[]> {
  const prefix = `org.couchdb.user:${tenant}/`;
  const query = `startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(`${prefix}\ufff0`))}&include_docs=true`;
  const all = await call(c, 'GET', `/_users/_all_docs?${query}`);
  if (all.status !== 200) fail('Listing _users', all);
  const rows = (all.json as { rows?: { doc?: { name?: unknown; roles?: unknown } }[] }).rows ?? [];
  return rows
    .map((r) => r.doc)
    .filter((d): d is { name: string; roles?: unknown } => typeof d?.name === 'string' && d.name.startsWith(`${tenant}/`))
    .map((d) => ({ name: d.name.slice(tenant.length + 1), role: tenantRoleOf(tenant, d.roles) }));
}

/** Runs one `couchdb-user` action; resolves with what to print. */
export async function couchUser(command: CouchUserCommand): Promise<string> {
  const { tenant, action } = command;
  if (!['add', 'remove', 'passwd', 'role', 'list'].includes(action)) throw new Error(`Unknown couchdb-user action "${action}": use add, remove, passwd, role or list.`);
  if (!isValidTenant(tenant)) throw new Error(`Invalid tenant id "${tenant}": a lower-case letter, then letters or digits.`);
  // Check the arguments before asking for any password.
  if (action === 'list' && command.name !== undefined) throw new Error(`couchdb-user list takes no NAME (got "${command.name}").`);
  const name = action === 'list' ? '' : checkName(command.name);
  const role = action === 'add' || action === 'role' ? checkRole(command.role) : undefined;
  const c = await connect(command);
  await requireServerAdmin(c);
  await requireTenant(c, tenant);
  const who = `${tenant}/${name}`;
  switch (action) {
    case 'list': {
      const members = await listCouchMembers(c, tenant);
      if (members.length === 0) return `Tenant "${tenant}" has no members on ${c.base}.`;
      return members.map((m) => `${m.name}\t${m.role ?? '(no role of this tenant)'}`).join('\n');
    }
    case 'add': {
      const existing = await readUser(c, tenant, name);
      if (existing) throw new Error(`User ${who} already exists (role ${tenantRoleOf(tenant, existing.roles) ?? 'none'}); use couchdb-user role or passwd to change it.`);
      const password = await newPassword(who, command.env);
      const doc = { _id: `org.couchdb.user:${who}`, name: who, type: 'user', roles: [tenantRoleName(tenant, role!)], password };
      written(`Adding ${who}`, await call(c, 'PUT', userDocPath(tenant, name), doc));
      return `Added ${who} as ${role} on ${c.base}. They sign in to the app with team "${tenant}" and user "${name}".`;
    }
    case 'remove': {
      const existing = await readUser(c, tenant, name);
      if (!existing) throw new Error(`No user ${who} on ${c.base}.`);
      written(`Removing ${who}`, await call(c, 'DELETE', `${userDocPath(tenant, name)}?rev=${encodeURIComponent(String(existing._rev))}`));
      return `Removed ${who} from ${c.base}; requests signed with their password are refused from now on.`;
    }
    case 'passwd': {
      const existing = await readUser(c, tenant, name);
      if (!existing) throw new Error(`No user ${who} on ${c.base}.`);
      const password = await newPassword(who, command.env);
      written(`Changing the password of ${who}`, await call(c, 'PUT', userDocPath(tenant, name), { ...existing, password }));
      return `Changed the password of ${who}.`;
    }
    default: {
      const existing = await readUser(c, tenant, name);
      if (!existing) throw new Error(`No user ${who} on ${c.base}.`);
      // Roles of this tenant are replaced; any other role the account has is kept as it was.
      const others = (Array.isArray(existing.roles) ? existing.roles : []).filter((r) => !tenantRoles.some((t) => r === tenantRoleName(tenant, t)));
      written(`Changing the role of ${who}`, await call(c, 'PUT', userDocPath(tenant, name), { ...existing, roles: [...others, tenantRoleName(tenant, role!)] }));
      return `${who} is now ${role}.`;
    }
  }
}
