import { describe, expect, test } from 'vitest';
import { PageText, StoredJson, feedText, topFields } from './storedJson';

const bytes = (value: unknown, space?: number): Buffer => Buffer.from(JSON.stringify(value, null, space));

describe('reading stored bodies as bytes', () => {
  test('finds the top-level _id and _rev past nested ones, escapes, spaces, non-ASCII text and every kind of value', () => {
    const body = { nested: { _id: 'inner', list: [1, '"}]', { _rev: 'x' }], deep: [[[]]] }, n: -1.5e-3, t: true, f: false, z: null, _id: 'a"b\\c/é', s: '\\', 'ключ"': '😀 "\\"', _rev: '2-abc' };
    expect(topFields(bytes(body))).toEqual({ id: 'a"b\\c/é', rev: '2-abc', attachments: false, conflicts: false });
    expect(topFields(bytes(body, 2))).toEqual({ id: 'a"b\\c/é', rev: '2-abc', attachments: false, conflicts: false });
    expect(topFields(Buffer.from('{}'))).toEqual({ id: undefined, rev: undefined, attachments: false, conflicts: false });
  });

  test('ids only: stops at _id, wherever it is', () => {
    expect(topFields(bytes({ a: { _id: 'no' }, _id: 'yes', _attachments: {} }), true)).toEqual({ id: 'yes', rev: undefined, attachments: false, conflicts: false });
    expect(topFields(bytes({ _rev: '1-a', x: '日本' }), true).id).toBeUndefined();
  });

  test('a key written with escapes is the same key', () => {
    expect(topFields(Buffer.from('{"\\u005fid":"x","_r\\u0065v":"1-a"}'))).toMatchObject({ id: 'x', rev: '1-a' });
    expect(topFields(Buffer.from('{"_idx":"x","_re":"1-a"}'))).toMatchObject({ id: undefined, rev: undefined });
    // A longer key is not decoded because of a backslash somewhere after it in the body.
    expect(topFields(Buffer.from(String.raw`{"_attachmentz":1,"_idd":"x","s":"\"","_i\u0064":"y"}`))).toEqual({ id: 'y', rev: undefined, attachments: false, conflicts: false });
  });

  test('says when a body has _attachments or _conflicts at the top, not inside', () => {
    expect(topFields(bytes({ _id: 'a', _attachments: { 'x.txt': { stub: true } } })).attachments).toBe(true);
    expect(topFields(bytes({ _id: 'a', _conflicts: ['1-x'] })).conflicts).toBe(true);
    expect(topFields(bytes({ _id: 'a', inner: { _attachments: 1, _conflicts: 2 } }))).toMatchObject({ attachments: false, conflicts: false });
  });

  test('refuses bytes that are not a JSON object instead of guessing', () => {
    for (const text of ['[]', '"x"', '{"a":1', '{"a" 1}', '{"a":"x}', '']) expect(() => topFields(Buffer.from(text)), text).toThrow();
  });
});

describe('a change-feed page as bytes', () => {
  const small = { _id: 'q', list: [{ a: '\u2028' }], note: 'ß"\\', _rev: '1-b', _deleted: true };
  // Large enough to be sent as a chunk of its own, with characters of every UTF-8 length.
  const large = { _id: 'p/é', note: 'x'.repeat(20_000) + 'é€😀\n"\\</script>', _rev: '3-a', _conflicts: ['2-b'] };
  const page = {
    results: [
      { id: 'p/é', changes: [{ rev: '3-a' }], doc: new StoredJson(bytes(large)), seq: 3 },
      { id: 'q', changes: [{ rev: '1-b' }], doc: new StoredJson(bytes(small)), seq: 4, deleted: true },
      { id: 'r', changes: [], seq: 5, deleted: undefined },
    ],
    last_seq: 5,
  };
  const parsed = { ...page, results: [{ ...page.results[0], doc: large }, { ...page.results[1], doc: small }, page.results[2]] };

  test('is the JSON that stringifying the parsed page gives, with its newline', () => {
    const text = feedText(page);
    expect(String(text)).toBe(JSON.stringify(parsed) + '\n');
    expect(text.length).toBe(Buffer.byteLength(JSON.stringify(parsed) + '\n'));
    expect(JSON.stringify(page)).toBe(JSON.stringify(parsed));
  });

  test('sends a large body as the buffer it was read into, and joins everything else', () => {
    const text = feedText(page);
    expect(text.chunks).toHaveLength(3);
    expect(text.chunks[1]).toBe(page.results[0]!.doc!.bytes);
    expect(feedText({ results: [page.results[1]!, page.results[2]!], last_seq: 5 }).chunks).toHaveLength(1);
  });

  test('an empty page, and the empty text', () => {
    expect(String(feedText({ results: [], last_seq: 0 }))).toBe('{"results":[],"last_seq":0}\n');
    expect(String(PageText.empty)).toBe('');
  });
});
