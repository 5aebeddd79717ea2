import type { Dialog, IpcMain, SafeStorage } from 'electron';
import { join } from 'node:path';
import { channels } from '../../common/ipc/channels';
import { isTrustedUrl } from '../../common/security/trustedUrl';
import { ok } from '../../common/result';
import { openExternalLink } from './external';
import { createSaveHandler } from './handlers/files';
import { createSecretStore } from './handlers/secrets';
import { createWorkbookStreams } from './handlers/workbookStream';
import { createIpcRouter } from './ipcRouter';
import { lastFolderStore } from './lastFolder';
import { createOpenedFiles } from './openedFile';
import type { Handlers } from './ipcRouter';
import type { createWorkshopHandlers } from './workshop/handlers';
import type { MenuLanguage } from './menuLanguage';

/** What registering the IPC handlers needs from Electron. */
export interface IpcDeps {
  dialog: Dialog;
  safeStorage: SafeStorage;
  userData: string;
  version: string;
  workshop: ReturnType<typeof createWorkshopHandlers>;
  /** Streamed workbooks; created here when absent (tests), passed in by the app to clean up on quit. */
  workbooks?: ReturnType<typeof createWorkbookStreams>;
  /** Workspace files main opened for the renderer to take; an empty queue when absent (tests). */
  openedFiles?: ReturnType<typeof createOpenedFiles>;
  /** The native menu's language; absent in tests that build no menu (the call is then acknowledged in English). */
  menuLanguage?: MenuLanguage;
}

/** The streamed-workbook handlers with the app's dialog and remembered folder. */
export function createAppWorkbookStreams(dialog: Dialog, userData: string): ReturnType<typeof createWorkbookStreams> {
  return createWorkbookStreams({ showSaveDialog: (options) => dialog.showSaveDialog(options), lastFolder: lastFolderStore(userData) });
}

/** The handlers of every channel of the contract. */
export function createHandlers(deps: IpcDeps): Handlers {
  const secrets = createSecretStore(deps.safeStorage, join(deps.userData, 'secrets.json'));
  const workbooks = deps.workbooks ?? createAppWorkbookStreams(deps.dialog, deps.userData);
  const openedFiles = deps.openedFiles ?? createOpenedFiles();
  return {
    'app:getInfo': async () => ok({ version: deps.version, platform: process.platform, shell: 'electron' }),
    'app:setLocale': async ({ locale }) => ok({ menuLocale: deps.menuLanguage ? deps.menuLanguage.set(locale) : 'en' }),
    'files:saveAs': createSaveHandler({
      showSaveDialog: (options) => deps.dialog.showSaveDialog(options),
      lastFolder: lastFolderStore(deps.userData),
    }),
    'shell:openExternal': async ({ url }) => ok({ opened: await openExternalLink(url) }),
    'secrets:set': secrets.set,
    'secrets:get': secrets.get,
    'secrets:delete': secrets.delete,
    'workshop:host': () => deps.workshop.host(),
    'workshop:stop': () => deps.workshop.stop(),
    'workshop:join': (arg) => deps.workshop.join(arg),
    'workbook:begin': (arg) => workbooks.begin(arg),
    'workbook:table': (arg) => workbooks.table(arg),
    'workbook:rows': (arg) => workbooks.rows(arg),
    'workbook:finish': (arg) => workbooks.finish(arg),
    'workbook:abort': (arg) => workbooks.abort(arg),
    'workspaceFile:takeOpened': async () => ok({ file: openedFiles.take() }),
  };
}

/** Registers one validated handler per channel; unknown channels are never registered. */
export function registerIpc(ipc: IpcMain, deps: IpcDeps, log: (message: string, error: unknown) => void): void {
  const dispatch = createIpcRouter(createHandlers(deps), (url) => isTrustedUrl(url), log);
  for (const channel of channels) {
    ipc.handle(channel, (event, arg: unknown) => {
      const frame = event.senderFrame;
      const sender = frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
      return dispatch(channel, sender, arg);
    });
  }
}
