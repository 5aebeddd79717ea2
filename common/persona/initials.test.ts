import { describe, expect, test } from 'vitest';
import { initials } from './initials';

describe('initials', () => {
  test('take the first character of up to two words, in any script', () => {
    expect(initials('Maya Chen')).toBe('MC');
    expect(initials('анна петрова')).toBe('АП');
    expect(initials('田中 太郎')).toBe('田太');
    expect(initials('  ')).toBe('');
  });

  test('never cut what a reader sees as one character', () => {
    const cases: [string, string][] = [
      ['🦊 Fox Trot', '🦊F'],
      ['👩‍👩‍👧 Family', '👩‍👩‍👧F'],
      ['🇯🇵 Japan desk', '🇯🇵J'],
      ['👍🏽 Thumbs', '👍🏽T'],
      ['e\u0301lise Durand', 'E\u0301D'],
      ['\u{1F600}', '\u{1F600}'],
    ];
    for (const [name, expected] of cases) {
      const got = initials(name);
      expect(got, name).toBe(expected);
      // No lone surrogate: the result survives a UTF-8 round trip unchanged.
      expect(new TextDecoder().decode(new TextEncoder().encode(got)), name).toBe(got);
    }
  });
});
