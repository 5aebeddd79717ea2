import { readPassword } from './password';

/**
 * Talking to an Apache CouchDB (or any CouchDB-protocol server) as its server admin, for the
 * `provision-couchdb`, `migrate` and `couchdb-user` commands. Only CouchDB's public HTTP API.
 */

/** Where to reach the CouchDB and as whom. */
export interface CouchTarget {
  url: string;
  tenant: string;
  /** CouchDB admin name; also read from the URL's user part. The password comes from CX_PASSWORD or a prompt. */
  user?: string | undefined;
  env: NodeJS.ProcessEnv;
}

/** A base URL and the server admin's Basic credentials. */
export interface Connection {
  base: string;
  headers: Record<string, string>;
  username: string | undefined;
  password: string | undefined;
}

/** An answer: status and parsed JSON (or the raw text when it is not JSON). */
export interface Answer {
  status: number;
  json: unknown;
}

/** Reads the URL and the admin's name, and the password from CX_PASSWORD or a prompt (never a flag). */
export async function connect(target: CouchTarget): Promise<Connection> {
  let url: URL;
  try {
    url = new URL(target.url);
  } catch {
    throw new Error(`Invalid --url "${target.url}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`Invalid --url "${target.url}": use http:// or https://.`);
  if (url.password) throw new Error('Do not put a password in the URL; set CX_PASSWORD or answer the prompt.');
  const username = target.user ?? (url.username ? decodeURIComponent(url.username) : undefined);
  url.username = '';
  const base = url.toString().replace(/\/+$/, '');
  const password = username ? await readPassword(`CouchDB password for ${username}: `, target.env, false) : undefined;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (username) headers.authorization = `Basic ${Buffer.from(`${username}:${password ?? ''}`).toString('base64')}`;
  return { base, headers, username, password };
}

/** One request; a network failure becomes one sentence naming the server. */
export async function call(c: Connection, method: string, path: string, body?: unknown): Promise<Answer> {
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

/** Throws "<what> failed: <status> <error> <reason>". */
export function fail(what: string, answer: Answer): never {
  const body = (typeof answer.json === 'object' && answer.json !== null ? answer.json : {}) as { error?: string; reason?: string };
  throw new Error(`${what} failed: ${answer.status} ${body.error ?? ''} ${body.reason ?? ''}`.trim());
}

/**
 * Checks that the server answers like CouchDB and that the credentials are a server admin's
 * (`_session` lists `_admin`): every command here changes things only a server admin may.
 * `pouchdb-server` (the tests' second stand-in) greets with `express-pouchdb` instead of `couchdb`.
 */
export async function requireServerAdmin(c: Connection): Promise<void> {
  const welcome = await call(c, 'GET', '/');
  if (welcome.status === 401 || welcome.status === 403) fail(`Signing in to ${c.base} as ${c.username ?? '(nobody)'}`, welcome);
  const greeting = welcome.json as { couchdb?: unknown; 'express-pouchdb'?: unknown };
  if (greeting.couchdb !== 'Welcome' && greeting['express-pouchdb'] === undefined) throw new Error(`${c.base} does not answer like CouchDB.`);
  if (!c.username) throw new Error(`A CouchDB server admin is needed: give --user ADMIN (or admin@ in the URL); the password comes from CX_PASSWORD or a prompt.`);
  const session = await call(c, 'GET', '/_session');
  if (session.status === 401) fail(`Signing in to ${c.base} as ${c.username}`, session);
  const roles = (session.json as { userCtx?: { roles?: unknown } }).userCtx?.roles;
  if (!Array.isArray(roles) || !roles.includes('_admin')) {
    const who = (session.json as { userCtx?: { name?: unknown } }).userCtx?.name;
    throw new Error(who === c.username
      ? `${c.username} is not a server admin of ${c.base}; use an account listed under [admins] in CouchDB's configuration.`
      : `Signing in to ${c.base} as ${c.username} failed: wrong name or password.`);
  }
}
