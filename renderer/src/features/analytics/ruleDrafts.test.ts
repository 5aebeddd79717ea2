import { describe, expect, test } from 'vitest';
import { validateRules, type Rule } from '../../../../common/analytics/rules';
import { draftsOf, newDraft, problemsByRule, rulesOf } from './ruleDrafts';

describe('rule drafts', () => {
  test('stored rules survive a round trip through the editor', () => {
    const rules: Rule[] = [
      { id: 'r1', kind: 'range', column: 'age', min: 25, max: 40 },
      { id: 'r2', kind: 'range', column: 'nps', min: 9, weight: 2.5 },
      { id: 'r3', kind: 'oneOf', column: 'location', values: ['London', 'Leeds'], label: 'UK north and south' },
      { id: 'r4', kind: 'overlap', column: 'goals', values: ['save time'] },
    ];
    expect(rulesOf(draftsOf(rules))).toEqual(rules);
  });

  test('half-typed values become problems with the rule and field named, never silent changes', () => {
    const drafts = draftsOf([{ id: 'r1', kind: 'range', column: 'age', min: 1 }, { id: 'r2', kind: 'oneOf', column: 'location', values: ['x'] }]);
    const cases: [Partial<(typeof drafts)[number]>, number, string][] = [
      [{ min: 'abc' }, 0, 'min'], [{ min: '50', max: '10' }, 0, 'max'], [{ min: '', max: '' }, 0, ''], [{ weight: '0' }, 0, 'weight'], [{ weight: '1.234' }, 0, 'weight'],
    ];
    for (const [patch, index, field] of cases) {
      const edited = drafts.map((d, i) => (i === index ? { ...d, ...patch } : d));
      const byRule = problemsByRule(validateRules(rulesOf(edited)));
      expect(byRule.get(index)?.map((p) => p.field)).toContain(field);
    }
    const emptyValues = drafts.map((d, i) => (i === 1 ? { ...d, values: ' , ,' } : d));
    expect(problemsByRule(validateRules(rulesOf(emptyValues))).get(1)?.[0]?.problem).toMatchObject({ code: 'noValues', message: 'List at least one value.' });
  });

  test('a decimal comma reads as a decimal point', () => {
    expect(rulesOf([{ ...newDraft([], []), column: 'nps', min: '8,5' }])[0]).toMatchObject({ min: 8.5 });
  });

  test('new rules get ids unused in the list', () => {
    const drafts = draftsOf([{ id: 'r2', kind: 'range', column: 'age', min: 1 }, { id: 'r3', kind: 'range', column: 'age', min: 1 }]);
    expect(newDraft(drafts, [{ key: 'age', type: 'number', label: 'Age' }])).toMatchObject({ id: 'r4', column: 'age', kind: 'range' });
  });
});
