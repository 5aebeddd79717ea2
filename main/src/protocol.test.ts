import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { contentTypeOf, resolveAppFile } from './protocol';

const root = resolve('/opt/cx/renderer');

describe('app:// file resolution', () => {
  test('serves files inside the renderer folder', () => {
    expect(resolveAppFile(root, 'app://cx-studio/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://cx-studio/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://cx-studio/assets/index-1.js?v=1#x')).toBe(join(root, 'assets/index-1.js'));
  });

  test('refuses paths that escape the folder or another host', () => {
    for (const url of [
      'app://cx-studio/assets/..%2F..%2Fetc%2Fpasswd',
      'app://cx-studio/a%5C..%5C..%5Cx',
      'app://cx-studio/a%00.js',
      'app://other/index.html',
      'app://cx-studio/%E0%A4%A',
      'nonsense',
    ])
      expect(resolveAppFile(root, url), url).toBeNull();
  });

  test('dot segments the URL parser resolves still land inside the folder', () => {
    expect(resolveAppFile(root, 'app://cx-studio/../../secrets')).toBe(join(root, 'secrets'));
    expect(resolveAppFile(root, 'app://cx-studio/%2e%2e/%2e%2e/etc/passwd')).toBe(join(root, 'etc/passwd'));
  });

  test('names content types so scripts run as modules', () => {
    expect(contentTypeOf('a/index.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('a/x.unknown')).toBe('application/octet-stream');
  });
});
