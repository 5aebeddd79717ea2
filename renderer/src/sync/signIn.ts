import { isValidTenant } from '../../../common/sync/names';
import type { Result } from '../../../common/result';
import { err, ok } from '../../../common/result';

/** What is kept to reach the server again: a token from our server, or Basic for a stock CouchDB. */
export type Credential = { kind: 'bearer'; token: string; expires: string } | { kind: 'basic'; value: string };

/** The Authorization header for a credential. */
export function authorizationOf(credential: Credential): string {
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
  let response: Response;
  try {
    response = await fetchImpl(`${url.data}/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, password }),
    });
  } catch {
    return err('unavailable', `The server at ${url.data} cannot be reached. Check the address and your network.`);
  }
  if (response.status === 401) return err('forbidden-sender', 'Wrong user name or password.');
  if (response.status === 429) return err('unavailable', 'Too many sign-in attempts. Wait a minute and try again.');
  if (!response.ok) return err('unavailable', `The server refused to sign in (HTTP ${response.status}).`);
  const body = (await response.json().catch(() => ({}))) as { token?: unknown; expires?: unknown; cx?: { role?: unknown } };
  const role = typeof body.cx?.role === 'string' ? body.cx.role : undefined;
  if (typeof body.token === 'string' && typeof body.expires === 'string') {
    return ok({ credential: { kind: 'bearer', token: body.token, expires: body.expires }, ...(role ? { role } : {}) });
  }
  return ok({ credential: { kind: 'basic', value: base64Utf8(`${name}:${password}`) }, ...(role ? { role } : {}) });
}

function base64Utf8(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
