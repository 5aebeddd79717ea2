import { isTenantRole, isValidTenant } from '../../../common/sync/names';
import { hashPassword, minPasswordLength, passwordProblem } from '../auth/passwords';
import { userNamePattern } from '../auth/registry';
import { isObject } from '../http/body';
import { CouchError, badRequest, forbidden, unauthorized } from '../http/errors';
import type { Ctx, Route } from '../http/context';

/**
 * User management for tenant admins (the app's Sync screen) and server admins:
 *
 *   GET    /_cx/tenants/{tenant}/users          → { users: [{ name, role }] }
 *   PUT    /_cx/tenants/{tenant}/users/{name}   body { password?, role? } → 201 created / 200 updated
 *   DELETE /_cx/tenants/{tenant}/users/{name}   → { ok: true }
 *
 * Another tenant answers like a tenant that does not exist. A tenant admin cannot remove or demote
 * themself, so a tenant always keeps someone who can manage it. Any user may set their own password
 * (as CouchDB lets a user update their own `_users` document), not their role.
 */

function tenantOf(ctx: Ctx, self?: string): string {
  const p = ctx.principal;
  const tenant = ctx.params.tenant ?? '';
  if (p.kind === 'anonymous') throw unauthorized();
  const notFound = new CouchError(404, 'not_found', 'Tenant does not exist.');
  if (!isValidTenant(tenant)) throw notFound;
  if (p.kind === 'user' && p.tenant !== tenant) throw notFound;
  if (!ctx.deps.auth.registry.hasTenant(tenant)) throw notFound;
  if (p.kind === 'user' && p.role !== 'admin' && p.name !== self) throw forbidden('Only tenant admins manage users.');
  return tenant;
}

function isSelf(ctx: Ctx, tenant: string, name: string): boolean {
  const p = ctx.principal;
  return p.kind === 'user' && p.tenant === tenant && p.name === name;
}

/** Lists a tenant's users. */
export const listUsers: Route = async (ctx) => {
  const tenant = tenantOf(ctx);
  return { status: 200, body: { users: ctx.deps.auth.registry.users(tenant) } };
};

/** Creates a user or changes its password and/or role. */
export const putUser: Route = async (ctx) => {
  const name = ctx.params.name ?? '';
  const tenant = tenantOf(ctx, name);
  if (!userNamePattern.test(name)) throw badRequest('User names are lower-case letters, digits and . _ @ - (at most 64).');
  const body = await ctx.json();
  if (!isObject(body)) throw badRequest('Body must be a JSON object {password?, role?}.');
  const { password, role } = body;
  if (role !== undefined && !isTenantRole(role)) throw badRequest('`role` must be viewer, editor or admin.');
  if (password !== undefined && (typeof password !== 'string' || password.length < minPasswordLength || password.length > 1024)) {
    throw badRequest(`\`password\` must be a string of ${minPasswordLength} to 1024 characters.`);
  }
  const p = ctx.principal;
  // A user who is not a tenant admin got here only for their own account: the password, no role.
  if (p.kind === 'user' && p.role !== 'admin' && role !== undefined && role !== p.role) throw forbidden('Only tenant admins change roles.');
  const problem = typeof password === 'string' ? passwordProblem(password, name) : undefined;
  if (problem) throw badRequest(problem);
  if (isSelf(ctx, tenant, name) && role !== undefined && role !== 'admin') throw forbidden('You cannot remove your own admin role.');
  const exists = ctx.deps.auth.registry.users(tenant).some((u) => u.name === name);
  if (!exists && password === undefined) throw badRequest('A new user needs a `password`.');
  const hash = typeof password === 'string' ? await hashPassword(password) : undefined;
  const created = ctx.deps.auth.registry.setUser(tenant, name, { ...(hash ? { hash } : {}), ...(role ? { role } : {}) });
  ctx.deps.log.info(created ? 'user added' : 'user changed', { tenant, user: name, role });
  return { status: created ? 201 : 200, body: { ok: true, name, role: ctx.deps.auth.registry.users(tenant).find((u) => u.name === name)?.role } };
};

/** Removes a user; their tokens stop working at once. */
export const deleteUser: Route = async (ctx) => {
  const tenant = tenantOf(ctx);
  const name = ctx.params.name ?? '';
  if (isSelf(ctx, tenant, name)) throw forbidden('You cannot remove yourself.');
  if (!ctx.deps.auth.registry.removeUser(tenant, name)) throw new CouchError(404, 'not_found', 'No such user.');
  ctx.deps.log.info('user removed', { tenant, user: name });
  return { status: 200, body: { ok: true } };
};
