import { chmod, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { describeIoError, writeFileAtomic } from '../atomicWrite';
import { createSaveHandler } from './files';

const bytes = new TextEncoder().encode('%PDF-1.7 test');

async function tempDir() {
  return mkdtemp(join(tmpdir(), 'cx-save-'));
}

describe('files:saveAs', () => {
  test('writes where the user chose, adds the extension and remembers the folder', async () => {
    const dir = await tempDir();
    let remembered = dir;
    const dialogs: string[] = [];
    const save = createSaveHandler({
      showSaveDialog: async ({ defaultPath }) => {
        dialogs.push(defaultPath);
        return { canceled: false, filePath: join(dir, 'Persona Ana.pdf') };
      },
      lastFolder: { get: () => remembered, set: (f) => (remembered = f) },
    });
    const result = await save({ suggestedName: 'Persona Ana', kind: 'pdf', bytes });
    expect(result).toEqual({ ok: true, data: { saved: true, fileName: 'Persona Ana.pdf' } });
    expect(dialogs).toEqual([join(dir, 'Persona Ana.pdf')]);
    expect(await readFile(join(dir, 'Persona Ana.pdf'), 'utf8')).toBe('%PDF-1.7 test');
    expect(remembered).toBe(dir);
    expect(await readdir(dir)).toEqual(['Persona Ana.pdf']);
  });

  test('a cancelled dialog writes nothing', async () => {
    const dir = await tempDir();
    const save = createSaveHandler({ showSaveDialog: async () => ({ canceled: true }), lastFolder: { get: () => dir, set: () => {} } });
    expect(await save({ suggestedName: 'x', kind: 'png', bytes })).toEqual({ ok: true, data: { saved: false } });
    expect(await readdir(dir)).toEqual([]);
  });

  test('a failed write leaves the old file intact and no partial file behind', async () => {
    if (process.getuid?.() === 0) {
      // Root ignores directory permissions, so simulate the failure through a missing folder.
      const dir = await tempDir();
      const result = await writeFileAtomic(join(dir, 'missing', 'out.pdf'), bytes);
      expect(result).toMatchObject({ ok: false, code: 'io-error' });
      if (!result.ok) expect(result.message).toContain('no longer exists');
      expect(await readdir(dir)).toEqual([]);
      return;
    }
    const dir = await tempDir();
    await writeFile(join(dir, 'out.pdf'), 'old');
    await chmod(dir, 0o500);
    const result = await writeFileAtomic(join(dir, 'out.pdf'), bytes);
    await chmod(dir, 0o700);
    expect(result).toMatchObject({ ok: false, code: 'io-error' });
    expect(await readFile(join(dir, 'out.pdf'), 'utf8')).toBe('old');
    expect(await readdir(dir)).toEqual(['out.pdf']);
  });

  test('replacing an existing file is atomic and leaves no temporary file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'out.pdf'), 'old');
    expect((await writeFileAtomic(join(dir, 'out.pdf'), bytes)).ok).toBe(true);
    expect(await readFile(join(dir, 'out.pdf'), 'utf8')).toBe('%PDF-1.7 test');
    expect(await readdir(dir)).toEqual(['out.pdf']);
  });

  test('disk errors become sentences that say what to do', () => {
    expect(describeIoError({ code: 'ENOSPC' }, 'a.pdf')).toMatch(/not enough disk space/);
    expect(describeIoError({ code: 'EACCES' }, 'a.pdf')).toMatch(/permission/);
    expect(describeIoError({ code: 'EROFS' }, 'a.pdf')).toMatch(/permission/);
    expect(describeIoError(null, 'a.pdf')).toMatch(/could not be saved/);
  });
});
