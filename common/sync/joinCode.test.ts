import { describe, expect, test } from 'vitest';
import { decodeJoinCode, encodeJoinCode } from './joinCode';

const info = {
  urls: ['https://192.168.1.20:45123', 'https://10.0.0.5:45123'],
  tenant: 'wk3x9a',
  user: 'team',
  password: 'f3f9c0e1b2a4d5e6',
  fingerprint: 'a'.repeat(64),
};

describe('join codes', () => {
  test('carry the connection details and the certificate fingerprint', () => {
    const code = encodeJoinCode(info);
    expect(code).toMatch(/^CXJ1-[A-Za-z0-9_-]+$/);
    expect(decodeJoinCode(`  ${code}\n`)).toEqual({ ok: true, data: info });
  });

  test('refuse anything that is not a complete, well-formed code', () => {
    const good = encodeJoinCode(info);
    const variants = [
      '', 'hello', 'CXJ1-', 'CXJ1-!!!!', good.slice(0, 20), `CXJ1-${btoa('{"a":1}')}`,
      encodeJoinCode({ ...info, urls: ['http://192.168.1.20:45123'] }),
      encodeJoinCode({ ...info, urls: ['https://user:pw@host:1'] }),
      encodeJoinCode({ ...info, urls: [] }),
      encodeJoinCode({ ...info, tenant: 'Bad-Tenant' }),
      encodeJoinCode({ ...info, password: 'short' }),
      encodeJoinCode({ ...info, fingerprint: 'zz' }),
      `CXJ1-${'A'.repeat(3000)}`,
    ];
    for (const code of variants) {
      const result = decodeJoinCode(code);
      expect(result.ok, code.slice(0, 40)).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/join code/);
    }
  });
});
