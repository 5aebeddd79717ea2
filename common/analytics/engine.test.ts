import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { tableFromRecords } from '../import/records';
import { analyse, analyseAsync } from './analyse';
import { bucketOf } from './fraction';
import { referenceScore, type PlainResponse } from './reference';
import type { Rule } from './rules';
import { explainRow } from './explain';
import { numeratorAt } from './kernels';

const columns = [
  { key: 'respondentId', type: 'id' }, { key: 'age', type: 'number' }, { key: 'nps', type: 'number' },
  { key: 'location', type: 'category' }, { key: 'goals', type: 'multi' }, { key: 'gender', type: 'category' },
] as const;
const cities = ['London', 'Leeds', 'Paris', ' london ', 'LEEDS', 'Zürich'];
const goals = ['save time', 'Save Time', 'reduce errors', 'learn', 'grow'];

const responseArb = fc.record({
  age: fc.oneof(fc.constant(null), fc.integer({ min: 10, max: 90 }), fc.double({ min: 0, max: 120, noNaN: true })),
  nps: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 10 })),
  location: fc.oneof(fc.constant(null), fc.constantFrom(...cities)),
  goals: fc.oneof(fc.constant(null), fc.uniqueArray(fc.constantFrom(...goals), { maxLength: 3 })),
  gender: fc.oneof(fc.constant(null), fc.constantFrom('f', 'm', 'x')),
});
const ruleArb: fc.Arbitrary<Rule> = fc.oneof(
  fc.record({ kind: fc.constant('range' as const), column: fc.constantFrom('age', 'nps'), min: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }), max: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ kind: fc.constant('oneOf' as const), column: fc.constantFrom('location', 'gender', 'age'), values: fc.array(fc.constantFrom(...cities, 'f', 'x'), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('overlap' as const), column: fc.constantFrom('goals', 'location', 'missing'), values: fc.array(fc.constantFrom(...goals, 'London'), { minLength: 1, maxLength: 3 }) }),
).chain((r) => fc.record({ id: fc.constant('r'), weight: fc.option(fc.integer({ min: 1, max: 400 }).map((w) => w / 4), { nil: undefined }) }).map((extra) => ({ ...r, ...extra } as Rule)));
const personaArb = fc.array(ruleArb, { maxLength: 7 }).map((rules) => rules.map((r, i) => ({ ...r, id: `r${i}` })));

function toPlain(rows: Record<string, unknown>[]): PlainResponse[] {
  return rows.map((r) => ({ ...r, goals: Array.isArray(r.goals) && r.goals.length === 0 ? null : (r.goals as string[] | null) }) as PlainResponse);
}

describe('column kernels agree with the plain reference algorithm', () => {
  test('every response gets exactly the reference score for every persona', () => {
    fc.assert(fc.property(fc.array(responseArb, { maxLength: 60 }), fc.array(personaArb, { minLength: 1, maxLength: 4 }), (rows, personas) => {
      const table = tableFromRecords(rows.map((r, i) => ({ ...r, respondentId: `id${i}` })), columns, { maxRows: 7 });
      const result = analyse(table, personas.map((rules, p) => ({ id: `p${p}`, name: `P${p}`, rules })));
      const plain = toPlain(rows);
      result.personas.forEach((pa, p) => {
        plain.forEach((response, row) => {
          const ref = referenceScore(personas[p]!, response);
          expect([numeratorAt(pa.scores, row), pa.scores.denominator]).toEqual([ref.matched, ref.total]);
          const explained = explainRow(table, pa.scores, row);
          expect(explained.items.filter((i) => i.outcome === 'matched').map((i) => i.ruleId)).toEqual(ref.matchedRules);
        });
        const buckets = plain.map((r) => { const s = referenceScore(personas[p]!, r); return bucketOf(s.matched, s.total); });
        expect(pa.distribution).toEqual({
          strong: buckets.filter((b) => b === 'strong').length,
          moderate: buckets.filter((b) => b === 'moderate').length,
          weak: buckets.filter((b) => b === 'weak').length,
        });
      });
      for (let a = 0; a < personas.length; a++) {
        for (let b = 0; b < personas.length; b++) {
          const both = plain.filter((r) => [a, b].every((p) => { const s = referenceScore(personas[p]!, r); return s.matched * 100 >= 50 * s.total && s.total > 0; })).length;
          expect(result.overlap[a]![b]).toBe(both);
        }
      }
    }), { numRuns: 150 });
  });

  test('with equal weights a score is exactly matched ÷ total × 100 and buckets sit exactly at 70 and 50', () => {
    const tenRules: Rule[] = Array.from({ length: 10 }, (_, i) => ({ id: `g${i}`, column: 'goals', kind: 'overlap', values: [`g${i}`] }));
    const rows = Array.from({ length: 11 }, (_, k) => ({ goals: Array.from({ length: k }, (__, i) => `g${i}`) }));
    const table = tableFromRecords(rows, [{ key: 'goals', type: 'multi' }]);
    const [p] = analyse(table, [{ id: 'p', name: 'P', rules: tenRules }]).personas;
    expect(Array.from({ length: 11 }, (_, row) => (numeratorAt(p!.scores, row) * 100) / p!.scores.denominator)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
    expect(p!.distribution).toEqual({ strong: 4, moderate: 2, weak: 5 });
    expect(p!.coverage).toEqual({ covered: 6, total: 11, percent: (6 * 100) / 11 });
  });
});

test('missing values never match and are explained as missing', () => {
  const table = tableFromRecords([{ age: null, location: 'Leeds' }, { age: 30, location: null }], [
    { key: 'age', type: 'number' }, { key: 'location', type: 'category' },
  ]);
  const rules: Rule[] = [{ id: 'age', column: 'age', kind: 'range', min: 0 }, { id: 'city', column: 'location', kind: 'oneOf', values: ['Paris'] }];
  const [p] = analyse(table, [{ id: 'p', name: 'P', rules }]).personas;
  expect(explainRow(table, p!.scores, 0).items.map((i) => i.outcome)).toEqual(['missing', 'unmatched']);
  expect(explainRow(table, p!.scores, 1).items.map((i) => i.outcome)).toEqual(['matched', 'missing']);
});

test('rules on absent or mistyped columns never match and are reported', () => {
  const table = tableFromRecords([{ age: 30, location: 'Leeds' }], [{ key: 'age', type: 'number' }, { key: 'location', type: 'category' }]);
  const hostile: Rule[] = [
    { id: 'a', column: 'nope', kind: 'range', min: 0 },
    { id: 'b', column: 'location', kind: 'range', min: 0 },
    { id: 'c', column: 'age', kind: 'oneOf', values: ['30'] },
    { id: 'd', column: 'constructor', kind: 'overlap', values: ['x'] },
    { id: 'e', column: '__proto__', kind: 'oneOf', values: ['x'] },
  ];
  for (const rule of hostile) {
    const [p] = analyse(table, [{ id: 'p', name: 'P', rules: [rule] }]).personas;
    expect(numeratorAt(p!.scores, 0)).toBe(0);
    expect(p!.problems.map((x) => x.ruleId)).toEqual([rule.id]);
  }
});

test('wide personas (more than eight rules, hundreds of distinct scores) and large multi-value dictionaries score like the reference', () => {
  const many = Array.from({ length: 40 }, (_, i) => `v${i}`);
  fc.assert(fc.property(
    fc.array(fc.record({ tags: fc.oneof(fc.constant(null), fc.uniqueArray(fc.constantFrom(...many), { maxLength: 5 })), age: fc.integer({ min: 0, max: 99 }) }), { minLength: 1, maxLength: 80 }),
    fc.array(fc.oneof(
      fc.record({ kind: fc.constant('overlap' as const), column: fc.constant('tags'), values: fc.uniqueArray(fc.constantFrom(...many), { minLength: 1, maxLength: 4 }) }),
      fc.record({ kind: fc.constant('range' as const), column: fc.constant('age'), min: fc.integer({ min: 0, max: 99 }) }),
    ), { minLength: 9, maxLength: 20 }).map((rules) => rules.map((r, i) => ({ ...r, id: `r${i}`, weight: (i * 37) % 997 / 100 + 0.01 }) as Rule)),
    (rows, rules) => {
      const table = tableFromRecords(rows, [{ key: 'tags', type: 'multi' }, { key: 'age', type: 'number' }]);
      const [p] = analyse(table, [{ id: 'p', name: 'P', rules }]).personas;
      rows.forEach((row, i) => {
        const ref = referenceScore(rules, { ...row, tags: row.tags && row.tags.length > 0 ? row.tags : null });
        expect([numeratorAt(p!.scores, i), p!.scores.denominator]).toEqual([ref.matched, ref.total]);
      });
    },
  ), { numRuns: 60 });
});

test('each response gets the persona with the strictly best score, the first on ties, none when all score 0', () => {
  const table = tableFromRecords([{ a: 1 }, { a: 2 }, { a: 3 }], [{ key: 'a', type: 'number' }]);
  const personas = [
    { id: 'x', name: 'X', rules: [{ id: 'r', column: 'a', kind: 'range', min: 2 } as Rule, { id: 's', column: 'a', kind: 'range', min: 9 } as Rule] },
    { id: 'y', name: 'Y', rules: [{ id: 'r', column: 'a', kind: 'range', min: 3 } as Rule, { id: 's', column: 'a', kind: 'range', max: 3, weight: 3 } as Rule] },
    { id: 'z', name: 'Z', rules: [{ id: 'r', column: 'a', kind: 'range', min: 2, max: 2 } as Rule, { id: 's', column: 'a', kind: 'range', min: 9 } as Rule] },
  ];
  const result = analyse(table, personas);
  // Row 0: x 0/2, y 3/4, z 0/2 → y. Row 1: x 1/2, y 3/4, z 1/2 → y. Row 2: x 1/2, y 4/4 → y.
  expect(Array.from(result.bestPersona)).toEqual([1, 1, 1]);
  const tie = analyse(table, [personas[2]!, personas[0]!]);
  expect(Array.from(tie.bestPersona)).toEqual([-1, 0, 1]);
  expect(tie.bestCounts).toEqual([1, 1]);
});

describe('analyseAsync', () => {
  const table = tableFromRecords(Array.from({ length: 50 }, (_, i) => ({ age: i, when: Date.UTC(2024, 0, 1 + (i % 10)) })), [{ key: 'age', type: 'number' }, { key: 'when', type: 'date' }]);
  const personas = Array.from({ length: 4 }, (_, p) => ({ id: `p${p}`, name: `P${p}`, rules: [{ id: 'r', column: 'age', kind: 'range', min: p * 10 } as Rule] }));

  test('reports rising progress and gives the same result as the synchronous analysis', async () => {
    const seen: number[] = [];
    const result = await analyseAsync(table, personas, { onProgress: (f) => seen.push(f) });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    // Once after scoring every persona together, then once per persona's summaries.
    expect(seen.length).toBe(5);
    expect(result.personas.map((p) => p.coverage)).toEqual(analyse(table, personas).personas.map((p) => p.coverage));
  });

  test('stops with an AbortError when cancelled', async () => {
    const controller = new AbortController();
    const run = analyseAsync(table, personas, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('a date range scores only the rows inside it, and leaves undated rows out', () => {
    const result = analyse(table, personas, { dateColumn: 'when', from: Date.UTC(2024, 0, 1), to: Date.UTC(2024, 0, 2) });
    expect(result.rowsInRange).toBe(10);
    expect(result.personas[0]!.scored).toBe(10);
    expect(analyse(table, personas, { dateColumn: 'nope', from: 0 }).rowsInRange).toBe(0);
  });
});
