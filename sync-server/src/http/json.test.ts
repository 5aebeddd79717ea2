import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseStrictJson } from './json';

describe('strict JSON', () => {
  test('refuses duplicate keys at any depth, however they are spelled', () => {
    for (const text of ['{"a":1,"a":2}', '{"x":{"b":1,"b":1}}', '[{"k":1},{"k":2,"k":3}]', '{"a":1,"\\u0061":2}', '{"é":1,"\\u00e9":2}', '{"a\\"b":1,"a\\"b":2}']) {
      expect(() => parseStrictJson(text), text).toThrow(/Duplicate key/);
    }
  });

  test('refuses __proto__ keys, escaped or not, at any depth', () => {
    for (const text of ['{"__proto__":{}}', '{"a":[{"__proto__":1}]}', '{"\\u005f_proto__":1}', '{"__proto\\u005f_":null}']) {
      expect(() => parseStrictJson(text), text).toThrow(/__proto__/);
    }
  });

  test('refuses malformed JSON', () => {
    for (const text of ['', '{', '{"a":}', "{'a':1}", '[1,]', 'undefined', '{"a":1}}', 'NaN']) {
      expect(() => parseStrictJson(text), text).toThrow(/invalid UTF-8 JSON/);
    }
  });

  test('accepts what looks like a trap but is not: same key in sibling objects, keys inside strings', () => {
    expect(parseStrictJson('[{"a":1},{"a":2}]')).toEqual([{ a: 1 }, { a: 2 }]);
    expect(parseStrictJson('{"a":"{\\"a\\":1,\\"a\\":2}","b":"__proto__"}')).toEqual({ a: '{"a":1,"a":2}', b: '__proto__' });
    expect(parseStrictJson('{"x\\\\":1,"x":2}')).toEqual({ 'x\\': 1, x: 2 });
  });

  test('agrees with JSON.parse on every JSON value without duplicate keys', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = JSON.stringify(value);
        const hasProto = text.includes('"__proto__"');
        if (hasProto) return;
        expect(parseStrictJson(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });
});
