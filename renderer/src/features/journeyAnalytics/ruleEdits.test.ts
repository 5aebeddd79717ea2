import { describe, expect, test } from 'vitest';
import { addEventToCard, cardTargets, withEventName } from './addTargets';
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

  test('cards of touchpoint and channel lanes take an unmatched event; the rest of the cell is left as it is', () => {
    const map = {
      stages: [stage, { ...stage, id: 't', name: 'T' }],
      lanes: [
        { id: 'goals', type: 'goals' as const, name: 'Goals' },
        { id: 'tp', type: 'touchpoints' as const, name: 'Touchpoints' },
        { id: 'ch', type: 'channels' as const, name: 'Channels' },
      ],
      cells: {
        goals: { s: [{ id: 'g1', text: 'Goal' }] },
        tp: { t: [{ id: 'a', text: 'Email' }, { id: 'b', text: 'Tour', events: [{ match: 'equals' as const, values: ['x'] }] }] },
        ch: { s: [{ id: 'c', text: '', channel: 'web' as const }] },
      },
    };
    const targets = cardTargets(map);
    expect(targets.map((c) => [c.lane.id, c.stage.id, c.card.id, c.n])).toEqual([['tp', 't', 'a', 1], ['tp', 't', 'b', 2], ['ch', 's', 'c', 1]]);
    expect(addEventToCard(map, targets[1]!, 'y')).toEqual({
      type: 'setCell', laneId: 'tp', stageId: 't',
      cards: [{ id: 'a', text: 'Email' }, { id: 'b', text: 'Tour', events: [{ match: 'oneOf', values: ['x', 'y'] }] }],
    });
    expect(addEventToCard(map, targets[2]!, 'y')).toEqual({
      type: 'setCell', laneId: 'ch', stageId: 's', cards: [{ id: 'c', text: '', channel: 'web', events: [{ match: 'equals', values: ['y'] }] }],
    });
  });

  test('typed lists drop blanks and repeats', () => {
    expect(splitValues(' a, b ,,a , ')).toEqual(['a', 'b']);
    expect(splitValues('')).toEqual([]);
  });
});
