import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, safeStorage, screen, session } from 'electron';
import { join } from 'node:path';
import { appOrigin, appScheme } from '../../common/security/trustedUrl';
import { allowPermission } from './permissions';
import { openExternalLink } from './external';
import { createAppWorkbookStreams, registerIpc } from './ipcMain';
import { menuTemplate } from './menu';
import { createMenuLanguage } from './menuLanguage';
import { createOpenedFiles, readOpenedFile, workspaceFileFromArgv } from './openedFile';
import { serveAppProtocol } from './serveApp';
import { createWorkshopHandlers } from './workshop/handlers';
import { jsonLog } from './log';
import { loadWindowState, trackWindowState } from './windowStore';
import { decideNavigation } from './security';

// app:// must be registered before ready so it behaves like https (fetch, storage, secure context).
protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
]);

const rendererRoot = join(__dirname, '..', 'renderer');
const preloadPath = join(__dirname, '..', 'preload', 'index.cjs');
let mainWindow: BrowserWindow | null = null;
let workshop: ReturnType<typeof createWorkshopHandlers> | null = null;
let workbooks: ReturnType<typeof createAppWorkbookStreams> | null = null;
const openedFiles = createOpenedFiles();

function createWindow(): BrowserWindow {
  const state = loadWindowState(app.getPath('userData'), screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'CX Studio',
    // Literal on purpose: reviewers and electronegativity read the window's hardening right here.
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would open links in a new window, bypassing the window-open handler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (state.maximized) win.maximize();
  trackWindowState(win, app.getPath('userData'));
  win.once('ready-to-show', () => win.show());

  win.webContents.on('will-navigate', (event, url) => {
    const decision = decideNavigation(url);
    if (!decision.allow) {
      event.preventDefault();
      if (decision.openExternally) void openExternalLink(url);
    }
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(({ url }) => {
    const decision = decideNavigation(url);
    if (!decision.allow && decision.openExternally) void openExternalLink(url);
    return { action: 'deny' };
  });
  void win.loadURL(`${appOrigin}/index.html`);
  return win;
}

function openSection(section: string): void {
  mainWindow?.webContents.executeJavaScript(`location.hash = ${JSON.stringify(`#/${section}`)}`).catch(() => {});
}

/**
 * Opens a workspace file chosen in main (menu dialog, file association): main reads it and keeps the
 * bytes for the renderer, which it only tells to ask (`workspaceFile:takeOpened`); the page never
 * names a path. A file opened before the window loaded is taken when the page starts.
 */
async function openWorkspacePath(path: string): Promise<void> {
  const read = await readOpenedFile(path);
  await app.whenReady();
  if (!read.ok) {
    void dialog.showMessageBox({ type: 'error', message: 'The workspace file could not be opened', detail: read.message });
    return;
  }
  openedFiles.offer(read.file);
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
  mainWindow.webContents.executeJavaScript(`window.dispatchEvent(new Event('cxstudio:workspace-file'))`).catch(() => {});
}

async function chooseWorkspaceFile(): Promise<void> {
  const options = { properties: ['openFile' as const], filters: [{ name: 'CX Studio workspace', extensions: ['cxstudio'] }] };
  const choice = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  const path = choice.filePaths[0];
  if (!choice.canceled && path) await openWorkspacePath(path);
}

if (!app.requestSingleInstanceLock()) {
  // Another CX Studio is running: it opens its window instead (one process owns the workspace).
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => {
    // Windows and Linux start a second instance for a double-clicked .cxstudio file.
    const opened = workspaceFileFromArgv(argv, workingDirectory);
    if (opened) void openWorkspacePath(opened);
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // macOS hands a double-clicked file to the running app (also before ready, at launch).
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void openWorkspacePath(path);
  });
  const launchFile = workspaceFileFromArgv(process.argv, process.cwd());
  if (launchFile) void openWorkspacePath(launchFile);

  app.whenReady().then(() => {
    // Only local-network access and persistent storage, and only for the app's own pages.
    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => callback(allowPermission(permission, details.requestingUrl)));
    session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowPermission(permission, requestingOrigin));
    serveAppProtocol(rendererRoot);
    workshop = createWorkshopHandlers({ dataDir: join(app.getPath('userData'), 'workshops'), log: jsonLog });
    workbooks = createAppWorkbookStreams(dialog, app.getPath('userData'));
    const menuActions = {
      openSection,
      openWorkspaceFile: () => void chooseWorkspaceFile(),
      showAbout: () => app.showAboutPanel(),
      openHelp: () => void openExternalLink('https://cxstudio.io/help'),
    };
    // In the system's language until the renderer reports the app's (app:setLocale), then in that.
    const menuLanguage = createMenuLanguage(app.getPreferredSystemLanguages(), (labels) =>
      Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(process.platform === 'darwin', menuActions, labels))),
    );
    registerIpc(ipcMain, { dialog, safeStorage, userData: app.getPath('userData'), version: app.getVersion(), workshop, workbooks, openedFiles, menuLanguage }, (message, error) =>
      console.error(message, error),
    );
    mainWindow = createWindow();
    mainWindow.on('closed', () => {
      mainWindow = null;
      // A workbook the closed window was still streaming will never be finished: delete its temp file.
      void workbooks?.abortAll();
    });
    app.on('activate', () => {
      if (!mainWindow) mainWindow = createWindow();
    });
  }).catch((error: unknown) => {
    console.error('CX Studio failed to start', error);
    app.exit(1);
  });

  // Electron quits as soon as before-quit handlers return, so async cleanup is awaited with the quit
  // held back, then the quit is repeated. A hung cleanup gives up after a few seconds: the temp files
  // of unfinished workbooks and a hosted workshop must not keep the app from closing for good.
  let cleanedUp = false;
  app.on('before-quit', (event) => {
    if (cleanedUp) return;
    event.preventDefault();
    const cleanup = Promise.allSettled([workshop?.stop(), workbooks?.abortAll()]);
    const timeLimit = new Promise((resolve) => setTimeout(resolve, 5000).unref());
    void Promise.race([cleanup, timeLimit]).then(() => {
      cleanedUp = true;
      app.quit();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!decideNavigation(url).allow) event.preventDefault();
    });
  });
}


