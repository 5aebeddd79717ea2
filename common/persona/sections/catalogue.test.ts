import * as v from 'valibot';
import { describe, expect, test } from 'vitest';
import { sequentialIds } from '../ids';
import { gridColumns, sizeFor } from '../layout';
import { getSectionDef, isSectionType, sectionCatalogue, sectionTypes } from './catalogue';

describe('section catalogue', () => {
  test('offers at least twenty section types with unique stored keys', () => {
    expect(sectionCatalogue.length).toBeGreaterThanOrEqual(20);
    expect(new Set(sectionTypes).size).toBe(sectionTypes.length);
  });

  test('covers every kind of section the persona builder promises', () => {
    const required = [
      'header', 'goals', 'frustrations', 'motivations', 'needs', 'challenges', 'context', 'scenarios', 'expectations',
      'bio', 'quote', 'demographics', 'pieChart', 'barChart', 'channels', 'scales', 'personality', 'technology',
      'brands', 'media', 'custom',
    ];
    for (const type of required) expect(isSectionType(type), type).toBe(true);
  });

  test('the default data of every section passes its own schema', () => {
    for (const def of sectionCatalogue) {
      const result = v.safeParse(def.schema, def.defaultData(sequentialIds('i')));
      expect(result.success ? [] : result.issues.map((i) => i.message), def.type).toEqual([]);
    }
  });

  test('every default size fits both orientations', () => {
    for (const def of sectionCatalogue) {
      for (const o of ['portrait', 'landscape'] as const) {
        const size = sizeFor(def.defaultSize, o);
        expect(size.w).toBeGreaterThanOrEqual(1);
        expect(size.w).toBeLessThanOrEqual(gridColumns[o]);
      }
    }
  });

  test('the channels section offers the eight channels, each with a preference level', () => {
    const data = getSectionDef('channels')!.defaultData(sequentialIds('c')) as { channels: { channel: string; level: number }[] };
    expect(data.channels.map((c) => c.channel)).toEqual(['email', 'sms', 'whatsapp', 'phone', 'web', 'app', 'social', 'inStore']);
  });

  test('a channel listed twice or a level outside 0–4 is refused', () => {
    const schema = getSectionDef('channels')!.schema;
    const twice = { channels: [{ id: 'a', channel: 'email', level: 1 }, { id: 'b', channel: 'email', level: 2 }] };
    expect(v.safeParse(schema, twice).success).toBe(false);
    expect(v.safeParse(schema, { channels: [{ id: 'a', channel: 'fax', level: 1 }] }).success).toBe(false);
    expect(v.safeParse(schema, { channels: [{ id: 'a', channel: 'sms', level: 5 }] }).success).toBe(false);
  });

  test('charts refuse negative and non-finite values', () => {
    const schema = getSectionDef('pieChart')!.schema;
    for (const value of [-1, Number.NaN, Number.POSITIVE_INFINITY, '12']) {
      expect(v.safeParse(schema, { unit: '%', points: [{ id: 'a', label: 'A', value }] }).success, String(value)).toBe(false);
    }
  });

  test('unknown types are not in the catalogue', () => {
    for (const type of ['', 'Goals', 'constructor', '__proto__', 'toString', 'hasOwnProperty']) expect(isSectionType(type), type).toBe(false);
  });
});
