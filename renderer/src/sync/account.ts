import type { Result } from '../../../common/result';
import { err, ok } from '../../../common/result';
import { tenantRoleOf } from '../../../common/sync/names';

/**
 * The signed-in user's account on the team server: which kind of server it is, changing one's own
 * password, and the members the user may see. Our server has a user route (`/_cx/tenants/…`); an
 * Apache CouchDB keeps accounts in `_users`, where a user may update their own document (not its
 * roles) and only the server admin may list or create accounts.
 */

/** `cx` for our sync server (its `_session` answer has a `cx` field), `couchdb` for any other. */
export type ServerKind = 'cx' | 'couchdb';

/** Where the account lives and how requests sign in (the Authorization header, or the cookie when undefined). */
export interface AccountTarget {
  serverUrl: string;
  tenant: string;
  user: string;
  authorization: string | undefined;
}

/** A member as the Team screen lists it. */
export interface Member {
  name: string;
  role: string;
}

/** Shortest and longest password either server takes from the app (ours refuses outside 8–1024). */
export const passwordLimits = { min: 8, max: 1024 } as const;

interface Answer {
  status: number;
  body: Record<string, unknown>;
}

async function send(target: AccountTarget, path: string, init: RequestInit, fetchImpl: typeof fetch): Promise<Result<Answer>> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  if (target.authorization) headers.authorization = target.authorization;
  try {
    const response = await fetchImpl(`${target.serverUrl.replace(/\/+$/, '')}${path}`, { ...init, headers, credentials: 'same-origin', cache: 'no-store' });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    return ok({ status: response.status, body: typeof body === 'object' && body !== null ? body : {} });
  } catch {
    return err('unavailable', `The server at ${target.serverUrl} cannot be reached. Check your network and try again.`);
  }
}

function refused(what: string, answer: Answer): Result<never> {
  if (answer.status === 401) return err('forbidden-sender', `${what} failed: the server no longer accepts your sign-in. Sign in again, then retry.`);
  const reason = typeof answer.body.reason === 'string' ? answer.body.reason : `HTTP ${answer.status}`;
  return err(answer.status === 403 ? 'forbidden-sender' : 'unavailable', `${what} failed: ${reason}`);
}

/** The `_users` path of `tenant/user`; the `/` is sent encoded, as CouchDB requires. */
export function userDocPath(tenant: string, user: string): string {
  return `/_users/org.couchdb.user:${encodeURIComponent(`${tenant}/${user}`)}`;
}

/** Asks `GET /_session` which kind of server this is. */
export async function serverKind(target: AccountTarget, fetchImpl: typeof fetch = fetch): Promise<Result<ServerKind>> {
  const answer = await send(target, '/_session', { method: 'GET' }, fetchImpl);
  if (!answer.ok) return answer;
  if (answer.data.status !== 200) return refused('Asking the server who you are', answer.data);
  return ok(answer.data.body.cx === undefined ? 'couchdb' : 'cx');
}

/** Checks a new password before anything is sent. */
export function checkNewPassword(password: string, repeated: string): Result<string> {
  if (password.length < passwordLimits.min) return err('invalid-argument', `The new password needs at least ${passwordLimits.min} characters.`);
  if (password.length > passwordLimits.max) return err('invalid-argument', `The new password can have at most ${passwordLimits.max} characters.`);
  if (password !== repeated) return err('invalid-argument', 'The two new passwords differ. Type the same password twice.');
  return ok(password);
}

/**
 * Sets the signed-in user's own password. On our server through the user route (a user may set
 * their own password, not their role); on CouchDB by updating their own `_users` document, which
 * CouchDB allows as long as the roles stay as they are. Sessions signed with the old password end:
 * the caller signs in again with the new one.
 */
export async function changeOwnPassword(target: AccountTarget, kind: ServerKind, password: string, fetchImpl: typeof fetch = fetch): Promise<Result<void>> {
  if (password.length < passwordLimits.min || password.length > passwordLimits.max) {
    return err('invalid-argument', `The new password needs ${passwordLimits.min} to ${passwordLimits.max} characters.`);
  }
  if (kind === 'cx') {
    const path = `/_cx/tenants/${encodeURIComponent(target.tenant)}/users/${encodeURIComponent(target.user)}`;
    const put = await send(target, path, { method: 'PUT', body: JSON.stringify({ password }) }, fetchImpl);
    if (!put.ok) return put;
    return put.data.status === 200 ? ok(undefined) : refused('Changing your password', put.data);
  }
  const path = userDocPath(target.tenant, target.user);
  const got = await send(target, path, { method: 'GET' }, fetchImpl);
  if (!got.ok) return got;
  if (got.data.status !== 200) return refused('Reading your account', got.data);
  const put = await send(target, path, { method: 'PUT', body: JSON.stringify({ ...got.data.body, password }) }, fetchImpl);
  if (!put.ok) return put;
  return put.data.status === 201 || put.data.status === 202 ? ok(undefined) : refused('Changing your password', put.data);
}

/**
 * The tenant's members as far as this user may read them on CouchDB: the whole list when the
 * account may read `_users` (a server admin), else only the user's own account.
 */
export async function readableCouchMembers(target: AccountTarget, fetchImpl: typeof fetch = fetch): Promise<Result<{ members: Member[]; complete: boolean }>> {
  const prefix = `org.couchdb.user:${target.tenant}/`;
  const query = `startkey=${encodeURIComponent(JSON.stringify(prefix))}&endkey=${encodeURIComponent(JSON.stringify(`${prefix}\ufff0`))}&include_docs=true`;
  const all = await send(target, `/_users/_all_docs?${query}`, { method: 'GET' }, fetchImpl);
  if (!all.ok) return all;
  const toMember = (doc: Record<string, unknown>): Member | undefined =>
    typeof doc.name === 'string' && doc.name.startsWith(`${target.tenant}/`)
      ? { name: doc.name.slice(target.tenant.length + 1), role: tenantRoleOf(target.tenant, doc.roles) ?? 'no role' }
      : undefined;
  if (all.data.status === 200) {
    const rows = Array.isArray(all.data.body.rows) ? (all.data.body.rows as { doc?: Record<string, unknown> }[]) : [];
    return ok({ members: rows.map((r) => (r.doc ? toMember(r.doc) : undefined)).filter((m): m is Member => !!m), complete: true });
  }
  const own = await send(target, userDocPath(target.tenant, target.user), { method: 'GET' }, fetchImpl);
  if (!own.ok) return own;
  if (own.data.status !== 200) return refused('Reading your account', own.data);
  const me = toMember(own.data.body);
  return ok({ members: me ? [me] : [], complete: false });
}
