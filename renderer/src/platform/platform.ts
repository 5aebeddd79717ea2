import type { FileKind, OpenedWorkspaceFile, SaveOutcome, WorkshopConnection } from '../../../common/ipc/contract';
import type { WorkbookBegun } from '../../../common/ipc/workbookSchemas';
import type { SheetColumn, XlsxCell } from '../../../common/export/analyticsSheets';
import type { Result } from '../../../common/result';
import type { Locale, UiLocale } from '../../../common/i18n/locales';

/** A file the user chose to open; `blob` reads it in slices (a large survey file is never read whole). */
export interface OpenedFile { name: string; size: number; blob: Blob; bytes(): Promise<Uint8Array>; text(): Promise<string> }

/**
 * What the app needs from where it runs (STYLE.md "Ports with per-runtime implementations"): the
 * Electron implementation calls the preload API; the web one uses browser downloads and inputs.
 */
export interface Platform {
  /** Which shell the renderer runs in. */
  readonly kind: 'electron' | 'web';
  /** Saves bytes as a file: a native dialog in Electron, a download in a browser. */
  saveFile(args: { suggestedName: string; kind: FileKind; bytes: Uint8Array }): Promise<Result<SaveOutcome>>;
  /**
   * A large workbook written by main from streamed rows (ExcelJS's streaming writer needs Node):
   * Electron only; absent in a browser, where a worker builds the workbook and `saveFile` downloads it.
   */
  readonly workbookStream?: {
    begin(suggestedName: string): Promise<Result<WorkbookBegun>>;
    table(streamId: string, name: string, columns: SheetColumn[]): Promise<Result<{ sheets: number }>>;
    rows(streamId: string, rows: XlsxCell[][]): Promise<Result<{ rows: number }>>;
    finish(streamId: string): Promise<Result<SaveOutcome>>;
    abort(streamId: string): Promise<Result<{ aborted: boolean }>>;
  };
  /**
   * Electron only: the workspace file main opened (File menu, a double-clicked `.cxstudio`), taken
   * once. Main announces one with a `cxstudio:workspace-file` window event.
   */
  takeOpenedWorkspaceFile?(): Promise<Result<{ file: OpenedWorkspaceFile | null }>>;
  /** Electron only: draws the native menu in the app's language (a browser has no menu of ours). */
  setMenuLocale?(locale: UiLocale): Promise<Result<{ menuLocale: Locale }>>;
  /** Lets the user pick one file; resolves null when they cancel. */
  openFile(accept: readonly string[]): Promise<OpenedFile | null>;
  /** Opens an http(s) link the user clicked in their browser. */
  openLink(url: string): Promise<Result<{ opened: boolean }>>;
  /** Hosting and joining a workshop session: only the desktop app can accept connections. */
  readonly workshop: {
    host(): Promise<Result<WorkshopConnection & { joinCode: string }>>;
    stop(): Promise<Result<{ stopped: boolean }>>;
    join(code: string): Promise<Result<WorkshopConnection>>;
  } | null;
  /** Small secrets such as a sync password: OS-encrypted in Electron, tab-only in a browser. */
  readonly secrets: {
    get(key: string): Promise<Result<{ value: string | null }>>;
    set(key: string, value: string): Promise<Result<{ stored: boolean }>>;
    delete(key: string): Promise<Result<{ deleted: boolean }>>;
  };
}

/** Asks the user for one file through a hidden file input (works in both shells). */
export function pickFile(accept: readonly string[]): Promise<OpenedFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept.join(',');
    input.style.display = 'none';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.remove();
      resolve(file ? { name: file.name, size: file.size, blob: file, bytes: async () => new Uint8Array(await file.arrayBuffer()), text: () => file.text() } : null);
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.append(input);
    input.click();
  });
}
