import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, win32 } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { createOpenedFiles, readOpenedFile, workspaceFileExtension, workspaceFileFromArgv } from './openedFile';

describe('a workspace file opened from the OS', () => {
  test('finds the .cxstudio file on a Windows or Linux command line', () => {
    const cases: [string[], string | null][] = [
      [['/opt/cx-studio/cx-studio', '--no-sandbox', '/home/ana/Acme.CXSTUDIO'], '/home/ana/Acme.CXSTUDIO'],
      [['/usr/bin/electron', '.', 'bundle.cxstudio'], resolve('/home/ana', 'bundle.cxstudio')],
      [['/opt/cx-studio/cx-studio', '/a/one.cxstudio', '/a/two.cxstudio'], '/a/two.cxstudio'],
    ];
    for (const [argv, expected] of cases) expect(workspaceFileFromArgv(argv, '/home/ana')).toBe(expected);
    const exe = 'C:\\Program Files\\CX Studio\\CX Studio.exe';
    expect(workspaceFileFromArgv([exe, 'C:\\Users\\ana\\Acme bundle.cxstudio'], 'C:\\', win32)).toBe('C:\\Users\\ana\\Acme bundle.cxstudio');
    expect(workspaceFileFromArgv([exe, 'Acme.cxstudio'], 'D:\\Shared', win32)).toBe('D:\\Shared\\Acme.cxstudio');
  });

  test('ignores everything that is not a workspace file path', () => {
    const hostile = [
      ['cx-studio'],
      ['cx-studio.cxstudio'], // the executable itself is never the file
      ['cx-studio', '--open=/etc/passwd.cxstudio'],
      ['cx-studio', '/etc/passwd'],
      ['cx-studio', 'https://evil.example/x.cxstudio'],
      ['cx-studio', 'file:///etc/x.cxstudio'],
      ['cx-studio', '/tmp/a.cxstudio\0.txt'],
      ['cx-studio', `/${'a'.repeat(5000)}.cxstudio`],
      ['cx-studio', '/tmp/report.cxstudio.pdf'],
    ];
    for (const argv of hostile) expect(workspaceFileFromArgv(argv, '/home/ana'), argv.join(' ')).toBeNull();
  });

  test('reads a file, and refuses folders, other extensions, missing and oversized files with a message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cx-open-'));
    await writeFile(join(dir, 'Acme.cxstudio'), '{"type":"cx-studio.workspace"}');
    await writeFile(join(dir, 'notes.txt'), 'x');
    await mkdir(join(dir, 'folder.cxstudio'));
    const ok = await readOpenedFile(join(dir, 'Acme.cxstudio'));
    expect(ok.ok && ok.file.name).toBe('Acme.cxstudio');
    expect(ok.ok && new TextDecoder().decode(ok.file.bytes)).toBe('{"type":"cx-studio.workspace"}');
    const refused = async (path: string, max?: number) => {
      const r = await readOpenedFile(path, max);
      return r.ok ? 'read' : r.message;
    };
    expect(await refused(join(dir, 'notes.txt'))).toMatch(/not a CX Studio workspace file/);
    expect(await refused(join(dir, 'folder.cxstudio'))).toMatch(/not a file|could not be opened/);
    expect(await refused(join(dir, 'gone.cxstudio'))).toMatch(/could not be opened \(ENOENT\)/);
    expect(await refused(join(dir, 'Acme.cxstudio'), 10)).toMatch(/larger than/);
  });

  test('the renderer takes an opened file once; a newer file replaces one not yet taken', () => {
    const files = createOpenedFiles();
    expect(files.take()).toBeNull();
    files.offer({ name: 'a.cxstudio', bytes: new Uint8Array([1]) });
    files.offer({ name: 'b.cxstudio', bytes: new Uint8Array([2]) });
    expect(files.take()?.name).toBe('b.cxstudio');
    expect(files.take()).toBeNull();
  });
});

test('installers register the extension main accepts', () => {
  const config = parse(readFileSync('electron-builder.yml', 'utf8')) as { fileAssociations?: { ext: string; name: string }[] };
  expect(config.fileAssociations?.map((a) => `.${a.ext}`)).toEqual([workspaceFileExtension]);
});
