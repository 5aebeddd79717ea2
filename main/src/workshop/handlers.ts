import type { WorkshopConnection } from '../../../common/ipc/contract';
import { decodeJoinCode } from '../../../common/sync/joinCode';
import type { Result } from '../../../common/result';
import { err, ok } from '../../../common/result';
import type { Log } from '../../../sync-server/src/http/context';
import { startWorkshop } from './host';
import type { Workshop } from './host';
import { fetchPinnedCertificate, startPinnedProxy } from './pinnedProxy';
import type { PinnedProxy } from './pinnedProxy';

/**
 * Workshop hosting and joining for the IPC handlers. The renderer never sees the self-signed
 * certificate: it talks to a loopback proxy that trusts exactly the pinned one.
 */
export function createWorkshopHandlers(options: { dataDir: string; log: Log }) {
  let running: Workshop | null = null;
  const proxies: PinnedProxy[] = [];

  async function proxyTo(url: string, fingerprint: string): Promise<string | null> {
    const pem = await fetchPinnedCertificate(url, fingerprint);
    if (!pem) return null;
    const proxy = await startPinnedProxy(url, pem);
    proxies.push(proxy);
    return proxy.url;
  }

  return {
    async host(): Promise<Result<WorkshopConnection & { joinCode: string }>> {
      if (running) return err('conflict', 'A session is already being hosted from this computer. Stop it first.');
      try {
        running = await startWorkshop({ dataDir: options.dataDir, log: options.log });
      } catch (error) {
        return err('unavailable', `The session could not be started: ${error instanceof Error ? error.message : String(error)}`);
      }
      const serverUrl = await proxyTo(running.localUrl, running.fingerprint);
      if (!serverUrl) return err('unavailable', 'The session started but this computer cannot reach it.');
      return ok({ serverUrl, tenant: running.tenant, user: running.host.user, password: running.host.password, joinCode: running.joinCode });
    },
    async stop(): Promise<Result<{ stopped: boolean }>> {
      await Promise.all(proxies.splice(0).map((p) => p.close()));
      if (!running) return ok({ stopped: false });
      const stopping = running;
      running = null;
      await stopping.stop();
      return ok({ stopped: true });
    },
    async join({ code }: { code: string }): Promise<Result<WorkshopConnection>> {
      const decoded = decodeJoinCode(code);
      if (!decoded.ok) return decoded;
      const { urls, tenant, user, password, fingerprint } = decoded.data;
      // The host may be on several networks: use the first address that shows the pinned certificate.
      for (const url of urls) {
        const serverUrl = await proxyTo(url, fingerprint);
        if (serverUrl) return ok({ serverUrl, tenant, user, password });
      }
      return err('unavailable', 'The host cannot be reached, or answered with a different certificate. Check that you are on the same network and that the session is still running.');
    },
  };
}
