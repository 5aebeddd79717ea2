import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, safeStorage, screen, session } from 'electron';
import { join } from 'node:path';
import { appOrigin, appScheme } from '../../common/security/trustedUrl';
import { allowPermission } from './permissions';
import { openExternalLink } from './external';
import { createAppWorkbookStreams, registerIpc } from './ipcMain';
import { menuTemplate } from './menu';
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

if (!app.requestSingleInstanceLock()) {
  // Another CX Studio is running: it opens its window instead (one process owns the workspace).
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.whenReady().then(() => {
    // Only local-network access and persistent storage, and only for the app's own pages.
    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => callback(allowPermission(permission, details.requestingUrl)));
    session.defaultSession.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowPermission(permission, requestingOrigin));
    serveAppProtocol(rendererRoot);
    workshop = createWorkshopHandlers({ dataDir: join(app.getPath('userData'), 'workshops'), log: jsonLog });
    workbooks = createAppWorkbookStreams(dialog, app.getPath('userData'));
    registerIpc(ipcMain, { dialog, safeStorage, userData: app.getPath('userData'), version: app.getVersion(), workshop, workbooks }, (message, error) =>
      console.error(message, error),
    );
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate(process.platform === 'darwin', {
          openSection,
          showAbout: () => app.showAboutPanel(),
          openHelp: () => void openExternalLink('https://cxstudio.io/help'),
        }),
      ),
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

  app.on('before-quit', () => {
    void workshop?.stop();
    void workbooks?.abortAll();
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


