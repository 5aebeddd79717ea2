import { describe, expect, test } from 'vitest';
import { allowPermission } from './permissions';

describe('permissions', () => {
  test("the app's pages may reach the local network (team server, workshop host) and keep their storage", () => {
    for (const p of ['local-network-access', 'local-network', 'loopback-network', 'persistent-storage']) {
      expect(allowPermission(p, 'app://cx-studio')).toBe(true);
      expect(allowPermission(p, 'app://cx-studio/index.html#/sync')).toBe(true);
    }
  });

  test('anything else, or any other origin, is refused', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'unknown']) expect(allowPermission(p, 'app://cx-studio')).toBe(false);
    for (const origin of ['https://example.com', 'app://cx-studio.evil', 'app://other', 'file:///etc/passwd', 'null', '', undefined]) {
      expect(allowPermission('loopback-network', origin)).toBe(false);
    }
  });
});
