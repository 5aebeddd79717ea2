import { randomBytes } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Auth } from '../auth/auth';
import { hashPassword } from '../auth/passwords';
import { Registry } from '../auth/registry';
import { ensureTenantDatabases } from '../cli/manage';
import { memoryLog } from '../cli/log';
import { createServer } from '../createServer';
import type { RequestLimits } from '../http/limits';
import type { Store } from '../store/store';
import { createMemoryStore } from '../store/store';

/**
 * Test support (not shipped behaviour): a real server on 127.0.0.1 with a random port, two
 * tenants and one user per role, and a clock tests can move forward to expire tokens.
 */

/** The password every test account uses. */
export const testPassword = 'correct horse battery';

/** A running test server. */
export interface TestServer {
  url: string;
  store: Store;
  registry: Registry;
  log: ReturnType<typeof memoryLog>;
  /** Moves the server's clock forward (token expiry). */
  advance(ms: number): void;
  /** Count of requests seen, by `METHOD path` (without query). */
  requests: Map<string, number>;
  /** Every answered request: method, path, status, authorization header. */
  responses: { method: string; path: string; status: number; authorization: string | undefined }[];
  close(): Promise<void>;
}

/** Options of {@link startTestServer}. */
export interface TestServerOptions {
  store?: Store;
  tokenTtlMs?: number;
  maxBodyBytes?: number;
  /** Serve this directory as the app under `/_app/`. */
  appDir?: string;
  /** Pretend the server is reached over TLS (Secure cookies, https origin). */
  secure?: boolean;
  /** Per-request caps other than the defaults (http/limits.ts). */
  limits?: Partial<RequestLimits>;
}

/** Logins created by {@link startTestServer}. */
export const accounts = {
  admin: 'root',
  acmeAdmin: 'acme/alice',
  acmeEditor: 'acme/ed',
  acmeViewer: 'acme/vic',
  otherEditor: 'other/olga',
} as const;

let cachedHash: Promise<string> | undefined;

/** Starts a server over a memory store (or the given one) with tenants `acme` and `other`. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const hash = await (cachedHash ??= hashPassword(testPassword));
  const registry = new Registry();
  registry.setAdmin('root', hash);
  for (const tenant of ['acme', 'other']) registry.addTenant(tenant);
  registry.setUser('acme', 'alice', { hash, role: 'admin' });
  registry.setUser('acme', 'ed', { hash, role: 'editor' });
  registry.setUser('acme', 'vic', { hash, role: 'viewer' });
  registry.setUser('other', 'olga', { hash, role: 'editor' });
  const store = options.store ?? createMemoryStore();
  for (const tenant of ['acme', 'other']) await ensureTenantDatabases(store, tenant);
  let offset = 0;
  const clock = { now: () => Date.now() + offset };
  const log = memoryLog();
  const auth = new Auth({ registry, secret: randomBytes(32), clock, ...(options.tokenTtlMs ? { tokenTtlMs: options.tokenTtlMs } : {}) });
  const handler = createServer({ store, auth, clock, log, ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}), ...(options.appDir ? { appDir: options.appDir } : {}), ...(options.secure ? { secure: true } : {}), ...(options.limits ? { limits: options.limits } : {}) });
  const requests = new Map<string, number>();
  const responses: TestServer['responses'] = [];
  const server = createHttpServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    const key = `${req.method} ${path}`;
    requests.set(key, (requests.get(key) ?? 0) + 1);
    res.once('finish', () => responses.push({ method: req.method ?? '', path, status: res.statusCode, authorization: req.headers.authorization }));
    handler(req, res);
  });
  const url = await listen(server);
  return {
    url,
    store,
    registry,
    log,
    requests,
    responses,
    advance: (ms) => {
      offset += ms;
    },
    close: async () => {
      handler.drain();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await store.close();
    },
  };
}

/** Listens on 127.0.0.1, port 0 (never a fixed port: tests run in parallel). */
export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A Basic `Authorization` header value. */
export function basic(login: string, password = testPassword): string {
  return `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;
}

/** Fetches JSON with Basic auth as `login`; returns status and parsed body (text when not JSON). */
export async function call(
  url: string,
  login: string | undefined,
  init: { method?: string; body?: unknown; raw?: string | Buffer; headers?: Record<string, string> } = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests inspect answers field by field
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...init.headers };
  if (login) headers.authorization = basic(login);
  const body = init.raw ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const res = await fetch(url, { method: init.method ?? 'GET', headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed, headers: res.headers };
}
