import { describe, expect, test } from 'vitest';
import { withEventName } from './addTargets';
import { splitValues } from './StageRulesEditor';

const stage = { id: 's', name: 'S', colour: '#336699', momentOfTruth: false };

describe('rule edits from the map', () => {
  test('an unmatched event joins the first plain name rule, or becomes one', () => {
    expect(withEventName(stage, 'a')).toEqual([{ match: 'equals', values: ['a'] }]);
    expect(withEventName({ ...stage, events: [{ match: 'equals', values: ['a'] }] }, 'b')).toEqual([{ match: 'oneOf', values: ['a', 'b'] }]);
    // A prefix rule or a rule with conditions is left alone: the name gets a rule of its own.
    const conditional = [{ match: 'equals' as const, values: ['buy'], where: [{ property: 'plan', values: ['pro'] }] }, { match: 'startsWith' as const, values: ['page_'] }];
    expect(withEventName({ ...stage, events: conditional }, 'c')).toEqual([...conditional, { match: 'equals', values: ['c'] }]);
    expect(withEventName({ ...stage, events: [{ match: 'oneOf', values: ['a', 'b'] }] }, 'a')).toEqual([{ match: 'oneOf', values: ['a', 'b'] }]);
  });

  test('typed lists drop blanks and repeats', () => {
    expect(splitValues(' a, b ,,a , ')).toEqual(['a', 'b']);
    expect(splitValues('')).toEqual([]);
  });
});
