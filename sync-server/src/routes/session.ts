import { tenantRoleName } from '../../../common/sync/names';
import type { Principal } from '../auth/auth';
import { sessionCookieHeader } from '../auth/auth';
import { isObject, parseForm, parseJsonBody } from '../http/body';
import { badRequest, unauthorized } from '../http/errors';
import type { Ctx, Route } from '../http/context';

/**
 * CouchDB's `_session`: POST signs in (JSON or form body) and sets the `AuthSession` cookie; the
 * answer also carries the token for Bearer use and its expiry, extra fields a CouchDB client
 * ignores. GET tells who the request is; DELETE clears the cookie. Tenant users' roles are named
 * `<tenant>:<role>`, the same names `provision-couchdb` uses on a CouchDB cluster.
 */

/** CouchDB's userCtx for a principal. */
export function userCtx(p: Principal): { name: string | null; roles: string[] } {
  if (p.kind === 'anonymous') return { name: null, roles: [] };
  if (p.kind === 'admin') return { name: p.name, roles: ['_admin'] };
  return { name: `${p.tenant}/${p.name}`, roles: [tenantRoleName(p.tenant, p.role)] };
}

function cx(p: Principal): Record<string, unknown> | undefined {
  return p.kind === 'user' ? { tenant: p.tenant, role: p.role } : p.kind === 'admin' ? { serverAdmin: true } : undefined;
}

function clientAddress(ctx: Ctx): string {
  return ctx.req.socket.remoteAddress ?? 'unknown';
}

/** POST /_session. */
export const postSession: Route = async (ctx) => {
  const raw = await ctx.raw();
  const type = ctx.req.headers['content-type'] ?? '';
  const body = type.startsWith('application/x-www-form-urlencoded') ? parseForm(raw) : parseJsonBody(raw);
  if (!isObject(body) || typeof body.name !== 'string' || typeof body.password !== 'string') {
    throw badRequest('Sign in with a JSON body {"name", "password"}.');
  }
  const session = await ctx.deps.auth.login(body.name, body.password, clientAddress(ctx));
  ctx.deps.log.info('signed in', { name: body.name });
  return {
    status: 200,
    body: { ok: true, ...userCtx(session.principal), token: session.token, expires: new Date(session.expiresAt).toISOString(), cx: cx(session.principal) },
    headers: { 'set-cookie': sessionCookieHeader(session, ctx.deps.secure, ctx.deps.clock.now()) },
  };
};

/** GET /_session. */
export const getSession: Route = async (ctx) => {
  const p = ctx.principal;
  const method = ctx.req.headers.authorization ? 'default' : p.kind === 'anonymous' ? undefined : 'cookie';
  return {
    status: 200,
    body: {
      ok: true,
      userCtx: userCtx(p),
      info: { authentication_handlers: ['cookie', 'default'], ...(method ? { authenticated: method } : {}) },
      cx: cx(p),
    },
  };
};

/** DELETE /_session. */
export const deleteSession: Route = async (ctx) => ({
  status: 200,
  body: { ok: true },
  headers: { 'set-cookie': sessionCookieHeader(undefined, ctx.deps.secure, ctx.deps.clock.now()) },
});

/** GET /: the welcome CouchDB clients look for. */
export const root: Route = async (ctx) => ({
  status: 200,
  body: { couchdb: 'Welcome', version: '3.3.3', uuid: ctx.deps.uuid, vendor: { name: 'CX Studio sync server' }, features: [] },
});

/** GET /_up. */
export const up: Route = async () => ({ status: 200, body: { status: 'ok' } });

/** GET /_all_dbs: a tenant user sees only its tenant's databases. */
export const allDbs: Route = async (ctx) => {
  const p = ctx.principal;
  if (p.kind === 'anonymous') throw unauthorized();
  const names = await ctx.deps.store.list();
  return { status: 200, body: p.kind === 'admin' ? names : names.filter((n) => n.startsWith(`${p.tenant}-`)) };
};
