import { describe, expect, test } from 'vitest';
import { cardSpecsOf, type CardSpec } from './cards';
import { eventLogFromPlain } from './eventLog';
import { generateEvents, generatedStages, shuffle } from './generate';
import { analyseJourney } from './kernels';
import type { StageSpec } from './match';
import { referenceAnalyse, type PlainEvent } from './reference';

const day = 86_400_000;

/** Cards over the generator's journey: overlapping stage events, unmatched ones, conditions, several rules, nothing. */
const cards: CardSpec[] = [
  { id: 'newsletter', stage: 0, events: [{ match: 'equals', values: ['newsletter_opened'] }] },
  { id: 'pricing_page', stage: 0, events: [{ match: 'equals', values: ['page_view_pricing'] }] },
  { id: 'free_checkout', stage: 4, events: [{ match: 'equals', values: ['checkout_completed'], where: [{ property: 'plan', values: ['free'] }] }] },
  { id: 'paid_or_web', stage: 4, events: [
    { match: 'equals', values: ['checkout_completed'], where: [{ property: 'plan', values: ['pro'] }] },
    { match: 'equals', values: ['checkout_completed'], where: [{ property: 'channel', values: ['web'] }] },
    { match: 'oneOf', values: ['sso_signup', 'feature_used'] },
  ] },
  { id: 'features', stage: 3, events: [{ match: 'startsWith', values: ['feature_'] }] },
  { id: 'nothing', stage: 1, events: [{ match: 'equals', values: ['never_happens'] }] },
  { id: 'no_such_property', stage: 2, events: [{ match: 'equals', values: ['sso_signup'], where: [{ property: 'nope', values: ['x'] }] }] },
];

function generated(customers: number, seed: number) {
  const events: PlainEvent[] = [];
  generateEvents({ customers, seed, messy: true, extra: 1 }, (customer, event, time, channel, plan) => {
    events.push({ customer, event, time, properties: plan ? { channel, plan } : { channel } });
  });
  return shuffle(events, seed + 1);
}

describe('touchpoint card figures', () => {
  test('kernels equal the plain reference on generated logs, whole and filtered', () => {
    for (const seed of [11, 12]) {
      const events = generated(1200, seed);
      const log = eventLogFromPlain(events);
      const start = Date.UTC(2024, 0, 1);
      for (const options of [
        { cards },
        { cards, filter: { kind: 'period' as const, from: start, to: start + 20 * day } },
        { cards, filter: { kind: 'property' as const, property: 'channel', values: ['app'] } },
        { cards: [] },
      ]) {
        const fast = analyseJourney(log, generatedStages, options);
        expect(fast).toEqual(referenceAnalyse(events, generatedStages, options));
        expect(fast.cards).toHaveLength(options.cards.length);
      }
      // The generated log exercises every case: figures that differ between cards and are not all zero.
      const whole = analyseJourney(log, generatedStages, { cards }).cards!;
      const by = Object.fromEntries(whole.map((c) => [c.cardId, c]));
      expect(by.newsletter!.customers).toBeGreaterThan(by.newsletter!.reached);
      expect(by.free_checkout!.customers).toBeGreaterThan(0);
      expect(by.paid_or_web!.events).toBeGreaterThan(by.paid_or_web!.customers);
      expect(by.nothing).toMatchObject({ reached: 0, customers: 0, events: 0, share: 0 });
      expect(by.no_such_property).toMatchObject({ customers: 0 });
    }
  });

  test('without cards the figures are exactly as before; events a card matches leave the unmatched list', () => {
    const events = generated(800, 5);
    const log = eventLogFromPlain(events);
    const plain = analyseJourney(log, generatedStages);
    expect(plain.cards).toBeUndefined();
    const withCards = analyseJourney(log, generatedStages, { cards });
    const { cards: _c, unmatched: u1, ...rest1 } = withCards;
    const { unmatched: u0, ...rest0 } = plain;
    expect(rest1).toEqual(rest0);
    expect(u0.map((u) => u.name)).toEqual(expect.arrayContaining(['newsletter_opened', 'feature_used']));
    expect(u1.map((u) => u.name)).not.toContain('newsletter_opened');
    expect(u1.map((u) => u.name)).not.toContain('feature_used');
  });

  test('a hand-made log: every card figure as defined', () => {
    const stages: StageSpec[] = [
      { id: 'a', name: 'Visit', events: [{ match: 'equals', values: ['visit'] }] },
      { id: 'b', name: 'Buy', events: [{ match: 'equals', values: ['buy'] }] },
    ];
    const ev = (customer: string, event: string, minutes: number, channel = 'web'): PlainEvent => ({ customer, event, time: minutes * 60_000, properties: { channel } });
    const events = [
      ev('1', 'visit', 0), ev('1', 'chat', 1), ev('1', 'chat', 2), ev('1', 'chat', 2), ev('1', 'buy', 3),
      ev('2', 'visit', 0), ev('2', 'chat', 5, 'app'),
      ev('3', 'chat', 0), // met the chat without reaching any stage
      ev('4', 'visit', 0), ev('4', 'buy', 1, 'app'),
    ];
    const hand: CardSpec[] = [
      { id: 'chat', stage: 0, events: [{ match: 'equals', values: ['chat'] }] },
      { id: 'app_buy', stage: 1, events: [{ match: 'equals', values: ['buy'], where: [{ property: 'channel', values: ['app'] }] }] },
    ];
    const f = analyseJourney(eventLogFromPlain(events), stages, { cards: hand });
    // Chat: customers 1, 2 and 3 met it; 1 and 2 reached "Visit" (3 of them did); the duplicate is dropped.
    expect(f.cards![0]).toEqual({ cardId: 'chat', reached: 2, share: 2 / 3, customers: 3, events: 4 });
    expect(f.cards![1]).toEqual({ cardId: 'app_buy', reached: 1, share: 1 / 2, customers: 1, events: 1 });
    expect(f.unmatched).toEqual([]);
  });
});

describe('cards of a map', () => {
  test('only cards with rules, in lane then stage order, with their stage index; metric lanes and stray cells ignored', () => {
    const rule = [{ match: 'equals' as const, values: ['x'] }];
    const stage = (id: string) => ({ id, name: id, colour: '#336699', momentOfTruth: false });
    const specs = cardSpecsOf({
      stages: [stage('s1'), stage('s2')],
      lanes: [
        { id: 'l1', type: 'touchpoints', name: 'T' },
        { id: 'l2', type: 'metric', name: 'M', metric: 'nps', values: {} },
        { id: 'l3', type: 'pains', name: 'P' },
      ],
      cells: {
        l1: { s2: [{ id: 'c1', text: '', events: rule }, { id: 'c2', text: '' }], s1: [{ id: 'c3', text: '', events: rule }], gone: [{ id: 'c4', text: '', events: rule }] },
        l3: { s1: [{ id: 'c5', text: '', events: [] }, { id: 'c6', text: '', events: rule }] },
        lost: { s1: [{ id: 'c7', text: '', events: rule }] },
      },
    });
    expect(specs.map((s) => [s.id, s.stage])).toEqual([['c3', 0], ['c1', 1], ['c6', 0]]);
  });
});
