import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { channels } from '../common/ipc/channels';

// The preload exactly as packaged (out/preload/index.cjs), run the way a sandboxed preload runs: a
// separate context whose `require` knows only 'electron'. A bundle that needs anything else, or
// exposes more or less than the contract, fails here.
const bundle = join(resolve(__dirname, '..'), 'out', 'preload', 'index.cjs');

function runPreload() {
  if (!existsSync(bundle)) throw new Error('out/preload/index.cjs is missing: run `npm run build` first (npm test builds before the unit tests).');
  const exposed: { key: string; api: Record<string, (arg: unknown) => unknown> }[] = [];
  const invoked: [string, unknown][] = [];
  const requested: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, (arg: unknown) => unknown>) => exposed.push({ key, api }) },
    ipcRenderer: {
      invoke: (channel: string, arg: unknown) => {
        invoked.push([channel, arg]);
        return Promise.resolve({ ok: true, data: channel });
      },
      on: () => {
        throw new Error('the preload must not listen to main');
      },
    },
  };
  const sandboxRequire = (name: string) => {
    requested.push(name);
    if (name === 'electron') return electron;
    throw new Error(`module not found: ${name} (a sandboxed preload can require only electron)`);
  };
  const module = { exports: {} };
  runInNewContext(readFileSync(bundle, 'utf8'), { require: sandboxRequire, module, exports: module.exports, console });
  return { exposed, invoked, requested };
}

describe('the built preload in a sandbox', () => {
  test('requires only electron and exposes exactly the contract, frozen, as window.cxStudio', () => {
    const { exposed, requested } = runPreload();
    expect([...new Set(requested)]).toEqual(['electron']);
    expect(exposed).toHaveLength(1);
    expect(exposed[0]!.key).toBe('cxStudio');
    expect(Object.keys(exposed[0]!.api).sort()).toEqual([...channels].sort());
    expect(Object.isFrozen(exposed[0]!.api)).toBe(true);
  });

  test('each function calls its own channel through ipcRenderer.invoke and returns main’s answer', async () => {
    const { exposed, invoked } = runPreload();
    const api = exposed[0]!.api;
    for (const channel of channels) {
      expect(await api[channel]!({ probe: channel })).toEqual({ ok: true, data: channel });
    }
    expect(invoked).toEqual(channels.map((channel) => [channel, { probe: channel }]));
  });
});
