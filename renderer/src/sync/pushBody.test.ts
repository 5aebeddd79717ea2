import { describe, expect, test } from 'vitest';
import { bulkDocsBody, encodeDoc, withRev } from './pushBody';

// Push requests are capped by bytes (issue 20): a document's counted size must be exactly what it
// adds to the body, or a batch near the cap is refused with 413 for a miscount.
const utf8 = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

const docs: Record<string, unknown>[] = [
  { _id: 'ascii', note: 'plain {"quoted"} text\n\t', n: 1 },
  { _id: 'two-byte', note: 'café Ünïcödé' },
  { _id: 'three-byte', note: '日本語のメモ €' },
  { _id: 'surrogate pairs', note: 'emoji 😀 and 𝄞' },
  { _id: 'lone surrogates', note: 'x\ud800y\udc00z\ud83d' },
  { _id: 'controls', note: 'a\u0001b\u001f\u007f\u2028' },
  { _id: 'large', note: 'The customer waited on hold and asked for a call back. '.repeat(4000) + 'ü' },
];

describe('push body', () => {
  test('a document counts exactly the bytes of its JSON, with or without a _rev', () => {
    for (const doc of docs) {
      const plain = encodeDoc(doc);
      expect(plain.bytes).toBe(utf8(JSON.stringify(doc)).length);
      const onTop = withRev(plain, '3-0123abc');
      expect(onTop.bytes).toBe(utf8(JSON.stringify({ ...doc, _rev: '3-0123abc' })).length);
      expect(withRev(plain, undefined)).toBe(plain);
    }
  });

  test('the body is {"docs":[…]} of the documents, _rev last where given, byte for byte', () => {
    const revs = docs.map((_, i) => (i % 2 === 0 ? `${i + 1}-deadbeef${i}` : undefined));
    const encoded = docs.map((doc, i) => withRev(encodeDoc(doc), revs[i]));
    const body = bulkDocsBody(encoded);
    const expected = { docs: docs.map((doc, i) => (revs[i] ? { ...doc, _rev: revs[i] } : doc)) };
    expect(decode(body)).toBe(JSON.stringify(expected));
    expect(JSON.parse(decode(body))).toEqual(expected);
    expect(body.length).toBe(encoded.reduce((n, d) => n + d.bytes, 0) + docs.length - 1 + '{"docs":[]}'.length);
  });

  test('one document and none', () => {
    expect(decode(bulkDocsBody([]))).toBe('{"docs":[]}');
    expect(decode(bulkDocsBody([withRev(encodeDoc({ _id: 'a' }), '1-x')]))).toBe('{"docs":[{"_id":"a","_rev":"1-x"}]}');
  });
});
