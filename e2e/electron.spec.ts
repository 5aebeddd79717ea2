import { expect, test } from '@playwright/test';
import { _electron as electron } from 'playwright-core';
import { electronBinary } from '../scripts/electronBinary.mjs';

const binary = electronBinary();

// Electron's binary is downloaded on first start; where that is impossible (these build machines
// have no access to its release host) this test is skipped and says so.
test.describe('desktop shell', () => {
  test.skip(binary === null, 'SKIPPED: Electron binary not installed here (cannot be downloaded); run `npm start` once on a normal machine to enable this test.');
  if (binary === null) console.log('electron.spec: SKIPPED — Electron binary not installed on this machine.');

  test('the window is hardened and the native menu is in place', async () => {
    const app = await electron.launch({ executablePath: binary ?? undefined, args: ['.'] });
    try {
      const page = await app.firstWindow();
      await expect(page.getByRole('heading', { name: 'Personas', level: 1 })).toBeVisible();
      expect(page.url()).toMatch(/^app:\/\/cx-studio\//);
      // Electron 45 has no getter for a window's preferences, so their effects are checked in the page:
      // no Node globals (nodeIntegration off, sandbox on), and only the contract's API from the
      // isolated preload world (contextIsolation on).
      const globals = await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        return { require: typeof w.require, process: typeof w.process, module: typeof w.module, ipcRenderer: typeof w.ipcRenderer, frozenApi: Object.isFrozen(w.cxStudio) };
      });
      expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', ipcRenderer: 'undefined', frozenApi: true });
      const menu = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((i) => i.label));
      expect(menu).toEqual(expect.arrayContaining(['File', 'Edit', 'View', 'Window', 'Help']));
      expect(await page.evaluate(() => Object.keys((window as unknown as { cxStudio: object }).cxStudio).sort())).toEqual(
        ['app:getInfo', 'files:saveAs', 'secrets:delete', 'secrets:get', 'secrets:set', 'shell:openExternal',
          'workbook:abort', 'workbook:begin', 'workbook:finish', 'workbook:rows', 'workbook:table', 'workshop:host', 'workshop:join', 'workshop:stop',
          'workspaceFile:takeOpened'],
      );
    } finally {
      await app.close();
    }
  });
});
