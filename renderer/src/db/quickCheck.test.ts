import { describe, expect, test } from 'vitest';
import { Validator } from '@cfworker/json-schema';
import type { Schema } from '@cfworker/json-schema';
import { fillWithDefaultSettings, getRxReplicationMetaInstanceSchema } from 'rxdb/plugins/core';
import type { RxJsonSchema } from 'rxdb/plugins/core';
import { collectionSchemas } from '../../../common/db/collections';
import { samplePersona } from '../../../common/export/samplePersona';
import { quickCheck } from './quickCheck';
import { seededRandom } from '../../../common/random';

type Json = Record<string, unknown>;

const odd = ['', 'a', 'A-1', '_x', '#a1b2c3', '#A1B2C', '2026-12-07', '2026-1-07', 'draft', 'active', 'research', '0', '1', 'x'.repeat(64), 'x'.repeat(65), '😀'.repeat(60), '😀'.repeat(61), '\ud800'.repeat(3), 'a\ud83d', 'é'.repeat(120)];
const numbers = [0, -0, 1, -1, 0.5, 0.3, 1.005, 0.01, 0.015, 0.1, 0.07, 1.1, 12.34, 12.345, 1e-9, 3e-3, 1.5e-7, 123e-20, 1.23e25, 99.99, 100, 100.5, 101, -100, -101, 10, 10.01, 1e21, 1.5e21, 1e-7, 1_700_000_000_000.01, 1_700_000_000_000.015, 1e15, 1e15 + 1, Number.NaN, Infinity, -Infinity, 2 ** 53 + 2];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)]!;
}

/** Any value at all, of every type the validator knows and some it refuses (undefined, a function). */
function anyValue(rnd: () => number, depth = 0): unknown {
  const r = rnd();
  if (r < 0.25) return pick(rnd, odd);
  if (r < 0.5) return pick(rnd, numbers);
  if (r < 0.58) return rnd() < 0.5;
  if (r < 0.64) return null;
  if (r < 0.67) return undefined;
  if (r < 0.69) return () => 1;
  if (r < 0.85 && depth < 3) return Array.from({ length: Math.floor(rnd() * 4) }, () => anyValue(rnd, depth + 1));
  if (depth < 3) return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 3) }, () => [pick(rnd, ['x', 'y', 'w', 'h', 'kind', 'lwt', 'id', 'name']), anyValue(rnd, depth + 1)]));
  return 'leaf';
}

/** Strings that may fit a schema's rules; the generator keeps those that do. */
const candidates = ['a1', 'Z_z-9', 'p1', '#0a0B0c', '2026-12-07', 'ok', 'Maya Chen', 'é😀', 'x'.repeat(10), ...odd];

/** A value meant to pass `schema`: most parts fit, a few sit on or past a boundary on purpose. */
function fitting(schema: unknown, rnd: () => number, depth = 0): unknown {
  if (typeof schema !== 'object' || schema === null) return anyValue(rnd, depth);
  const s = schema as Json;
  const wild = rnd() < 0.03;
  if (Array.isArray(s.enum)) return wild ? anyValue(rnd, depth) : pick(rnd, s.enum as unknown[]);
  const type = Array.isArray(s.type) ? pick(rnd, s.type as string[]) : (s.type as string | undefined);
  if (type === 'object' || s.properties) {
    const out: Json = {};
    const props = (s.properties ?? {}) as Json;
    for (const [key, sub] of Object.entries(props)) if (depth < 4 && ((s.required as string[] | undefined)?.includes(key) || rnd() < 0.7)) out[key] = fitting(sub, rnd, depth + 1);
    return out;
  }
  if (type === 'array') {
    // Now and then exactly at, or one past, its item limits.
    const edge = typeof s.maxItems === 'number' && s.maxItems <= 500 && rnd() < 0.08 ? s.maxItems + Math.floor(rnd() * 2) : typeof s.minItems === 'number' && rnd() < 0.3 ? s.minItems - Math.floor(rnd() * 2) : undefined;
    const item = depth < 4 ? fitting(s.items, rnd, depth + 1) : 'x';
    return Array.from({ length: edge ?? Math.floor(rnd() * 3) }, () => (edge !== undefined ? item : fitting(s.items, rnd, depth + 1)));
  }
  if (type === 'string') {
    if (wild) return pick(rnd, odd);
    const regex = typeof s.pattern === 'string' ? new RegExp(s.pattern, 'u') : undefined;
    const max = typeof s.maxLength === 'number' ? s.maxLength : Infinity;
    const min = typeof s.minLength === 'number' ? s.minLength : 0;
    const fits = candidates.filter((c) => (!regex || regex.test(c)) && [...c].length <= max && [...c].length >= min);
    return fits.length > 0 ? pick(rnd, fits) : pick(rnd, odd);
  }
  if (type === 'number' || type === 'integer') {
    const lo = typeof s.minimum === 'number' ? s.minimum : 0;
    const hi = typeof s.maximum === 'number' ? s.maximum : 100;
    if (wild) return pick(rnd, [lo - 1, hi + 0.5, (lo + hi) / 3, 1_700_000_000_000.015, ...numbers]);
    return pick(rnd, [lo, hi, Math.round((lo + hi) / 2), ...(type === 'number' && hi >= 1_700_000_000_000 ? [1_700_000_000_000.01, 1_700_000_000_000] : [])]);
  }
  if (type === 'boolean') return wild ? 'true' : rnd() < 0.5;
  if (type === 'null') return null;
  return anyValue(rnd, depth);
}

/** One random change somewhere in the value: a replaced, removed or added field or item. */
function mutate(value: unknown, rnd: () => number): unknown {
  if (typeof value !== 'object' || value === null) return anyValue(rnd);
  if (Array.isArray(value)) {
    const copy = [...value];
    if (copy.length > 0 && rnd() < 0.6) copy[Math.floor(rnd() * copy.length)] = rnd() < 0.5 ? mutate(copy[Math.floor(rnd() * copy.length)], rnd) : anyValue(rnd);
    else copy.push(rnd() < 0.5 ? copy[0] : anyValue(rnd));
    return copy;
  }
  const copy: Json = { ...(value as Json) };
  const keys = Object.keys(copy);
  const r = rnd();
  if (keys.length > 0 && r < 0.6) {
    const key = pick(rnd, keys);
    copy[key] = rnd() < 0.6 ? mutate(copy[key], rnd) : anyValue(rnd);
  } else if (keys.length > 0 && r < 0.8) delete copy[pick(rnd, keys)];
  else copy[pick(rnd, ['extra', 'constructor', '__proto__', 'toString', ...keys])] = anyValue(rnd);
  return copy;
}

const filled = Object.entries(collectionSchemas).map(([name, schema]) => [name, fillWithDefaultSettings(schema as unknown as RxJsonSchema<unknown>)] as const);
const schemas: (readonly [string, unknown])[] = [
  ...filled,
  ...filled.map(([name, schema]) => [`meta of ${name}`, getRxReplicationMetaInstanceSchema(schema as never, false)] as [string, unknown]),
];

describe('quick schema check', () => {
  test('every workspace schema and its replication meta schema gets one', () => {
    for (const [name, schema] of schemas) expect(quickCheck(schema), name).toBeTypeOf('function');
  });

  test('passes exactly the documents the full validator passes, over random documents of every schema', () => {
    for (const [name, schema] of schemas) {
      const validator = new Validator(schema as Schema, '7', false);
      const quick = quickCheck(schema)!;
      const seen = { valid: 0, invalid: 0 };
      for (let seed = 1; seed <= 1500; seed++) {
        const rnd = seededRandom(seed);
        let doc = fitting(schema, rnd);
        for (let changes = Math.floor(rnd() * 3); changes > 0; changes--) doc = mutate(doc, rnd);
        let full: boolean;
        try {
          full = validator.validate(doc).valid;
        } catch {
          full = false; // the validator throws on undefined and functions: the quick check must not pass them
        }
        const got = quick(doc);
        if (got !== full) throw new Error(`${name}, seed ${seed}: quick ${got}, full ${full} for ${JSON.stringify(doc)}`);
        seen[full ? 'valid' : 'invalid']++;
      }
      // Both answers are exercised, or the comparison proves little.
      expect(seen.valid, name).toBeGreaterThan(20);
      expect(seen.invalid, name).toBeGreaterThan(20);
    }
  });

  test('a filled-in persona passes, and edge values read as the full validator reads them', () => {
    const personas = filled.find(([name]) => name === 'personas')![1];
    const quick = quickCheck(personas)!;
    const doc = { ...samplePersona('Maya Chen', 'p1'), _deleted: false, _rev: '1-a', _attachments: {}, _meta: { lwt: 1_700_000_000_000.01 } };
    expect(quick(doc)).toBe(true);
    expect(quick({ ...doc, _meta: { lwt: 1_700_000_000_000.015 } })).toBe(false); // not a multiple of 0.01
    expect(quick({ ...doc, _meta: { lwt: 1_700_000_000_000 } })).toBe(true);
    expect(quick({ ...doc, name: '😀'.repeat(120) })).toBe(true); // 120 code points, 240 UTF-16 units
    expect(quick({ ...doc, name: '😀'.repeat(121) })).toBe(false);
    expect(quick({ ...doc, accentColor: '#12345g' })).toBe(false);
    expect(quick({ ...doc, photoAssetId: undefined })).toBe(false); // the full validator throws on it
    const { name: _n, ...nameless } = doc;
    expect(quick(nameless)).toBe(false);
  });

  test('multipleOf reads decimals as the full validator does (0.3 is a multiple of 0.1), over random numbers', () => {
    const rnd = seededRandom(7);
    const values = [...numbers, ...Array.from({ length: 3000 }, () => {
      const places = Math.floor(rnd() * 5);
      const n = Math.round(rnd() * 10 ** (places + 4)) / 10 ** places;
      return rnd() < 0.5 ? n : rnd() < 0.5 ? -n : n * 10 ** -Math.floor(rnd() * 30);
    })];
    for (const multipleOf of [1, 0.1, 0.01, 1e-7, 0.25, 3, 0.3]) {
      const schema = { type: 'number', multipleOf };
      const full = new Validator(schema as Schema, '7', false);
      const quick = quickCheck(schema)!;
      const passed = values.filter((v) => {
        const expected = full.validate(v).valid;
        if (quick(v) !== expected) throw new Error(`multipleOf ${multipleOf}: ${v} quick ${quick(v)}, full ${expected}`);
        return expected;
      });
      expect(passed.length, String(multipleOf)).toBeGreaterThan(10);
      expect(passed.length, String(multipleOf)).toBeLessThan(values.length);
    }
  });

  test('a schema with a keyword it does not know gets none (the full validator alone decides)', () => {
    for (const schema of [{ type: 'object', properties: { a: { const: 1 } } }, { oneOf: [{ type: 'string' }] }, { type: 'array', items: [{ type: 'string' }] }, { enum: [{ a: 1 }] }, { additionalProperties: { type: 'string' } }, { type: 'strnig' }]) {
      expect(quickCheck(schema), JSON.stringify(schema)).toBeUndefined();
    }
  });
});
