import { mkdtemp, readdir } from 'node:fs/promises';
import { request } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { decodeJoinCode } from '../../../common/sync/joinCode';
import { memoryLog } from '../../../sync-server/src/cli/log';
import { startWorkshop } from './host';

// Talks to the workshop like a teammate whose app pins the certificate from the join code.
function pinnedRequest(url: string, fingerprint: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', rejectUnauthorized: false, headers: { 'content-type': 'application/json' } }, (res) => {
      const seen = (res.socket as TLSSocket).getPeerCertificate().fingerprint256.replaceAll(':', '').toLowerCase();
      if (seen !== fingerprint) {
        req.destroy();
        reject(new Error(`certificate ${seen} is not the pinned one`));
        return;
      }
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || '{}') as Record<string, unknown> }));
    });
    req.on('error', reject);
    if (init.body !== undefined) req.write(JSON.stringify(init.body));
    req.end();
  });
}

describe('hosting a workshop', () => {
  test('a teammate joins with the code over pinned TLS; the code stops working when the host stops; data stays', { timeout: 30_000 }, async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'cx-workshop-'));
    const workshop = await startWorkshop({ dataDir, bind: '127.0.0.1', addresses: ['127.0.0.1'], log: memoryLog() });
    const joined = decodeJoinCode(workshop.joinCode);
    expect(joined.ok).toBe(true);
    if (!joined.ok) return;
    const info = joined.data;
    expect(info.fingerprint).toBe(workshop.fingerprint);
    const url = info.urls[0]!;
    const welcome = await pinnedRequest(`${url}/`, info.fingerprint);
    expect(welcome.body.couchdb).toBe('Welcome');
    const session = await pinnedRequest(`${url}/_session`, info.fingerprint, {
      method: 'POST',
      body: { name: `${info.tenant}/${info.user}`, password: info.password },
    });
    expect(session.status).toBe(200);
    expect(session.body.cx).toEqual({ tenant: info.tenant, role: 'editor' });
    // A different certificate (someone posing as the host) is refused by the pin.
    await expect(pinnedRequest(`${url}/`, 'b'.repeat(64))).rejects.toThrow(/not the pinned one/);

    await workshop.stop();
    await expect(pinnedRequest(`${url}/`, info.fingerprint)).rejects.toThrow();
    expect(await readdir(dataDir)).toEqual([info.tenant]);
  });
});
