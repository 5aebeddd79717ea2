import { stat } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { Auth } from '../auth/auth';
import { loadSecret } from '../auth/secret';
import { createServer } from '../createServer';
import type { Log } from '../http/context';
import { createLevelStore } from '../store/store';
import { ensureTenantDatabases, openRegistry } from './manage';

/** Options of {@link serve}. */
export interface ServeOptions {
  host: string;
  port: number;
  dataDir: string;
  env: NodeJS.ProcessEnv;
  log: Log;
  corsOrigins?: string[];
  /** A built renderer to serve under `/_app/` (`--app` or `CX_APP_DIR`). */
  appDir?: string;
}

/** A listening server. */
export interface Running {
  url: string;
  /** Stops accepting, answers waiting longpolls, finishes in-flight requests, closes LevelDB. */
  close(): Promise<void>;
}

/** Opens the data directory and listens. */
export async function serve(options: ServeOptions): Promise<Running> {
  const { dataDir, log } = options;
  const appDir = options.appDir === undefined ? undefined : await checkAppDir(options.appDir);
  const registry = await openRegistry(dataDir, true);
  const secret = await loadSecret(dataDir, options.env);
  if (secret.created) log.info('signing secret created', { file: secret.source });
  const store = createLevelStore(dataDir);
  // A newer app version may bring a new collection: every tenant gets its missing databases.
  for (const tenant of registry.tenantIds()) {
    const created = await ensureTenantDatabases(store, tenant);
    if (created.length > 0) log.info('databases created', { tenant, databases: created });
  }
  const auth = new Auth({ registry, secret: secret.secret, clock: { now: () => Date.now() } });
  const handler = createServer({ store, auth, log, corsOrigins: options.corsOrigins ?? [], ...(appDir ? { appDir } : {}) });
  const server = createHttpServer(handler);
  // Longpolls wait up to 60 s by default; keep idle keep-alive sockets short so shutdown is quick.
  server.keepAliveTimeout = 5_000;
  // Receiving a whole request (headers and body; not the wait of a longpoll, which comes after)
  // may take 5 minutes: a client trickling a body cannot hold a socket forever. A body that
  // pauses for 30 s is cut sooner (http/body.ts).
  server.requestTimeout = 300_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  log.info('listening', { url, data: dataDir, tenants: registry.tenantIds().length, ...(appDir ? { app: `${url}/_app/`, appDir } : {}) });
  if (registry.tenantIds().length === 0) {
    log.info('no tenants yet', {
      next: [
        `npm run sync-server -- tenant add acme --data ${dataDir}`,
        `CX_PASSWORD=... npm run sync-server -- user add acme alice --role admin --data ${dataDir}`,
      ],
    });
  }
  let closing: Promise<void> | undefined;
  return {
    url,
    close: () =>
      (closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        handler.drain();
        // Answered longpolls leave idle keep-alive sockets behind: close them as they appear,
        // and after a grace period cut whatever is left (acknowledged writes are already stored).
        const sweep = setInterval(() => server.closeIdleConnections(), 50);
        const force = setTimeout(() => server.closeAllConnections(), 5_000);
        server.closeIdleConnections();
        await closed;
        clearInterval(sweep);
        clearTimeout(force);
        await store.close();
      })()),
  };
}

/** The app directory, absolute, once it is known to hold a built renderer. */
async function checkAppDir(dir: string): Promise<string> {
  const absolute = resolve(dir);
  const index = await stat(join(absolute, 'index.html')).catch(() => undefined);
  if (!index?.isFile()) throw new Error(`No built app in ${absolute} (index.html is missing); run npm run build:renderer first.`);
  return absolute;
}
