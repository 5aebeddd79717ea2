import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { decodeJoinCode } from '../../../common/sync/joinCode';
import { memoryLog } from '../../../sync-server/src/cli/log';
import { createWorkshopHandlers } from './handlers';
import { startWorkshop } from './host';
import type { Workshop } from './host';

const running: Workshop[] = [];
afterEach(async () => {
  for (const w of running.splice(0)) await w.stop();
});

async function host() {
  const workshop = await startWorkshop({ dataDir: await mkdtemp(join(tmpdir(), 'cx-ws-')), bind: '127.0.0.1', addresses: ['127.0.0.1'], log: memoryLog() });
  running.push(workshop);
  return workshop;
}

describe('joining a workshop through the pinned proxy', () => {
  test('the joiner signs in and reads the tenant databases through plain loopback HTTP', { timeout: 30_000 }, async () => {
    const workshop = await host();
    const handlers = createWorkshopHandlers({ dataDir: await mkdtemp(join(tmpdir(), 'cx-j-')), log: memoryLog() });
    const joined = await handlers.join({ code: workshop.joinCode });
    expect(joined.ok).toBe(true);
    if (!joined.ok) return;
    expect(joined.data.serverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{24}$/);
    const session = await fetch(`${joined.data.serverUrl}/_session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: `${joined.data.tenant}/${joined.data.user}`, password: joined.data.password }),
    });
    expect(session.status).toBe(200);
    const { token } = (await session.json()) as { token: string };
    const info = await fetch(`${joined.data.serverUrl}/${joined.data.tenant}-personas`, { headers: { authorization: `Bearer ${token}` } });
    expect(info.status).toBe(200);
    // Without the secret prefix the proxy answers nothing useful.
    const bare = await fetch(`${new URL(joined.data.serverUrl).origin}/_session`);
    expect(bare.status).toBe(404);
    await handlers.stop();
  });

  test('a server with another certificate at the pinned address is refused before anything is sent', { timeout: 30_000 }, async () => {
    const real = await host();
    const impostor = await host();
    const code = decodeJoinCode(real.joinCode);
    if (!code.ok) throw new Error('bad code');
    const impostorUrl = decodeJoinCode(impostor.joinCode);
    if (!impostorUrl.ok) throw new Error('bad code');
    // The real host's code, pointing at the impostor's address.
    const { encodeJoinCode } = await import('../../../common/sync/joinCode');
    const forged = encodeJoinCode({ ...code.data, urls: impostorUrl.data.urls });
    const handlers = createWorkshopHandlers({ dataDir: await mkdtemp(join(tmpdir(), 'cx-j-')), log: memoryLog() });
    const joined = await handlers.join({ code: forged });
    expect(joined).toMatchObject({ ok: false, code: 'unavailable' });
    if (!joined.ok) expect(joined.message).toMatch(/different certificate/);
  });
});
