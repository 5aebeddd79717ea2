import { randomBytes } from 'node:crypto';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { encodeJoinCode } from '../../../common/sync/joinCode';
import { Auth } from '../../../sync-server/src/auth/auth';
import { hashPassword } from '../../../sync-server/src/auth/passwords';
import { Registry } from '../../../sync-server/src/auth/registry';
import { ensureTenantDatabases } from '../../../sync-server/src/cli/manage';
import { createServer } from '../../../sync-server/src/createServer';
import type { Log } from '../../../sync-server/src/http/context';
import { createLevelStore } from '../../../sync-server/src/store/store';
import { createCertificate } from './certificate';

/** A running workshop: the host's own login, the code teammates join with, and a way to stop. */
export interface Workshop {
  /** How the host's app reaches its own server. */
  localUrl: string;
  tenant: string;
  host: { user: string; password: string };
  joinCode: string;
  fingerprint: string;
  /** Stops accepting connections; the join code stops working. Everyone keeps their data. */
  stop(): Promise<void>;
}

/** The laptop's LAN IPv4 addresses (the ones teammates can reach). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((i): i is NonNullable<typeof i> => !!i && i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);
}

const token = (bytes: number) => randomBytes(bytes).toString('base64url');

/**
 * Hosts a workshop from this laptop: the sync server in-process over TLS, on every network
 * interface, with a fresh tenant and two accounts — the host's and the room's. Data lives under
 * `dataDir/<tenant>` and stays after the session ends.
 */
export async function startWorkshop(options: { dataDir: string; port?: number; bind?: string; addresses?: string[]; log: Log }): Promise<Workshop> {
  const addresses = options.addresses ?? lanAddresses();
  const tenant = `w${randomBytes(6).toString('hex')}`;
  const host = { user: 'host', password: token(18) };
  const room = { user: 'team', password: token(18) };
  const registry = new Registry();
  registry.addTenant(tenant);
  registry.setUser(tenant, host.user, { hash: await hashPassword(host.password), role: 'admin' });
  registry.setUser(tenant, room.user, { hash: await hashPassword(room.password), role: 'editor' });
  const store = createLevelStore(join(options.dataDir, tenant));
  await ensureTenantDatabases(store, tenant);
  const auth = new Auth({ registry, secret: randomBytes(32), clock: { now: () => Date.now() } });
  const handler = createServer({ store, auth, log: options.log, secure: true });
  const certificate = await createCertificate(addresses);
  const server = createHttpsServer({ key: certificate.key, cert: certificate.cert }, handler);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.bind ?? '0.0.0.0', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urls = (addresses.length > 0 ? addresses : ['127.0.0.1']).map((a) => `https://${a}:${port}`);
  options.log.info('workshop hosted', { tenant, urls });
  let stopping: Promise<void> | undefined;
  return {
    localUrl: `https://127.0.0.1:${port}`,
    tenant,
    host,
    fingerprint: certificate.fingerprint,
    joinCode: encodeJoinCode({ urls, tenant, user: room.user, password: room.password, fingerprint: certificate.fingerprint }),
    stop: () =>
      (stopping ??= (async () => {
        registry.removeUser(tenant, room.user);
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        handler.drain();
        server.closeAllConnections();
        await closed;
        await store.close();
        options.log.info('workshop stopped', { tenant });
      })()),
  };
}
