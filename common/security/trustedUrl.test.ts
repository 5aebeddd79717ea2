import { describe, expect, test } from 'vitest';
import { isExternalLink, isTrustedUrl } from './trustedUrl';

describe('isTrustedUrl', () => {
  test('accepts the app origin', () => {
    for (const url of ['app://cx-studio/index.html', 'app://cx-studio/', 'app://cx-studio/index.html#/personas/a'])
      expect(isTrustedUrl(url)).toBe(true);
  });

  test('rejects misleading URLs', () => {
    for (const url of [
      'https://evil.example/?next=app://cx-studio',
      'app://cx-studio.evil.example/',
      'app://evil/',
      'app://user:pw@cx-studio/',
      'http://localhost:5173/',
      'http://localhost.evil.example',
      'file:///tmp/a',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'not a url',
      '',
    ])
      expect(isTrustedUrl(url), url).toBe(false);
  });

  test('accepts a development server only on its exact loopback origin', () => {
    const dev = 'http://localhost:5173';
    expect(isTrustedUrl('http://localhost:5173/index.html', dev)).toBe(true);
    for (const url of ['http://localhost:5174/', 'https://localhost:5173/', 'http://127.0.0.2:5173/', 'http://localhost.evil:5173/'])
      expect(isTrustedUrl(url, dev), url).toBe(false);
    expect(isTrustedUrl('http://evil.example/', 'http://evil.example')).toBe(false);
    expect(isTrustedUrl('http://x/', 'garbage')).toBe(false);
  });
});

describe('isExternalLink', () => {
  test('allows plain http(s) links only', () => {
    expect(isExternalLink('https://example.com/docs')).toBe(true);
    expect(isExternalLink('http://example.com')).toBe(true);
    for (const url of ['file:///etc/passwd', 'smb://host/share', 'javascript:alert(1)', 'ms-settings:', 'https://user:pw@example.com', 'app://cx-studio/', 'https://', 'nonsense'])
      expect(isExternalLink(url), url).toBe(false);
  });
});
