import { describe, expect, test } from 'vitest';
import { eventLogFromPlain } from './eventLog';
import { generateEvents, generatedStages, shuffle } from './generate';
import { groupFunnels } from './groupFunnels';
import { personaJourneyTable } from './personaJourney';
import { referenceGroupFunnels } from './personaReference';
import type { PlainEvent } from './reference';
import { personaReport } from './personaReport';
import { joinRespondents } from './respondentJoin';
import type { Table } from '../analytics/table';
import { canvasMeetsStages, stageSentiment } from './stageSignals';
import { proportionDifference } from './stats';

const personas = [{ id: 'ana', name: 'Ana' }, { id: 'ben', name: 'Ben' }, { id: 'cleo', name: 'Cleo' }];
// Planted effects: Ben stalls between Sign up (2) and Onboard (3); Cleo goes on more often everywhere.
const personaOf = (c: number) => (c % 5 === 4 ? -1 : c % 3);
const keep = (c: number, s: number) => { const p = personaOf(c); return p === 1 && s === 2 ? 0.25 : p === 2 ? 0.85 : 0.7; };
const customerNumber = (id: string) => parseInt(id.slice(1), 36);

function planted(customers: number, seed: number) {
  const events: PlainEvent[] = [];
  generateEvents({ customers, seed, messy: true, keep }, (customer, event, time, channel, plan) => {
    events.push({ customer, event, time, properties: plan ? { channel, plan } : { channel } });
  });
  return shuffle(events, seed + 1);
}

describe('persona funnels', () => {
  test.each([3, 11, 29])('the one-pass kernel equals the plain reference (seed %i)', (seed) => {
    const events = planted(2500, seed);
    const log = eventLogFromPlain(events);
    const group = Int32Array.from(log.customers, (id) => personaOf(customerNumber(id)));
    const fast = groupFunnels(log, generatedStages, group, 3);
    const ref = referenceGroupFunnels(events, generatedStages, (id) => personaOf(customerNumber(id)), 3);
    expect(fast).toEqual(ref);
    // The groups add up to the grouped part of the whole log.
    expect(fast[0]!.customers + fast[1]!.customers + fast[2]!.customers).toBeLessThan(fast[3]!.customers);
  });

  test('the table finds the planted effects: Ben stalls before Onboard, Cleo does best, Ben worst', () => {
    const events = planted(9000, 5);
    const log = eventLogFromPlain(events);
    const group = Int32Array.from(log.customers, (id) => personaOf(customerNumber(id)));
    const table = personaJourneyTable(groupFunnels(log, generatedStages, group, 3), personas);
    const [ana, ben, cleo] = table.rows;
    expect(ben!.belowStages).toContain(3);
    expect(ben!.dropOffStage).toBe(2);
    expect(cleo!.belowStages).toEqual([]);
    expect(ana!.belowStages).not.toContain(3);
    expect(table.best).toBe('cleo');
    expect(table.worst).toBe('ben');
    expect(ben!.completionVsRest!.high).toBeLessThan(0);
    expect(cleo!.completionVsRest!.low).toBeGreaterThan(0);
  });

  test('a persona is compared with everyone else in the log, grouped or not', () => {
    // Whole log: 100 start, 60 reach stage 2, 30 complete; the persona: 40, 10, 5.
    const persona = { customers: 40, matched: 40, reach: [40, 10, 5], dropOff: [30, 5, 0], completed: 5, timeToComplete: { count: 5, median: 1, p90: 1, mean: 1, buckets: [] } };
    const all = { customers: 120, matched: 100, reach: [100, 60, 30], dropOff: [40, 30, 0], completed: 30, timeToComplete: { count: 30, median: 1, p90: 1, mean: 1, buckets: [] } };
    const table = personaJourneyTable([persona, all], [{ id: 'p', name: 'P' }]);
    const row = table.rows[0]!;
    expect(row.conversionVsRest[0]).toBeNull();
    expect(row.conversionVsRest[1]).toEqual(proportionDifference(10, 40, 50, 60));
    expect(row.conversionVsRest[2]).toEqual(proportionDifference(5, 10, 25, 50));
    expect(row.completionVsRest).toEqual(proportionDifference(5, 40, 25, 60));
    expect(row.belowStages).toEqual([1]);
    expect(row.dropOffStage).toBe(0);
    expect(table.best).toBeNull(); // one persona: nothing to rank
  });
});

describe('joining respondents to customers', () => {
  test('counts ids on one side only, empty ids and repeated ids (the later row wins)', () => {
    const column = { type: 'id' as const, values: ['u1', ' u2 ', null, 'u3', 'u9', 'u1', ''] };
    const persona = [0, 1, 0, -1, 1, 2, 0];
    const { group, counts } = joinRespondents(column, 7, persona, ['u1', 'u2', 'u3', 'u4', 'u5']);
    expect(Array.from(group)).toEqual([2, 1, -1, -1, -1]);
    expect(counts).toEqual({ respondents: 7, withoutId: 2, repeatedIds: 1, matched: 3, surveyOnly: 1, logOnly: 2, unassigned: 1 });
  });

  test('number ids read as their text', () => {
    const column = { type: 'number' as const, values: Float64Array.from([1042, Number.NaN, 7]) };
    const { group, counts } = joinRespondents(column, 3, [1, 0, 0], ['7', '1042', '8']);
    expect(Array.from(group)).toEqual([0, 1, -1]);
    expect(counts.withoutId).toBe(1);
  });
});

describe('stage signals', () => {
  test('sentiment: mean and top-2-box on the scale the answers use', () => {
    const col = { type: 'number' as const, values: Float64Array.from([5, 4, 3, 1, Number.NaN, 5]) };
    expect(stageSentiment(col, 6)).toEqual({ n: 5, mean: 18 / 5, top2: 3 / 5, scaleTop: 5 });
    expect(stageSentiment(col, 6, (r) => r < 3)).toEqual({ n: 3, mean: 4, top2: 2 / 3, scaleTop: 5 });
    const halves = { type: 'number' as const, values: Float64Array.from([4.5, 3]) };
    expect(stageSentiment(halves, 2)!.top2).toBeNull();
    expect(stageSentiment({ type: 'category', dict: ['a'], codes: Int32Array.from([0]) }, 1)).toBeNull();
  });

  test('canvas items meet the stages whose text shares a word with them', () => {
    const items = [
      { kind: 'goal' as const, text: 'Finish onboarding in one sitting' },
      { kind: 'frustration' as const, text: 'Pricing pages that hide the real price' },
      { kind: 'frustration' as const, text: 'Too many emails' },
    ];
    const meets = canvasMeetsStages(items, ['Consider: pricing_viewed compare plans', 'Onboard project_created onboarding checklist', 'Pay']);
    expect(meets[0]).toEqual([{ item: 1, words: ['pricing'] }]);
    expect(meets[1]).toEqual([{ item: 0, words: ['onboarding'] }]);
    expect(meets[2]).toEqual([]);
  });
});

describe('the persona report', () => {
  // Survey: 6 respondents; "plan" decides the persona (pro → Pro, free → Free), r6 matches no one.
  const survey: Table = {
    rowCount: 6,
    columns: new Map([
      ['customer', { type: 'id' as const, values: ['a', 'b', 'c', 'd', 'zz', null] }],
      ['plan', { type: 'category' as const, dict: ['pro', 'free', 'other'], codes: Int32Array.from([0, 0, 1, 1, 0, 2]) }],
      ['q_signup', { type: 'number' as const, values: Float64Array.from([5, 4, 2, 1, 5, 3]) }],
      ['comment', { type: 'text' as const, values: ['x', null, null, null, null, null] }],
    ]),
    datasetIds: ['s'], datasetOfRow: new Uint16Array(6), waveIds: ['w'], waveOfRow: new Uint32Array(6),
  };
  const stages = [
    { id: 'visit', name: 'Visit', events: [{ match: 'equals' as const, values: ['visit'] }] },
    { id: 'signup', name: 'Sign up', events: [{ match: 'equals' as const, values: ['signup'] }] },
  ];
  const ev = (customer: string, event: string, time: number) => ({ customer, event, time });
  const log = eventLogFromPlain([
    ev('a', 'visit', 1), ev('a', 'signup', 5), ev('b', 'visit', 1), ev('b', 'signup', 9),
    ev('c', 'visit', 1), ev('d', 'visit', 2), ev('e', 'visit', 3), ev('e', 'signup', 4),
  ]);
  const input = {
    stages, idColumn: 'customer',
    personas: [
      { id: 'pro', name: 'Pro', rules: [{ id: 'r1', kind: 'oneOf' as const, column: 'plan', values: ['pro'] }] },
      { id: 'free', name: 'Free', rules: [{ id: 'r1', kind: 'oneOf' as const, column: 'plan', values: ['free'] }] },
    ],
    canvas: [[{ kind: 'goal' as const, text: 'Quick signup' }], [{ kind: 'frustration' as const, text: 'Signup forms that ask too much' }]],
    stageTexts: ['Visit visit', 'Sign up signup'],
    stageQuestions: ['comment', 'q_signup'],
  };

  test('joins by id, assigns the best persona, and reads the figures that must hold', () => {
    const res = personaReport(log, survey, input);
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const r = res.data;
    expect(r.join).toEqual({ respondents: 6, withoutId: 1, repeatedIds: 0, matched: 4, surveyOnly: 1, logOnly: 1, unassigned: 0 });
    const [pro, free] = r.table.rows;
    expect(pro!.reach).toEqual([2, 2]);
    expect(pro!.completionRate).toBe(1);
    expect(pro!.timeToComplete.median).toBe(4);
    expect(free!.reach).toEqual([2, 0]);
    expect(free!.dropOffStage).toBe(0);
    expect(r.sentiment[0]).toBeNull(); // a text column is no sentiment
    expect(r.unreadableQuestions).toEqual([0]);
    expect(r.sentiment[1]).toEqual({ n: 6, mean: 20 / 6, top2: 3 / 6, scaleTop: 5 });
    expect(r.canvasMeets[1]![1]).toEqual([{ item: 0, words: ['signup'] }]);
  });

  test('a vanished id column or a multi-choice one is refused with a message', () => {
    const gone = personaReport(log, survey, { ...input, idColumn: 'nope' });
    expect(!gone.ok && gone.message).toMatch(/no column "nope"/);
    const multi = { ...survey, columns: new Map([...survey.columns, ['tags', { type: 'multi' as const, dict: [], offsets: new Uint32Array(7), codes: new Int32Array(0) }]]) };
    const bad = personaReport(log, multi, { ...input, idColumn: 'tags' });
    expect(!bad.ok && bad.code).toBe('unsupported-type');
  });
});
