import { describe, expect, test } from 'vitest';
import { describeRule, integerWeight, isRuleList, validateRules, type Rule } from './rules';

const good: Rule[] = [
  { id: 'age', column: 'age', kind: 'range', min: 25, max: 40 },
  { id: 'promoter', column: 'nps', kind: 'range', min: 9, weight: 2 },
  { id: 'city', column: 'location', kind: 'oneOf', values: ['London', 'Leeds'], weight: 0.5 },
  { id: 'goals', column: 'goals', kind: 'overlap', values: ['Save time'] },
];

describe('validateRules', () => {
  test('accepts ranges, sets and overlaps with optional weights', () => {
    expect(validateRules(good)).toEqual([]);
    expect(isRuleList(good)).toBe(true);
  });

  test('reports each broken rule with the path of its field', () => {
    const cases: [unknown, (string | number)[]][] = [
      [{ id: 'a', column: 'age', kind: 'range' }, [0]],
      [{ id: 'a', column: 'age', kind: 'range', min: 50, max: 40 }, [0, 'max']],
      [{ id: 'a', column: 'age', kind: 'range', min: '25' }, [0, 'min']],
      [{ id: 'a', column: 'age', kind: 'range', min: Number.NaN }, [0, 'min']],
      [{ id: 'a', column: 'age', kind: 'range', max: Infinity }, [0, 'max']],
      [{ id: 'a', column: 'location', kind: 'oneOf', values: [] }, [0, 'values']],
      [{ id: 'a', column: 'location', kind: 'oneOf', values: ['x', '  '] }, [0, 'values', 1]],
      [{ id: 'a', column: 'location', kind: 'oneOf', values: ['x', 3] }, [0, 'values', 1]],
      [{ id: 'a', column: 'goals', kind: 'overlap', values: 'x' }, [0, 'values']],
      [{ id: 'a', column: 'goals', kind: 'regex', values: ['x'] }, [0, 'kind']],
      [{ id: 'a b', column: 'goals', kind: 'overlap', values: ['x'] }, [0, 'id']],
      [{ id: 'a', column: '', kind: 'overlap', values: ['x'] }, [0, 'column']],
      [{ id: 'a', column: 'age', kind: 'range', min: 1, weight: 0 }, [0, 'weight']],
      [{ id: 'a', column: 'age', kind: 'range', min: 1, weight: -1 }, [0, 'weight']],
      [{ id: 'a', column: 'age', kind: 'range', min: 1, weight: 0.333 }, [0, 'weight']],
      [{ id: 'a', column: 'age', kind: 'range', min: 1, weight: 1e6 }, [0, 'weight']],
      [{ id: 'a', column: 'age', kind: 'range', min: 1, weight: '2' }, [0, 'weight']],
      ['age>3', [0]],
      [null, [0]],
    ];
    for (const [rule, path] of cases) {
      const problems = validateRules([rule]);
      expect(problems.map((p) => p.path)).toContainEqual(path);
      for (const p of problems) expect(p.message.length).toBeGreaterThan(5);
    }
  });

  test('refuses a non-list and duplicate rule ids', () => {
    for (const notList of [undefined, null, {}, 'rules', 3]) expect(validateRules(notList)).toHaveLength(1);
    const twice = validateRules([good[0], good[0]]);
    expect(twice).toEqual([{ path: [1, 'id'], code: 'idTwice', id: 'age', message: 'Rule id "age" is used twice.' }]);
  });

  test('checks rule columns against the mapped columns when they are known', () => {
    const columns = { age: 'number', location: 'category', goals: 'multi' } as const;
    expect(validateRules(good.filter((r) => r.column !== 'nps'), { columns })).toEqual([]);
    expect(validateRules([good[1]], { columns }).map((p) => p.path)).toEqual([[0, 'column']]);
    const mistyped = validateRules([{ id: 'x', column: 'location', kind: 'range', min: 1 }], { columns });
    expect(mistyped[0]?.message).toMatch(/cannot read "location"/);
    // A column named like an Object.prototype member must not count as mapped.
    expect(validateRules([{ id: 'x', column: 'constructor', kind: 'range', min: 1 }], { columns })).toHaveLength(1);
  });
});

test('weights scale to exact integer hundredths', () => {
  expect(good.map(integerWeight)).toEqual([100, 200, 50, 100]);
});

test('describes rules for explanations', () => {
  expect(good.map(describeRule)).toEqual([
    'age 25–40', 'nps ≥ 9', 'location is one of: London, Leeds', 'goals contains any of: Save time',
  ]);
});
