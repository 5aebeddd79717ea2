import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { channels } from '../common/ipc/channels';
import { contentSecurityPolicy } from '../common/security/csp';
import { decodeJoinCode, encodeJoinCode } from '../common/sync/joinCode';
import { createElectronStandIn } from './testing/electronStandIn';
import type { ElectronStandIn, StandInMenuItem, StandInWindow } from './testing/electronStandIn';
import { loadBundleWithElectron } from './testing/loadBundle';
import type { LoadedBundle } from './testing/loadBundle';
import { productionPackages } from './testing/packaging';

// The desktop app exactly as packaged: out/main/index.cjs and out/preload/index.cjs, built by
// `npm run build` (npm test builds before the unit tests). Electron's binary cannot be downloaded on
// these machines, so `require('electron')` is answered by a recording stand-in and the test drives
// the lifecycle Electron would: ready, the window, app://, IPC, the menu, files opened from the OS,
// workshop hosting and quitting.
const root = resolve(__dirname, '..');
const mainBundle = join(root, 'out', 'main', 'index.cjs');
const preloadBundle = join(root, 'out', 'preload', 'index.cjs');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
const appPage = 'app://cx-studio/index.html';

async function waitFor<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, ms = 20_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the built desktop app starts and runs (out/main/index.cjs under a recording electron stand-in)', () => {
  let standIn: ElectronStandIn;
  let loaded: LoadedBundle;
  let userData: string;
  let window: StandInWindow;
  let saveTarget: string | undefined;

  const invoke = async (channel: string, arg?: unknown, url = appPage) => {
    const handler = standIn.record.ipcHandlers.get(channel);
    if (!handler) throw new Error(`no IPC handler for ${channel}`);
    return (await handler({ senderFrame: { url, parent: null } }, arg)) as { ok: boolean; data?: Record<string, unknown>; code?: string; message?: string };
  };

  beforeAll(async () => {
    if (!existsSync(mainBundle) || !existsSync(preloadBundle)) {
      throw new Error('out/main/index.cjs or out/preload/index.cjs is missing: run `npm run build` first (npm test builds before the unit tests).');
    }
    userData = await mkdtemp(join(tmpdir(), 'cx-startup-'));
    // The window a user left last time: the app must open where it was.
    await writeFile(join(userData, 'window-state.json'), JSON.stringify({ bounds: { x: 40, y: 30, width: 1100, height: 700 }, maximized: false }));
    standIn = createElectronStandIn({ userData, version, savePath: () => saveTarget });
    loaded = loadBundleWithElectron(mainBundle, standIn.electron);
  });

  afterAll(async () => {
    // Leave nothing running if an assertion stopped the test before quitting.
    if (standIn && !standIn.record.quit) await invoke('workshop:stop').catch(() => {});
    loaded?.restore();
  });

  test('loads without throwing and registers app:// as privileged before ready, under the single-instance lock', () => {
    expect(standIn.record.singleInstanceLockRequested).toBe(true);
    expect(standIn.record.privilegedSchemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) }]);
    expect(standIn.record.schemesRegisteredAfterReady).toBe(false);
    expect(standIn.record.windows).toHaveLength(0);
  });

  test('on ready: one window with the hardened web preferences, loading the app from app://', async () => {
    standIn.emitReady();
    window = await waitFor('the main window', () => standIn.record.windows[0]);
    await new Promise((r) => setTimeout(r, 50));
    expect(standIn.record.windows).toHaveLength(1);
    expect(window.options.webPreferences).toEqual(
      expect.objectContaining({
        preload: preloadBundle,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
      }),
    );
    expect(window.loadedUrls).toEqual([appPage]);
    expect(window.options).toMatchObject({ x: 40, y: 30, width: 1100, height: 700, minWidth: 800, minHeight: 560 });
  });

  test('app:// serves index.html and a hashed asset with the CSP header, and nothing outside the renderer', async () => {
    const handler = standIn.record.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    const page = await handler!(new Request(appPage));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval/);
    const html = await page.text();
    const asset = /<script[^>]+src="([^"]*assets\/[^"]+-[A-Za-z0-9_-]{8}\.js)"/.exec(html)?.[1];
    expect(asset, 'index.html names a hashed script').toBeDefined();
    const script = await handler!(new Request(new URL(asset!, appPage).href));
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    for (const hostile of ['app://cx-studio/../main/index.cjs', 'app://cx-studio/%2e%2e/main/index.cjs', 'app://cx-studio/..%2fmain%2findex.cjs', 'app://evil/index.html']) {
      expect((await handler!(new Request(hostile))).status, hostile).toBe(404);
    }
  });

  test('registers exactly the IPC contract, and refuses callers outside the app window', async () => {
    expect([...standIn.record.ipcHandlers.keys()].sort()).toEqual([...channels].sort());
    expect(await invoke('app:getInfo')).toEqual({ ok: true, data: { version, platform: process.platform, shell: 'electron' } });
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/index.html']) {
      expect(await invoke('app:getInfo', undefined, url)).toMatchObject({ ok: false, code: 'forbidden-sender' });
    }
    expect(await invoke('workbook:begin', { suggestedName: 42 })).toMatchObject({ ok: false });
  });

  test('secrets go through safeStorage and survive in the profile, never as plain text', async () => {
    expect(await invoke('secrets:set', { key: 'sync-password', value: 'correct horse' })).toEqual({ ok: true, data: { stored: true } });
    expect(await invoke('secrets:get', { key: 'sync-password' })).toEqual({ ok: true, data: { value: 'correct horse' } });
    expect(readFileSync(join(userData, 'secrets.json'), 'utf8')).not.toContain('correct horse');
    expect(await invoke('secrets:delete', { key: 'sync-password' })).toEqual({ ok: true, data: { deleted: true } });
  });

  test('the native menu has File, Edit, View, Window and Help with their accelerators', () => {
    const menu = standIn.record.applicationMenu;
    expect(menu?.map((item) => item.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    const find = (items: StandInMenuItem[] | undefined, label: string) => items?.find((i) => i.label === label);
    const file = find(menu!, 'File')!.submenu!;
    expect(find(file, 'Open Workspace File…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(['Personas', 'Journeys', 'Data', 'Analytics', 'Sync'].map((l) => find(file, l)?.accelerator)).toEqual(['CmdOrCtrl+1', 'CmdOrCtrl+2', 'CmdOrCtrl+3', 'CmdOrCtrl+4', 'CmdOrCtrl+5']);
    expect(find(menu!, 'Edit')!.submenu!.map((i) => i.role)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']));
    expect(find(menu!, 'View')!.submenu!.map((i) => i.role)).toEqual(expect.arrayContaining(['reload', 'zoomIn', 'zoomOut', 'togglefullscreen']));
    find(file, 'Journeys')!.click!();
    expect(window.webContents.scripts).toContain('location.hash = "#/journeys"');
  });

  // The stand-in lacked app.getPreferredSystemLanguages when main began to call it at start: the
  // built app threw on ready ("failed to start") and only this file saw it.
  test('the native menu follows the language the app reports, and back', async () => {
    expect(await invoke('app:setLocale', { locale: 'de' })).toEqual({ ok: true, data: { menuLocale: 'de' } });
    expect(standIn.record.applicationMenu?.map((item) => item.label)[0]).toBe('Datei');
    expect(await invoke('app:setLocale', { locale: 'en' })).toEqual({ ok: true, data: { menuLocale: 'en' } });
    expect(standIn.record.applicationMenu?.map((item) => item.label)[0]).toBe('File');
  });

  test('navigation away from the app is refused, links open in the system browser, only local-network permissions are granted', async () => {
    let prevented = false;
    window.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://example.com/page');
    expect(prevented).toBe(true);
    expect(window.webContents.windowOpenHandler!({ url: 'https://example.com/help' })).toEqual({ action: 'deny' });
    await waitFor('the link to open externally', () => standIn.record.openedExternally.includes('https://example.com/help'));
    const ask = (permission: string, url: string) =>
      new Promise<boolean>((done) => standIn.record.permissionRequestHandler!(null, permission, done, { requestingUrl: url }));
    expect(await ask('local-network-access', appPage)).toBe(true);
    expect(await ask('camera', appPage)).toBe(false);
    expect(await ask('local-network-access', 'https://evil.example/')).toBe(false);
  });

  test('a .cxstudio file from a second instance or from macOS open-file reaches the page, and nothing else is read', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cx-opened-'));
    const bundle = join(dir, 'Client bundle.cxstudio');
    await writeFile(bundle, Buffer.from('{"type":"cx-studio-workspace"}'));
    await writeFile(join(dir, 'notes.txt'), 'secret');
    const before = window.webContents.scripts.length;
    standIn.electron.app.emit('second-instance', {}, ['/opt/cx-studio/cx-studio', '--flag', join(dir, 'notes.txt')], dir);
    standIn.electron.app.emit('second-instance', {}, ['/opt/cx-studio/cx-studio', 'Client bundle.cxstudio'], dir);
    await waitFor('the page to be told', () => window.webContents.scripts.slice(before).some((s) => s.includes('cxstudio:workspace-file')));
    const taken = await invoke('workspaceFile:takeOpened');
    expect(taken.ok).toBe(true);
    const file = taken.data!.file as { name: string; bytes: Uint8Array };
    expect(file.name).toBe('Client bundle.cxstudio');
    expect(Buffer.from(file.bytes).toString()).toBe('{"type":"cx-studio-workspace"}');
    expect((await invoke('workspaceFile:takeOpened')).data).toEqual({ file: null });

    let prevented = false;
    standIn.electron.app.emit('open-file', { preventDefault: () => (prevented = true) }, bundle);
    expect(prevented).toBe(true);
    const opened = await waitFor('open-file to offer the file', async () => (await invoke('workspaceFile:takeOpened')).data!.file as { name: string } | null);
    expect(opened.name).toBe('Client bundle.cxstudio');

    standIn.electron.app.emit('open-file', { preventDefault: () => {} }, join(dir, 'missing.cxstudio'));
    const box = await waitFor('an error for a file that cannot be read', () => standIn.record.messageBoxes[0]);
    expect(box).toMatchObject({ type: 'error', message: 'The workspace file could not be opened' });
  });

  test('hosts a workshop through the bundle (real TLS server), and a teammate joins over the pinned proxy', { timeout: 60_000 }, async () => {
    const hosted = await invoke('workshop:host');
    expect(hosted, JSON.stringify(hosted)).toMatchObject({ ok: true });
    const { serverUrl, tenant, user, password, joinCode } = hosted.data as Record<string, string>;
    expect(serverUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    const basic = (name: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${tenant}/${name}:${secret}`).toString('base64')}` });
    const hostSession = await fetch(`${serverUrl}/_session`, { headers: basic(user!, password!) });
    expect(hostSession.status).toBe(200);

    // The join code lists the laptop's LAN addresses; the test joins over loopback only.
    const code = decodeJoinCode(joinCode!);
    expect(code.ok).toBe(true);
    if (!code.ok) return;
    const port = new URL(code.data.urls[0]!).port;
    const loopbackCode = encodeJoinCode({ ...code.data, urls: [`https://127.0.0.1:${port}`] });
    const joined = await invoke('workshop:join', { code: loopbackCode });
    expect(joined, JSON.stringify(joined)).toMatchObject({ ok: true });
    const joiner = joined.data as Record<string, string>;
    const write = await fetch(`${joiner.serverUrl}/${tenant}-personas/p1`, {
      method: 'PUT',
      headers: { ...basic(joiner.user!, joiner.password!), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Written by the joiner' }),
    });
    expect(write.status).toBe(201);
    const read = await fetch(`${serverUrl}/${tenant}-personas/p1`, { headers: basic(user!, password!) });
    expect(((await read.json()) as { name: string }).name).toBe('Written by the joiner');
    // A forged certificate fingerprint is refused: the pinned proxy never starts.
    const forged = await invoke('workshop:join', { code: encodeJoinCode({ ...code.data, urls: [`https://127.0.0.1:${port}`], fingerprint: 'a'.repeat(64) }) });
    expect(forged).toMatchObject({ ok: false, code: 'unavailable' });
  });

  test('quitting waits for cleanup: the workshop stops and unfinished workbook files are deleted', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cx-workbook-'));
    saveTarget = join(dir, 'report.xlsx');
    const begun = await invoke('workbook:begin', { suggestedName: 'report.xlsx' });
    expect(begun, JSON.stringify(begun)).toMatchObject({ ok: true });
    expect((await readdir(dir)).filter((f) => f.endsWith('.partial'))).toHaveLength(1);
    const workshopUrl = (await invoke('workshop:host')).code;
    expect(workshopUrl).toBe('conflict'); // still hosting from the previous test

    standIn.electron.app.quit();
    await waitFor('the app to quit', () => standIn.record.quit, 20_000);
    expect(standIn.record.quit).toEqual({ how: 'quit', code: 0 });
    expect(await readdir(dir)).toEqual([]);
    expect((await invoke('workshop:stop')).data).toEqual({ stopped: false });
  });

  test('everything main required at run time ships with the app: a Node built-in, electron, or a production dependency', () => {
    const shipped = productionPackages(root);
    expect(loaded.required.size).toBeGreaterThan(0);
    for (const name of loaded.required) {
      const pkg = name.startsWith('@') ? name.split('/').slice(0, 2).join('/') : name.split('/')[0]!;
      expect(shipped.has(pkg), `${name} is required by main but is not a production dependency (electron-builder would not ship it)`).toBe(true);
    }
  });
});
