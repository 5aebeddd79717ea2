import { open, readFile, readdir, rename, rm, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeFileAtomic, type AtomicFs } from './atomicWrite';

const bytes = new TextEncoder().encode('%PDF-1.7 new');

/** The real filesystem, recording each call and failing the ones named in `fail`. */
function recordingFs(calls: string[], fail: Partial<Record<string, NodeJS.ErrnoException>> = {}): AtomicFs {
  const maybeFail = (name: string) => {
    calls.push(name);
    const error = fail[name];
    if (error) throw error;
  };
  return {
    open: (async (path: string, flags: string) => {
      const kind = flags === 'r' ? 'folder' : 'file';
      maybeFail(`open ${kind}`);
      const fh = await open(path, flags);
      return {
        writeFile: async (data: Uint8Array) => { maybeFail(`write ${kind}`); await fh.writeFile(data); },
        sync: async () => { maybeFail(`sync ${kind}`); await fh.sync(); },
        close: async () => { calls.push(`close ${kind}`); await fh.close(); },
      };
    }) as unknown as AtomicFs['open'],
    rename: async (from, to) => { maybeFail('rename'); await rename(from, to); },
    rm: async (path, options) => { calls.push('rm'); await rm(path, options); },
  };
}

const ioError = (code: string) => Object.assign(new Error(code), { code });

describe('atomic write', () => {
  test('flushes the bytes to disk before the rename, and the folder after it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cx-atomic-'));
    const calls: string[] = [];
    expect(await writeFileAtomic(join(dir, 'a.pdf'), bytes, recordingFs(calls))).toEqual({ ok: true, data: { path: join(dir, 'a.pdf') } });
    expect(calls).toEqual(['open file', 'write file', 'sync file', 'close file', 'rename', 'open folder', 'sync folder', 'close folder']);
    expect(await readFile(join(dir, 'a.pdf'), 'utf8')).toBe('%PDF-1.7 new');
  });

  test('a failed flush leaves the old file and no temporary file, and says why', async () => {
    for (const code of ['EIO', 'ENOSPC']) {
      const dir = await mkdtemp(join(tmpdir(), 'cx-atomic-'));
      await writeFile(join(dir, 'a.pdf'), 'old');
      const calls: string[] = [];
      const r = await writeFileAtomic(join(dir, 'a.pdf'), bytes, recordingFs(calls, { 'sync file': ioError(code) }));
      expect(r.ok).toBe(false);
      if (code === 'ENOSPC') expect(!r.ok && r.message).toMatch(/not enough disk space/);
      expect(calls).not.toContain('rename');
      expect(await readFile(join(dir, 'a.pdf'), 'utf8')).toBe('old');
      expect(await readdir(dir)).toEqual(['a.pdf']);
    }
  });

  test('a folder that cannot be flushed (Windows) does not fail a complete save', async () => {
    for (const fail of ['open folder', 'sync folder']) {
      const dir = await mkdtemp(join(tmpdir(), 'cx-atomic-'));
      const r = await writeFileAtomic(join(dir, 'a.pdf'), bytes, recordingFs([], { [fail]: ioError('EISDIR') }));
      expect(r.ok).toBe(true);
      expect(await readFile(join(dir, 'a.pdf'), 'utf8')).toBe('%PDF-1.7 new');
    }
  });
});
