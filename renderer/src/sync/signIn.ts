import { isValidTenant, tenantRoleOf } from '../../../common/sync/names';
import type { Result } from '../../../common/result';
import { err, ok } from '../../../common/result';
import type { Platform } from '../platform/platform';

/**
 * What is kept to reach the server again: a token from our server, Basic for a stock CouchDB, or
 * — for the app served by the sync server itself — nothing but the browser's HttpOnly session
 * cookie, which scripts cannot read and which is never copied into any storage.
 */
export type Credential = { kind: 'bearer'; token: string; expires: string } | { kind: 'basic'; value: string } | { kind: 'cookie' };

/** The Authorization header for a credential; undefined for the cookie, which the browser sends. */
export function authorizationOf(credential: Credential): string | undefined {
  if (credential.kind === 'cookie') return undefined;
  return credential.kind === 'bearer' ? `Bearer ${credential.token}` : `Basic ${credential.value}`;
}

/** Checks a server address the user typed: http(s) only, no credentials or paths. */
export function parseServerUrl(text: string): Result<string> {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return err('invalid-argument', 'Enter the server address, for example https://sync.example.com or http://192.168.1.20:5984.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return err('invalid-argument', 'The server address must start with http:// or https://.');
  if (url.username || url.password) return err('invalid-argument', 'Leave the user and password out of the address; enter them below.');
  return ok(url.origin + url.pathname.replace(/\/+$/, ''));
}

/**
 * Signs in with CouchDB's `_session`. Our server answers with a token (used as Bearer, so the
 * password is never stored); a stock CouchDB does not, and then Basic credentials are kept in the
 * platform's secret store instead.
 */
export async function signIn(
  serverUrl: string, tenant: string, user: string, password: string, fetchImpl: typeof fetch = fetch,
): Promise<Result<{ credential: Credential; role?: string }>> {
  const url = parseServerUrl(serverUrl);
  if (!url.ok) return url;
  if (!isValidTenant(tenant)) return err('invalid-argument', 'The team name is lower-case letters and digits, starting with a letter.');
  if (!user.trim() || !password) return err('invalid-argument', 'Enter your user name and password.');
  const name = `${tenant}/${user.trim()}`;
  const posted = await postSession(url.data, name, password, fetchImpl);
  if (!posted.ok) return posted;
  const body = posted.data;
  const role = roleOf(tenant, body);
  if (typeof body.token === 'string' && typeof body.expires === 'string') {
    return ok({ credential: { kind: 'bearer', token: body.token, expires: body.expires }, ...(role ? { role } : {}) });
  }
  return ok({ credential: { kind: 'basic', value: base64Utf8(`${name}:${password}`) }, ...(role ? { role } : {}) });
}

interface SessionAnswer { token?: unknown; expires?: unknown; roles?: unknown; cx?: { role?: unknown } }

/**
 * The user's role in the tenant: our server names it in `cx.role`; Apache CouchDB answers
 * `POST /_session` with `roles: ["acme:editor"]` (the roles `couchdb-user` gives), which our server
 * sends as well.
 */
function roleOf(tenant: string, body: SessionAnswer): string | undefined {
  return typeof body.cx?.role === 'string' ? body.cx.role : tenantRoleOf(tenant, body.roles);
}

/** POST /_session with the password, once; same-origin credentials let the browser keep a cookie. */
async function postSession(url: string, name: string, password: string, fetchImpl: typeof fetch): Promise<Result<SessionAnswer>> {
  let response: Response;
  try {
    response = await fetchImpl(`${url}/_session`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, password }),
    });
  } catch {
    return err('unavailable', `The server at ${url} cannot be reached. Check the address and your network.`);
  }
  if (response.status === 401) return err('forbidden-sender', 'Wrong user name or password.');
  if (response.status === 429) return err('unavailable', 'Too many sign-in attempts. Wait a minute and try again.');
  if (!response.ok) return err('unavailable', `The server refused to sign in (HTTP ${response.status}).`);
  return ok((await response.json().catch(() => ({}))) as SessionAnswer);
}

function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

// ---- The app served by the sync server itself (web mode for a team) ----

let served: Promise<string | undefined> | undefined;

/**
 * The sync server's address when this page was loaded from it (`/_app/`), else undefined. Asks
 * the page's own origin for `/_cx/app-config` once; Electron's app:// origin and `vite preview`
 * (whose fallback answers HTML) say no.
 */
export function servedAppServer(fetchImpl: typeof fetch = fetch, location: Pick<Location, 'protocol' | 'origin'> = globalThis.location): Promise<string | undefined> {
  if (location?.protocol !== 'http:' && location?.protocol !== 'https:') return Promise.resolve(undefined);
  return (served ??= (async () => {
    try {
      const response = await fetchImpl(`${location.origin}/_cx/app-config`, { credentials: 'same-origin', cache: 'no-store', signal: AbortSignal.timeout(5_000) });
      if (!response.ok || !(response.headers.get('content-type') ?? '').startsWith('application/json')) return undefined;
      const config = (await response.json()) as { cxSyncServer?: unknown; servesApp?: unknown; auth?: unknown };
      return config.cxSyncServer === 1 && config.servesApp === true && config.auth === 'cookie' ? location.origin : undefined;
    } catch {
      return undefined;
    }
  })());
}

/** Forgets the cached answer of {@link servedAppServer} (tests). */
export function resetServedAppServer(): void {
  served = undefined;
}

/** True when `serverUrl` is the server this page was served by: then the session cookie signs in. */
export async function usesSessionCookie(serverUrl: string, fetchImpl: typeof fetch = fetch): Promise<boolean> {
  const origin = await servedAppServer(fetchImpl);
  return origin !== undefined && parseServerUrl(serverUrl).ok && new URL(serverUrl).origin === origin && new URL(serverUrl).pathname.replace(/\/+$/, '') === '';
}

/**
 * Signs in to the server this page came from: the password is posted once and the server answers
 * with an HttpOnly, SameSite=Strict cookie (and no token), which every later same-origin request
 * carries. Nothing is stored by the app.
 */
export async function signInWithCookie(
  serverUrl: string, tenant: string, user: string, password: string, fetchImpl: typeof fetch = fetch,
): Promise<Result<{ credential: Credential; role?: string }>> {
  const url = parseServerUrl(serverUrl);
  if (!url.ok) return url;
  if (!isValidTenant(tenant)) return err('invalid-argument', 'The team name is lower-case letters and digits, starting with a letter.');
  if (!user.trim() || !password) return err('invalid-argument', 'Enter your user name and password.');
  const posted = await postSession(url.data, `${tenant}/${user.trim()}`, password, fetchImpl);
  if (!posted.ok) return posted;
  const role = roleOf(tenant, posted.data);
  return ok({ credential: { kind: 'cookie' }, ...(role ? { role } : {}) });
}

/** Whether the browser's session cookie still signs in `tenant/user` (after a reload). */
export async function cookieSignedIn(serverUrl: string, tenant: string, user: string, fetchImpl: typeof fetch = fetch): Promise<boolean> {
  try {
    const response = await fetchImpl(`${serverUrl.replace(/\/+$/, '')}/_session`, { credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) return false;
    const body = (await response.json()) as { userCtx?: { name?: unknown } };
    return body.userCtx?.name === `${tenant}/${user}`;
  } catch {
    return false;
  }
}

/** Ends the cookie session on the server (it revokes the token) and clears the cookie. */
export async function signOutCookie(serverUrl: string, fetchImpl: typeof fetch = fetch): Promise<void> {
  await fetchImpl(`${serverUrl.replace(/\/+$/, '')}/_session`, { method: 'DELETE', credentials: 'same-origin' }).catch(() => undefined);
}

// ---- Keeping a workspace's credential ----

type Secrets = Platform['secrets'];
interface Where { serverUrl: string; tenant: string; user: string }

/**
 * The stored credential of a workspace: for the server this page was served by, the browser's
 * cookie session if it still holds (nothing is read from storage); otherwise the platform's secret
 * (OS-encrypted in Electron, this tab only on the web).
 */
export async function loadCredential(secrets: Secrets, key: string, where: Where): Promise<Credential | null> {
  if (await usesSessionCookie(where.serverUrl)) return (await cookieSignedIn(where.serverUrl, where.tenant, where.user)) ? { kind: 'cookie' } : null;
  const stored = await secrets.get(key);
  if (!stored.ok || !stored.data.value) return null;
  try {
    return JSON.parse(stored.data.value) as Credential;
  } catch {
    return null; // an unreadable credential means signing in again; nothing else is affected
  }
}

/** Signs in (by cookie when served by that server, else for a token) and keeps what is needed. */
export async function signInAndKeep(secrets: Secrets, key: string, where: Where, password: string): Promise<Result<{ credential: Credential; role?: string; warning?: string }>> {
  const cookie = await usesSessionCookie(where.serverUrl);
  const result = cookie ? await signInWithCookie(where.serverUrl, where.tenant, where.user, password) : await signIn(where.serverUrl, where.tenant, where.user, password);
  if (!result.ok) return result;
  // A cookie session keeps nothing; an older token of this workspace is dropped.
  const stored = cookie ? await secrets.delete(key) : await secrets.set(key, JSON.stringify(result.data.credential));
  return ok({ ...result.data, ...(stored.ok ? {} : { warning: stored.message }) });
}

/** Forgets a workspace's credential; a cookie session is ended on the server too. */
export async function forgetCredential(secrets: Secrets, key: string, serverUrl: string | undefined, credential: Credential | null): Promise<void> {
  if (credential?.kind === 'cookie' && serverUrl) await signOutCookie(serverUrl);
  await secrets.delete(key);
}
