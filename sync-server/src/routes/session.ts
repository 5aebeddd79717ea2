import { tenantRoleName } from '../../../common/sync/names';
import type { Principal } from '../auth/auth';
import { readCookie, sessionCookie, sessionCookieHeader } from '../auth/auth';
import { isObject, parseForm, parseJsonBody } from '../http/body';
import { badRequest, unauthorized } from '../http/errors';
import type { Ctx, Reply, Route } from '../http/context';
import { isForeignBrowserRequest } from '../http/origin';

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
  const headers = ctx.req.headers;
  // The cookie is a same-origin credential (http/origin.ts): a page of another origin gets the
  // token only, so it can neither plant a session (login CSRF) nor lean on one.
  const foreign = isForeignBrowserRequest(headers, ctx.deps.secure);
  // The app served by this server signs in by cookie alone: its page never sees the token, so a
  // script injected into it could not carry the session elsewhere (the cookie is HttpOnly).
  const sameOriginPage = !foreign && (headers.origin !== undefined || headers['sec-fetch-site'] === 'same-origin');
  const reply: Reply = {
    status: 200,
    body: {
      ok: true,
      ...userCtx(session.principal),
      ...(sameOriginPage ? {} : { token: session.token }),
      expires: new Date(session.expiresAt).toISOString(),
      cx: cx(session.principal),
    },
  };
  if (!foreign) reply.headers = { 'set-cookie': sessionCookieHeader(session, ctx.deps.secure, ctx.deps.clock.now()) };
  return reply;
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

/** DELETE /_session: clears the cookie and revokes the token it held (or the Bearer token sent). */
export const deleteSession: Route = async (ctx) => {
  const authorization = ctx.req.headers.authorization ?? '';
  const token = /^bearer /i.test(authorization) ? authorization.slice(7).trim() : readCookie(ctx.req.headers.cookie, sessionCookie);
  if (token && ctx.principal.kind !== 'anonymous') ctx.deps.auth.revoke(token);
  return {
    status: 200,
    body: { ok: true },
    headers: { 'set-cookie': sessionCookieHeader(undefined, ctx.deps.secure, ctx.deps.clock.now()) },
  };
};

/**
 * GET /_cx/app-config: lets the app, loaded from `/_app/`, know that its own origin is the sync
 * server and that it signs in by session cookie. Says nothing about tenants or users.
 */
export const appConfig: Route = async (ctx) => ({
  status: 200,
  body: { cxSyncServer: 1, servesApp: ctx.deps.servesApp, auth: ctx.deps.servesApp ? 'cookie' : 'token' },
  headers: { 'cache-control': 'no-store' },
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
