import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Test support (not shipped behaviour): CouchDB servers to run the CouchDB-facing tests against.
 * Apache CouchDB cannot be installed on these machines, so every run uses `pouchdb-server` (npm,
 * in memory, in a child process) as a stand-in that really sends design documents and implements
 * `_users`, `_session` roles, `_security` and `validate_doc_update`; with `COUCHDB_URL` set
 * (e.g. `http://admin@localhost:5984`, password in `CX_PASSWORD`) the same tests also run against
 * that real CouchDB, single node or cluster.
 */

/** A CouchDB to test against, with a server admin's credentials. */
export interface CouchServer {
  /** `pouchdb-server` or `couchdb`: tests name the server in their titles. */
  kind: 'pouchdb-server' | 'couchdb';
  /** Base URL without credentials. */
  url: string;
  admin: { name: string; password: string };
  close(): Promise<void>;
}

/** The server admin password the stand-in is given (tests only). */
const standInAdminPassword = 'stand-in admin password';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Starts `pouchdb-server --in-memory` on 127.0.0.1 and leaves "admin party" with a server admin `root`. */
export async function startPouchDbServer(): Promise<CouchServer> {
  const bin = createRequire(import.meta.url).resolve('pouchdb-server/bin/pouchdb-server');
  // It writes config.json and log.txt to its working directory: give it a directory of its own.
  const dir = await mkdtemp(join(tmpdir(), 'cx-pouchdb-server-'));
  const port = await freePort();
  const proc = spawn(process.execPath, [bin, '--in-memory', '--host', '127.0.0.1', '--port', String(port), '--no-stdout-logs', '--no-color', '--config', join(dir, 'config.json')], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr?.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const close = async (): Promise<void> => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`pouchdb-server exited: ${stderr}`);
      const up = await fetch(`${url}/`).then((r) => r.ok, () => false);
      if (up) break;
      if (Date.now() > deadline) throw new Error(`pouchdb-server did not answer on ${url}: ${stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const admin = await fetch(`${url}/_config/admins/root`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(standInAdminPassword) });
    if (!admin.ok) throw new Error(`Could not create the stand-in's server admin: ${admin.status} ${await admin.text()}`);
  } catch (error) {
    await close();
    throw error;
  }
  return { kind: 'pouchdb-server', url, admin: { name: 'root', password: standInAdminPassword }, close };
}

/** The real CouchDB of `COUCHDB_URL` (admin name in the URL, password in `CX_PASSWORD`), if set. */
export function realCouchDb(env: NodeJS.ProcessEnv = process.env): CouchServer | undefined {
  if (!env.COUCHDB_URL) return undefined;
  const url = new URL(env.COUCHDB_URL);
  const name = decodeURIComponent(url.username);
  if (!name || !env.CX_PASSWORD) throw new Error('COUCHDB_URL needs the admin name in it (http://admin@host:5984) and CX_PASSWORD set.');
  url.username = '';
  url.password = '';
  return { kind: 'couchdb', url: url.toString().replace(/\/+$/, ''), admin: { name, password: env.CX_PASSWORD }, close: async () => undefined };
}

/** Every server the CouchDB tests run against: the stand-in, and the real CouchDB when configured. */
export const couchServerKinds: CouchServer['kind'][] = process.env.COUCHDB_URL ? ['pouchdb-server', 'couchdb'] : ['pouchdb-server'];

/** Starts (or names) a server of the given kind. */
export async function openCouchServer(kind: CouchServer['kind']): Promise<CouchServer> {
  if (kind === 'pouchdb-server') return startPouchDbServer();
  const real = realCouchDb();
  if (!real) throw new Error('COUCHDB_URL is not set.');
  return real;
}

/** A fresh tenant id per test run, so tests on a shared real CouchDB never meet old data. */
export function freshTenant(prefix = 'cxt'): string {
  return `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** `Authorization: Basic` for a name and password (UTF-8). */
export function basicAuth(name: string, password: string): string {
  return `Basic ${Buffer.from(`${name}:${password}`).toString('base64')}`;
}
