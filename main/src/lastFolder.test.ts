import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { createSaveHandler } from './handlers/files';
import { lastFolderStore } from './lastFolder';

const bytes = new TextEncoder().encode('%PDF-1.7 test');

describe('the remembered save folder', () => {
  test('a folder that cannot be remembered is logged, and the save is still reported as saved', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cx-last-'));
    const logged: string[] = [];
    // userData that does not exist: writing last-folder.json throws ENOENT.
    const store = lastFolderStore(join(dir, 'gone', 'userData'), (message) => logged.push(message));
    const save = createSaveHandler({ showSaveDialog: async () => ({ canceled: false, filePath: join(dir, 'Report.pdf') }), lastFolder: store });
    expect(await save({ suggestedName: 'Report', kind: 'pdf', bytes })).toEqual({ ok: true, data: { saved: true, fileName: 'Report.pdf' } });
    expect(await readFile(join(dir, 'Report.pdf'), 'utf8')).toBe('%PDF-1.7 test');
    expect(logged).toEqual(['Could not remember the last save folder']);
  });

  test('remembers the folder when it can', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cx-last-'));
    const store = lastFolderStore(dir, () => { throw new Error('nothing to log'); });
    store.set('/somewhere/else');
    expect(store.get()).toBe('/somewhere/else');
  });
});
