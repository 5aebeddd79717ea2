import { describe, expect, test } from 'vitest';
import { StoredJson, feedText, topFields } from './storedJson';

describe('reading stored bodies as text', () => {
  test('finds the top-level _id and _rev past nested ones, escapes, spaces and every kind of value', () => {
    const body = { nested: { _id: 'inner', list: [1, '"}]', { _rev: 'x' }], deep: [[[]]] }, n: -1.5e-3, t: true, f: false, z: null, _id: 'a"b\\c/é', s: '\\', _rev: '2-abc' };
    expect(topFields(JSON.stringify(body))).toEqual({ id: 'a"b\\c/é', rev: '2-abc', attachments: false, conflicts: false });
    expect(topFields(JSON.stringify(body, null, 2))).toEqual({ id: 'a"b\\c/é', rev: '2-abc', attachments: false, conflicts: false });
    expect(topFields('{}')).toEqual({ id: undefined, rev: undefined, attachments: false, conflicts: false });
  });

  test('says when a body has _attachments or _conflicts at the top, not inside', () => {
    expect(topFields(JSON.stringify({ _id: 'a', _attachments: { 'x.txt': { stub: true } } })).attachments).toBe(true);
    expect(topFields(JSON.stringify({ _id: 'a', _conflicts: ['1-x'] })).conflicts).toBe(true);
    expect(topFields(JSON.stringify({ _id: 'a', inner: { _attachments: 1, _conflicts: 2 } }))).toMatchObject({ attachments: false, conflicts: false });
  });

  test('refuses text that is not a JSON object instead of guessing', () => {
    for (const text of ['[]', '"x"', '{"a":1', '{"a" 1}', '{"a":"x}']) expect(() => topFields(text), text).toThrow();
  });

  test('a page with stored bodies spliced in is the JSON that stringifying the parsed page gives', () => {
    const doc = { _id: 'p', note: 'x'.repeat(1000), list: [{ a: '\u2028' }], _rev: '1-a' };
    const page = { results: [{ id: 'p', changes: [{ rev: '1-a' }], doc: new StoredJson(JSON.stringify(doc)), seq: 3, deleted: true }, { id: 'q', changes: [], seq: 4 }], last_seq: 4 };
    const parsed = { ...page, results: [{ ...page.results[0], doc }, page.results[1]] };
    expect(feedText(page)).toBe(JSON.stringify(parsed));
    expect(JSON.stringify(page)).toBe(JSON.stringify(parsed));
  });
});
