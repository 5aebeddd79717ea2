import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/**
 * A recording stand-in for the `electron` module, so the built main bundle can be loaded and driven
 * under plain Node where Electron's binary cannot be downloaded. It implements only what main uses,
 * with Electron's documented behaviour where the difference matters to the app (ready happens once,
 * `registerSchemesAsPrivileged` only before ready, one handler per IPC channel, quitting waits for a
 * `before-quit` handler that called `preventDefault`); anything else main touches is missing, so the
 * startup test fails loudly instead of passing over an API the stand-in does not know.
 */

/** One window main created, with the options it passed. */
export interface StandInWindow extends EventEmitter {
  options: Record<string, unknown> & { webPreferences?: Record<string, unknown> };
  loadedUrls: string[];
  webContents: EventEmitter & { scripts: string[]; windowOpenHandler: ((details: { url: string }) => { action: string }) | null };
  destroyed: boolean;
  close(): void;
}

/** Menu items as `Menu.buildFromTemplate` keeps them (the template, nested). */
export interface StandInMenuItem {
  label?: string;
  role?: string;
  accelerator?: string;
  type?: string;
  submenu?: StandInMenuItem[];
  click?: () => void;
}

export interface StandInOptions {
  /** `app.getPath('userData')` and the other paths main asks for. */
  userData: string;
  version: string;
  /** The file the save dialog answers with (undefined: the user cancelled). */
  savePath?: () => string | undefined;
  /** `app.getPreferredSystemLanguages()`, the system's languages in order; `['en-US']` by default. */
  systemLanguages?: string[];
}

type IpcHandler = (event: { senderFrame: { url: string; parent: unknown } | null }, arg: unknown) => unknown;
type ProtocolHandler = (request: Request) => Promise<Response> | Response;

/** What the stand-in saw, for the test to assert on. */
export interface StandInRecord {
  privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[];
  schemesRegisteredAfterReady: boolean;
  protocolHandlers: Map<string, ProtocolHandler>;
  ipcHandlers: Map<string, IpcHandler>;
  windows: StandInWindow[];
  applicationMenu: StandInMenuItem[] | null;
  permissionRequestHandler: ((contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void) | null;
  permissionCheckHandler: ((contents: unknown, permission: string, origin: string) => boolean) | null;
  messageBoxes: Record<string, unknown>[];
  openedExternally: string[];
  singleInstanceLockRequested: boolean;
  /** Set when the app really quit (no `before-quit` handler held it back), with the exit code for `exit`. */
  quit: { how: 'quit' | 'exit'; code: number } | null;
}

/** The stand-in module, what it recorded, and Electron's `ready` to fire when the test chooses. */
export interface ElectronStandIn {
  electron: { app: EventEmitter & { quit(): void } } & Record<string, unknown>;
  record: StandInRecord;
  emitReady(): void;
}

export function createElectronStandIn(options: StandInOptions): ElectronStandIn {
  const record: StandInRecord = {
    privilegedSchemes: [],
    schemesRegisteredAfterReady: false,
    protocolHandlers: new Map(),
    ipcHandlers: new Map(),
    windows: [],
    applicationMenu: null,
    permissionRequestHandler: null,
    permissionCheckHandler: null,
    messageBoxes: [],
    openedExternally: [],
    singleInstanceLockRequested: false,
    quit: null,
  };
  let ready = false;
  let markReady: () => void = () => {};
  const readyPromise = new Promise<void>((resolve) => (markReady = resolve));

  const app = Object.assign(new EventEmitter(), {
    whenReady: () => readyPromise,
    isReady: () => ready,
    requestSingleInstanceLock: () => {
      record.singleInstanceLockRequested = true;
      return true;
    },
    getPath: (name: string) => {
      if (!['userData', 'temp', 'downloads', 'documents', 'home'].includes(name)) throw new Error(`stand-in: app.getPath('${name}') is not known`);
      return options.userData;
    },
    getVersion: () => options.version,
    getPreferredSystemLanguages: () => options.systemLanguages ?? ['en-US'],
    showAboutPanel: () => {},
    /** Electron: `before-quit` handlers may call preventDefault, and then the app keeps running. */
    quit: () => {
      if (record.quit) return;
      let prevented = false;
      app.emit('before-quit', { preventDefault: () => (prevented = true) });
      if (prevented) return;
      app.emit('will-quit', { preventDefault: () => {} });
      record.quit = { how: 'quit', code: 0 };
      app.emit('quit');
    },
    exit: (code = 0) => {
      record.quit ??= { how: 'exit', code };
    },
  });

  class BrowserWindow extends EventEmitter implements StandInWindow {
    options: StandInWindow['options'];
    loadedUrls: string[] = [];
    destroyed = false;
    webContents = Object.assign(new EventEmitter(), {
      scripts: [] as string[],
      windowOpenHandler: null as StandInWindow['webContents']['windowOpenHandler'],
      setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
        this.windowOpenHandler = handler;
      },
      executeJavaScript(code: string) {
        this.scripts.push(code);
        return Promise.resolve(undefined);
      },
    });
    bounds: { x: number; y: number; width: number; height: number };

    constructor(windowOptions: StandInWindow['options']) {
      super();
      if (!ready) throw new Error('stand-in: Cannot create BrowserWindow before app is ready');
      this.options = windowOptions;
      this.bounds = { x: Number(windowOptions.x ?? 0), y: Number(windowOptions.y ?? 0), width: Number(windowOptions.width ?? 800), height: Number(windowOptions.height ?? 600) };
      record.windows.push(this);
    }
    loadURL(url: string) {
      this.loadedUrls.push(url);
      return Promise.resolve();
    }
    show() {}
    focus() {}
    restore() {}
    maximize() {}
    isMinimized() {
      return false;
    }
    isMaximized() {
      return false;
    }
    isDestroyed() {
      return this.destroyed;
    }
    getNormalBounds() {
      return { ...this.bounds };
    }
    close() {
      this.emit('close', { preventDefault: () => {} });
      this.destroyed = true;
      this.emit('closed');
      if (record.windows.every((w) => w.destroyed)) app.emit('window-all-closed');
    }
  }

  const electron = {
    app,
    BrowserWindow,
    Menu: {
      buildFromTemplate: (template: StandInMenuItem[]) => ({ items: template }),
      setApplicationMenu: (menu: { items: StandInMenuItem[] } | null) => {
        record.applicationMenu = menu?.items ?? null;
      },
      getApplicationMenu: () => (record.applicationMenu ? { items: record.applicationMenu } : null),
    },
    ipcMain: {
      handle: (channel: string, handler: IpcHandler) => {
        if (record.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        record.ipcHandlers.set(channel, handler);
      },
      removeHandler: (channel: string) => record.ipcHandlers.delete(channel),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: StandInRecord['privilegedSchemes']) => {
        if (ready) record.schemesRegisteredAfterReady = true;
        record.privilegedSchemes.push(...schemes);
      },
      handle: (scheme: string, handler: ProtocolHandler) => {
        if (!ready) throw new Error('stand-in: protocol.handle before ready');
        record.protocolHandlers.set(scheme, handler);
      },
    },
    net: {
      /** Electron's net.fetch reads file: URLs; Node's fetch does not, so those are read here. */
      fetch: async (url: string) => {
        if (!url.startsWith('file:')) return fetch(url);
        try {
          return new Response(await readFile(fileURLToPath(url)), { status: 200 });
        } catch {
          return new Response('', { status: 404 });
        }
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: StandInRecord['permissionRequestHandler']) => (record.permissionRequestHandler = handler),
        setPermissionCheckHandler: (handler: StandInRecord['permissionCheckHandler']) => (record.permissionCheckHandler = handler),
      },
    },
    dialog: {
      showSaveDialog: async () => {
        const filePath = options.savePath?.();
        return filePath ? { canceled: false, filePath } : { canceled: true, filePath: undefined };
      },
      showOpenDialog: async () => ({ canceled: true, filePaths: [] as string[] }),
      showMessageBox: async (...args: unknown[]) => {
        record.messageBoxes.push(args.find((a) => typeof a === 'object' && a !== null && 'message' in a) as Record<string, unknown>);
        return { response: 0, checkboxChecked: false };
      },
    },
    // Not encryption: a reversible marking, so the secrets handler's round trip can be observed.
    safeStorage: {
      isEncryptionAvailable: () => true,
      encryptString: (text: string) => Buffer.from(`stand-in:${text}`, 'utf8'),
      decryptString: (data: Buffer) => data.toString('utf8').replace(/^stand-in:/, ''),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1440, height: 900 } }] },
    shell: {
      openExternal: async (url: string) => {
        record.openedExternally.push(url);
      },
    },
  };

  return {
    electron,
    record,
    /** Electron's `ready`: once, after which windows and protocol handlers may be made. */
    emitReady() {
      if (ready) return;
      ready = true;
      app.emit('ready', {}, {});
      markReady();
    },
  };
}
