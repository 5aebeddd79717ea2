import { describe, expect, test } from 'vitest';
import { utf8Length } from './couchPush';

// Push requests are capped by bytes (issue 20): the count must equal the encoded length exactly,
// or a batch near the cap is refused with 413 for a miscount.
describe('utf8Length', () => {
  const encoded = (text: string) => new TextEncoder().encode(text).byteLength;
  test.each([
    ['empty', ''],
    ['ASCII with JSON whitespace', '{"a":"b c"}\n\t\r'],
    ['control characters', 'a\u0001b\u001f\u007f'],
    ['two-byte', 'café Ünïcödé'],
    ['three-byte', '日本語のメモ €'],
    ['surrogate pairs', 'emoji 😀 and 𝄞'],
    ['lone surrogates', 'x\ud800y\udc00z\ud83d'],
  ])('%s', (_, text) => {
    expect(utf8Length(text)).toBe(encoded(text));
  });

  test('a 200 KB document, ASCII and not', () => {
    const note = 'The customer waited on hold and asked for a call back. '.repeat(4000);
    expect(utf8Length(JSON.stringify({ note }))).toBe(encoded(JSON.stringify({ note })));
    expect(utf8Length(JSON.stringify({ note: `${note}ü` }))).toBe(encoded(JSON.stringify({ note: `${note}ü` })));
  });
});
