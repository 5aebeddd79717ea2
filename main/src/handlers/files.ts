import { basename, dirname, join } from 'node:path';
import type { FileKind, SaveOutcome } from '../../../common/ipc/contract';
import type { Result } from '../../../common/result';
import { ok } from '../../../common/result';
import { writeFileAtomic } from '../atomicWrite';

/** Dialog filter per file kind. */
export const saveFilters: Record<FileKind, { name: string; extensions: string[] }> = {
  png: { name: 'PNG image', extensions: ['png'] },
  pdf: { name: 'PDF document', extensions: ['pdf'] },
  xlsx: { name: 'Excel workbook', extensions: ['xlsx'] },
  csv: { name: 'CSV file', extensions: ['csv'] },
  json: { name: 'JSON file', extensions: ['json'] },
  cxstudio: { name: 'CX Studio workspace', extensions: ['cxstudio'] },
};

/** What the save handler needs from Electron and the disk, injected so it runs under plain Node. */
export interface SaveDeps {
  showSaveDialog(options: { defaultPath: string; filters: { name: string; extensions: string[] }[] }): Promise<{ canceled: boolean; filePath?: string }>;
  lastFolder: { get(): string; set(folder: string): void };
  write?: (path: string, bytes: Uint8Array) => Promise<Result<{ path: string }>>;
}

/**
 * `files:saveAs`: main shows the native dialog and writes the file; the renderer suggests a name
 * only, never a path. The folder the user picked is remembered for the next save.
 */
export function createSaveHandler(deps: SaveDeps) {
  const write = deps.write ?? writeFileAtomic;
  return async ({ suggestedName, kind, bytes }: { suggestedName: string; kind: FileKind; bytes: Uint8Array }): Promise<Result<SaveOutcome>> => {
    const filter = saveFilters[kind];
    const ext = `.${filter.extensions[0]}`;
    const name = suggestedName.toLowerCase().endsWith(ext) ? suggestedName : `${suggestedName}${ext}`;
    const choice = await deps.showSaveDialog({ defaultPath: join(deps.lastFolder.get(), name), filters: [filter] });
    if (choice.canceled || !choice.filePath) return ok({ saved: false });
    const written = await write(choice.filePath, bytes);
    if (!written.ok) return written;
    deps.lastFolder.set(dirname(choice.filePath));
    return ok({ saved: true, fileName: basename(choice.filePath) });
  };
}
