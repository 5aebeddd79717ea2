import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import FindMyWay from 'find-my-way';
import type { Auth, Clock } from './auth/auth';
import { sessionCookie, sessionCookieHeader } from './auth/auth';
import { discardRest, parseJsonBody, readBody } from './http/body';
import type { Ctx, Deps, Log, Route } from './http/context';
import { CouchError, badRequest, sendError, sendJson, sendJsonText, toCouchError } from './http/errors';
import type { RequestLimits } from './http/limits';
import { defaultLimits } from './http/limits';
import { Notifier } from './http/notifier';
import { carriesSessionCookie, isForeignBrowserRequest, withoutCookies } from './http/origin';
import type { StaticApp } from './http/staticApp';
import { appPrefix, createStaticApp } from './http/staticApp';
import { allowedOrigin } from './routes/config';
import { routes } from './routes/table';
import type { Store } from './store/store';

/** Options of {@link createServer}. */
export interface ServerOptions {
  store: Store;
  auth: Auth;
  clock?: Clock;
  log: Log;
  /** Largest request body; defaults to the shared limit sized for dataset chunks. */
  maxBodyBytes?: number;
  /** Caps per request (http/limits.ts); unset ones keep their defaults. */
  limits?: Partial<RequestLimits>;
  /** Set when served over TLS (the session cookie becomes `Secure`). */
  secure?: boolean;
  /** Origins allowed by CORS besides the app's own (common/sync/limits.ts). */
  corsOrigins?: readonly string[];
  /** A built renderer (`out/renderer`) to serve under `/_app/`; see http/staticApp.ts. */
  appDir?: string;
}

/** A node request handler plus a way to end waiting longpolls at shutdown. */
export interface SyncHandler {
  (req: IncomingMessage, res: ServerResponse): void;
  /** Answers every waiting longpoll now, so `server.close()` is not held up by them. */
  drain(): void;
}

const methods = ['GET', 'PUT', 'POST', 'DELETE'] as const;

/**
 * The sync server as a plain `(req, res)` handler: it never listens (STYLE.md, "Servers you can
 * test without a port"). `index.ts` adds the port; tests and the Electron main process add theirs.
 */
export function createServer(options: ServerOptions): SyncHandler {
  const deps: Deps = {
    store: options.store,
    auth: options.auth,
    clock: options.clock ?? { now: () => Date.now() },
    log: options.log,
    notifier: new Notifier(undefined, (name) => sequenceOf(options.store, name)),
    limits: { ...defaultLimits, ...(options.maxBodyBytes ? { bodyBytes: options.maxBodyBytes } : {}), ...options.limits },
    secure: options.secure ?? false,
    uuid: randomUUID().replaceAll('-', ''),
    config: new Map(),
    servesApp: options.appDir !== undefined,
  };
  const app: StaticApp | undefined = options.appDir === undefined ? undefined : createStaticApp(options.appDir);
  // Percent-encoded ids may take three characters per character of the id.
  const router = FindMyWay({ ignoreTrailingSlash: true, ignoreDuplicateSlashes: false, maxParamLength: deps.limits.docIdLength * 3 + 64 });
  for (const [method, path, route] of routes) router.on(method, path, route as never);
  const extraOrigins = options.corsOrigins ?? [];

  let draining = false;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = req.url ?? '/';
    // Shutting down: tell keep-alive clients not to reuse this connection.
    if (draining) res.setHeader('connection', 'close');
    const origin = allowedOrigin(deps, extraOrigins, req.headers.origin);
    if (origin) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-credentials', 'true');
      res.setHeader('vary', 'Origin');
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, PUT, POST, HEAD, DELETE',
        'access-control-allow-headers': 'accept, authorization, content-type, origin, referer',
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }
    const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET');
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
    if (app && (path === '/_app' || path.startsWith(appPrefix))) {
      if (path === '/_app') return redirect(res, appPrefix);
      return app.serve(req, res, path);
    }
    // A browser opening the server's address gets the app; CouchDB clients ask for JSON and get
    // the welcome as before.
    if (app && path === '/') {
      if (method === 'GET' && (req.headers.accept ?? '').startsWith('text/html')) return redirect(res, appPrefix);
      res.appendHeader('vary', 'Accept');
    }
    const found = (methods as readonly string[]).includes(method) ? router.find(method as (typeof methods)[number], path) : null;
    let raw: Promise<Buffer> | undefined;
    const ctx: Ctx = {
      req,
      res,
      params: (found?.params ?? {}) as Record<string, string | undefined>,
      query,
      principal: { kind: 'anonymous' },
      deps,
      raw: () => (raw ??= readBody(req, deps.limits)),
      json: async () => parseJsonBody(await ctx.raw(), deps.limits.jsonDepth),
      headers: {},
    };
    try {
      // The session cookie is honoured only for this server's own pages (http/origin.ts): a page
      // elsewhere may sign in (and gets a token, no cookie) but never acts with the cookie.
      let headers = req.headers;
      if (!headers.authorization && carriesSessionCookie(headers, sessionCookie) && isForeignBrowserRequest(headers, deps.secure)) {
        if (!(method === 'POST' && path === '/_session')) {
          throw new CouchError(403, 'forbidden', 'The session cookie is accepted only from the app this server serves; other origins sign in with a token.');
        }
        headers = withoutCookies(headers);
      }
      // Signing out always works, even with an expired or revoked cookie: it is what clears it.
      const signingOut = method === 'DELETE' && path === '/_session';
      const { principal, renew } = await deps.auth.authenticate(headers, req.socket.remoteAddress ?? 'unknown', req.socket).catch((thrown: unknown) => {
        if (signingOut && thrown instanceof CouchError && thrown.status === 401) return { principal: { kind: 'anonymous' } as const, renew: undefined };
        throw thrown;
      });
      ctx.principal = principal;
      if (renew) ctx.headers['set-cookie'] = sessionCookieHeader(renew, deps.secure, deps.clock.now());
      if (!found) throw unknownRoute(path, principal.kind);
      const reply = await (found.handler as unknown as Route)(ctx);
      if (reply && reply.text !== undefined) sendJsonText(res, reply.status, reply.text, { ...ctx.headers, ...reply.headers });
      else if (reply) sendJson(res, reply.status, reply.body, { ...ctx.headers, ...reply.headers });
    } catch (thrown) {
      const { error, bug } = toCouchError(thrown);
      if (bug) deps.log.error('request failed', { method: req.method, path, error: thrown instanceof Error ? thrown.stack : String(thrown) });
      // Refused credentials are worth a line (brute force shows up in the log); anonymous 401s are not.
      const carried = req.headers.authorization !== undefined || (req.headers.cookie ?? '').includes('AuthSession=') || path === '/_session';
      if ((error.status === 401 || error.status === 429) && carried) {
        deps.log.warn('credentials refused', { method: req.method, path, status: error.status, reason: error.reason, address: req.socket.remoteAddress });
      }
      // An unread body (refused as too large, or before its tenant was checked) is read and dropped
      // so the client gets this answer rather than a reset; whatever is left unread must not be
      // parsed as the next request.
      if (!(await discardRest(req, deps.limits)) || error.status === 413) res.setHeader('connection', 'close');
      sendError(res, error);
    }
  };

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((thrown: unknown) => {
      deps.log.error('handler crashed', { error: String(thrown) });
      if (!res.writableEnded) res.destroy();
    });
  };
  return Object.assign(handler, {
    drain: () => {
      draining = true;
      deps.notifier.notifyAll();
    },
  });
}

/** A database's current sequence (undefined when it is gone), read when its longpolls are woken. */
async function sequenceOf(store: Store, name: string): Promise<number | undefined> {
  const db = await store.open(name);
  const seq = db ? Number((await db.info()).update_seq) : Number.NaN;
  return Number.isFinite(seq) ? seq : undefined;
}

function redirect(res: ServerResponse, location: string): void {
  res.writeHead(302, { location, 'content-length': 0, 'cache-control': 'no-store', vary: 'Accept' });
  res.end();
}

function unknownRoute(path: string, who: string): CouchError {
  let decodable = true;
  try {
    decodeURIComponent(path);
  } catch {
    decodable = false;
  }
  if (!decodable) return badRequest('The URL is not valid percent-encoding.');
  // Server-level `_` routes (config, node, replicator…) say nothing to non-admins.
  if (path.startsWith('/_') && who !== 'admin') {
    return who === 'anonymous' ? new CouchError(401, 'unauthorized', 'Server admin credentials are required.') : new CouchError(403, 'forbidden', 'You are not a server admin.');
  }
  return new CouchError(404, 'not_found', 'Unknown route.');
}
