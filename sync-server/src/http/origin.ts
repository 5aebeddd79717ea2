import type { IncomingHttpHeaders } from 'node:http';

/**
 * Where a browser request comes from, for the session cookie's CSRF defence.
 *
 * The `AuthSession` cookie is a same-origin credential: only the app this server serves itself
 * (`/_app/`) signs in with it. Browsers send `Origin` on every cross-origin request and on every
 * same-origin request that is not GET/HEAD, and `Sec-Fetch-Site` on every request; a page on
 * another origin cannot forge either. So a request carrying the cookie is refused when `Origin`
 * names another origin, or, without `Origin`, when `Sec-Fetch-Site` says cross-site or same-site
 * (another port of the same host is "same-site", and SameSite=Strict alone would let it through).
 * Clients outside a browser (PouchDB in Node, curl) send neither header and cannot be made to act
 * on someone's behalf, so they keep CouchDB's cookie behaviour. This was chosen over requiring a
 * custom header or a JSON content type because it also covers reads (CORS-allowed app origins
 * would otherwise read with a teammate's cookie) and DELETE /_session, and needs no client change.
 */

/** The origin this request was addressed to, from its `Host` header. */
export function ownOrigin(headers: IncomingHttpHeaders, secure: boolean): string | undefined {
  const host = headers.host;
  if (!host || !/^[A-Za-z0-9.\-[\]:]{1,300}$/.test(host)) return undefined;
  return `${secure ? 'https' : 'http'}://${host.toLowerCase()}`;
}

/** True when the request comes from a page of another origin (or site) than this server. */
export function isForeignBrowserRequest(headers: IncomingHttpHeaders, secure: boolean): boolean {
  const origin = headers.origin;
  if (origin !== undefined) return origin.toLowerCase() !== ownOrigin(headers, secure);
  const site = headers['sec-fetch-site'];
  return site === 'cross-site' || site === 'same-site';
}

/** True when the request carries a session cookie (whatever its value). */
export function carriesSessionCookie(headers: IncomingHttpHeaders, name: string): boolean {
  const cookie = headers.cookie;
  if (!cookie) return false;
  return cookie.split(';').some((part) => part.slice(0, part.indexOf('=')).trim() === name);
}

/** A copy of the headers without cookies: a foreign page's request is judged on its own credentials. */
export function withoutCookies(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const { cookie: _dropped, ...rest } = headers;
  return rest;
}
