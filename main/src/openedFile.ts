import { open as openFile } from 'node:fs/promises';
import path, { basename } from 'node:path';
import { maxSaveBytes, type OpenedWorkspaceFile } from '../../common/ipc/contract';

/** The extension of workspace files, registered with the OS in electron-builder.yml. */
export const workspaceFileExtension = '.cxstudio';


/**
 * The workspace file named on a command line (Windows and Linux pass a double-clicked file as an
 * argument, to the first instance or through `second-instance`): the last argument that is not a
 * switch and ends in `.cxstudio`, resolved against the launching folder. Anything else (the
 * executable, the app folder in development, Chromium switches, other files) is ignored, so a
 * crafted link cannot make main read an arbitrary file. `paths` is the platform's path module
 * (injected so tests check Windows command lines anywhere).
 */
export function workspaceFileFromArgv(argv: readonly string[], cwd: string, paths: Pick<typeof path, 'isAbsolute' | 'resolve'> = path): string | null {
  for (let i = argv.length - 1; i >= 1; i--) {
    const arg = argv[i];
    if (typeof arg !== 'string' || arg.startsWith('-') || arg.length > 4096 || arg.includes('\0')) continue;
    if (!arg.toLowerCase().endsWith(workspaceFileExtension) || /^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) continue;
    return paths.isAbsolute(arg) ? arg : paths.resolve(cwd, arg);
  }
  return null;
}

/** Reads a workspace file main was asked to open; a message a user can act on when it cannot. */
export async function readOpenedFile(path: string, maxBytes = maxSaveBytes): Promise<{ ok: true; file: OpenedWorkspaceFile } | { ok: false; message: string }> {
  const name = basename(path);
  if (!name.toLowerCase().endsWith(workspaceFileExtension)) return { ok: false, message: `${name} is not a CX Studio workspace file.` };
  try {
    const fh = await openFile(path, 'r');
    try {
      const info = await fh.stat();
      if (!info.isFile()) return { ok: false, message: `${name} is not a file.` };
      if (info.size > maxBytes) return { ok: false, message: `${name} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.` };
      return { ok: true, file: { name, bytes: new Uint8Array(await fh.readFile()) } };
    } finally {
      await fh.close();
    }
  } catch (error) {
    return { ok: false, message: `${name} could not be opened (${(error as { code?: string }).code ?? 'unknown error'}).` };
  }
}

/**
 * The file main opened and the renderer has not taken yet. Main never pushes bytes into the page:
 * it keeps the newest file here and tells the page to ask (`workspaceFile:takeOpened`), which also
 * covers a file opened before the window had loaded. One at a time: a newer file replaces an older.
 */
export function createOpenedFiles() {
  let pending: OpenedWorkspaceFile | null = null;
  return {
    offer(file: OpenedWorkspaceFile): void {
      pending = file;
    },
    take(): OpenedWorkspaceFile | null {
      const file = pending;
      pending = null;
      return file;
    },
  };
}
