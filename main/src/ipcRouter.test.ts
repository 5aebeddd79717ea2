import { describe, expect, test, vi } from 'vitest';
import { channels } from '../../common/ipc/channels';
import { isTrustedUrl } from '../../common/security/trustedUrl';
import { ok } from '../../common/result';
import { createIpcRouter } from './ipcRouter';
import type { Handlers } from './ipcRouter';

function fakeHandlers() {
  const calls: string[] = [];
  const record = (name: string) => async (arg: unknown) => {
    calls.push(`${name}:${JSON.stringify(arg, (_k, v: unknown) => (v instanceof Uint8Array ? `bytes(${v.length})` : v))}`);
    return ok({} as never);
  };
  const handlers = Object.fromEntries(channels.map((c) => [c, record(c)])) as unknown as Handlers;
  return { handlers, calls };
}

const appFrame = { url: 'app://cx-studio/index.html', isMainFrame: true };

describe('IPC router', () => {
  test('refuses calls from foreign or nested frames without running the handler', async () => {
    const { handlers, calls } = fakeHandlers();
    const dispatch = createIpcRouter(handlers, (u) => isTrustedUrl(u));
    const senders = [
      null,
      { url: 'https://evil.example/', isMainFrame: true },
      { url: 'app://cx-studio/index.html', isMainFrame: false },
      { url: 'app://cx-studio.evil/index.html', isMainFrame: true },
      { url: 'file:///etc/passwd', isMainFrame: true },
      { url: 'http://localhost:5173/', isMainFrame: true },
      { url: 'app://user:pw@cx-studio/', isMainFrame: true },
    ];
    for (const sender of senders) {
      const result = await dispatch('app:getInfo', sender, undefined);
      expect(result, JSON.stringify(sender)).toMatchObject({ ok: false, code: 'forbidden-sender' });
    }
    expect(calls).toEqual([]);
  });

  test('refuses unknown channels', async () => {
    const { handlers, calls } = fakeHandlers();
    const dispatch = createIpcRouter(handlers, (u) => isTrustedUrl(u));
    for (const channel of ['files:delete', '', 'constructor', '__proto__', 42, null, 'app:getInfo ']) {
      expect(await dispatch(channel, appFrame, undefined)).toMatchObject({ ok: false, code: 'unknown-channel' });
    }
    expect(calls).toEqual([]);
  });

  test('refuses hostile arguments with a message naming the problem', async () => {
    const { handlers, calls } = fakeHandlers();
    const dispatch = createIpcRouter(handlers, (u) => isTrustedUrl(u));
    const bytes = new Uint8Array([1, 2, 3]);
    const hostile: [string, unknown][] = [
      ['files:saveAs', { suggestedName: '../../.bashrc', kind: 'png', bytes }],
      ['files:saveAs', { suggestedName: '/etc/passwd', kind: 'png', bytes }],
      ['files:saveAs', { suggestedName: 'C:\\Windows\\x', kind: 'png', bytes }],
      ['files:saveAs', { suggestedName: 'a\u0000b', kind: 'png', bytes }],
      ['files:saveAs', { suggestedName: '..', kind: 'png', bytes }],
      ['files:saveAs', { suggestedName: 'ok', kind: 'exe', bytes }],
      ['files:saveAs', { suggestedName: 'ok', kind: 'png', bytes: 'not bytes' }],
      ['files:saveAs', { suggestedName: 'ok', kind: 'png', bytes, path: '/tmp/x' }],
      ['files:saveAs', { suggestedName: 'x'.repeat(201), kind: 'png', bytes }],
      ['files:saveAs', null],
      ['shell:openExternal', { url: 42 }],
      ['shell:openExternal', { url: 'x'.repeat(5000) }],
      ['secrets:set', { key: '../x', value: 'v' }],
      ['secrets:set', { key: 'k', value: 'v'.repeat(5000) }],
      ['secrets:get', {}],
      ['app:getInfo', { anything: true }],
    ];
    for (const [channel, arg] of hostile) {
      const result = await dispatch(channel, appFrame, arg);
      expect(result, `${channel} ${JSON.stringify(arg)}`).toMatchObject({ ok: false, code: 'invalid-argument' });
      if (!result.ok) expect(result.message).toContain(channel);
    }
    expect(calls).toEqual([]);
  });

  test('passes a valid call to its handler', async () => {
    const { handlers, calls } = fakeHandlers();
    const dispatch = createIpcRouter(handlers, (u) => isTrustedUrl(u));
    const result = await dispatch('files:saveAs', appFrame, { suggestedName: 'Persona – Ana.pdf', kind: 'pdf', bytes: new Uint8Array(4) });
    expect(result.ok).toBe(true);
    expect(calls).toEqual(['files:saveAs:{"suggestedName":"Persona – Ana.pdf","kind":"pdf","bytes":"bytes(4)"}']);
  });

  test('a handler that throws becomes a plain internal error, logged, with no stack for the renderer', async () => {
    const { handlers } = fakeHandlers();
    handlers['app:getInfo'] = async () => {
      throw new Error('secret detail at /home/user');
    };
    const log = vi.fn();
    const dispatch = createIpcRouter(handlers, (u) => isTrustedUrl(u), log);
    const result = await dispatch('app:getInfo', appFrame, undefined);
    expect(result).toEqual({ ok: false, code: 'internal', message: 'Something went wrong in the app. Please try again.' });
    expect(log).toHaveBeenCalledOnce();
  });
});
