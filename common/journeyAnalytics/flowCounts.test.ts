import { describe, expect, test } from 'vitest';
import type { FlowEdge, FlowNode, JourneyFlow } from '../journey/flowModel';
import type { Stage } from '../journey/mapModel';
import { eventLogFromPlain } from './eventLog';
import { flowEventCounts } from './flowCounts';
import { analyseJourney } from './kernels';

const rule = (...values: string[]) => [{ match: 'oneOf' as const, values }];
const stages: Stage[] = [
  { id: 'signup', name: 'Sign-up', colour: '#4e79a7', momentOfTruth: false, events: rule('signup_completed') },
  { id: 'welcome', name: 'Welcome', colour: '#4e79a7', momentOfTruth: false, events: rule('welcome_email_opened', 'tour_started') },
  { id: 'setup', name: 'Setup', colour: '#4e79a7', momentOfTruth: false, events: rule('data_connected') },
  { id: 'value', name: 'First value', colour: '#4e79a7', momentOfTruth: false, events: rule('report_viewed') },
  { id: 'support', name: 'Support', colour: '#4e79a7', momentOfTruth: false },
];

// c1 goes all the way, c2 to Setup, c3 to Welcome, c4 only signs up; c5 welcomes before signing up (not in order).
const day = 86_400_000;
const plain = [
  ...['signup_completed', 'welcome_email_opened', 'data_connected', 'report_viewed'].map((event, i) => ({ customer: 'c1', event, time: i * day })),
  ...['signup_completed', 'tour_started', 'data_connected'].map((event, i) => ({ customer: 'c2', event, time: i * day })),
  ...['signup_completed', 'welcome_email_opened'].map((event, i) => ({ customer: 'c3', event, time: i * day })),
  { customer: 'c4', event: 'signup_completed', time: 0 },
  { customer: 'c5', event: 'tour_started', time: 0 }, { customer: 'c5', event: 'signup_completed', time: day },
];
const log = eventLogFromPlain(plain);

const node = (id: string, stageId?: string): FlowNode => ({ id, position: { x: 0, y: 0 }, label: id, kind: 'action', config: { type: 'sms', message: 'hi' }, ...(stageId ? { stageId } : {}) });
const edge = (id: string, source: string, target: string, sourceHandle = 'out'): FlowEdge => ({ id, source, target, sourceHandle });
const flow: JourneyFlow = {
  nodes: [node('start', 'signup'), node('mail', 'welcome'), node('nudge', 'welcome'), node('connect', 'setup'), node('report', 'value'), node('ticket', 'support'), node('loose')],
  edges: [
    edge('start-mail', 'start', 'mail'), edge('mail-nudge', 'mail', 'nudge'), edge('nudge-connect', 'nudge', 'connect'),
    edge('connect-report', 'connect', 'report'), edge('start-connect', 'start', 'connect'), edge('report-ticket', 'report', 'ticket'),
    edge('loose-start', 'loose', 'start'), edge('report-mail', 'report', 'mail'),
  ],
};

describe('event-log counts on the flow view', () => {
  const figures = analyseJourney(log, stages, { asOf: 3 * day, inactiveAfterMs: 30 * day });
  const counts = flowEventCounts(flow, stages, figures);

  test('a step shows its stage\'s funnel figures: the same numbers as the map', () => {
    expect(figures.stages.map((s) => s.reachStrict)).toEqual([5, 3, 2, 1, 0]);
    expect(Object.fromEntries(Object.entries(counts.nodes).map(([id, c]) => [id, c.reach]))).toEqual({ start: 5, mail: 3, nudge: 3, connect: 2, report: 1 });
    for (const [id, c] of Object.entries(counts.nodes)) {
      const i = stages.findIndex((s) => s.id === c.stageId);
      expect(c.reach, id).toBe(figures.stages[i]!.reachStrict);
      expect(c.current, id).toBe(figures.stages[i]!.current);
    }
    expect(counts.nodes.start).toMatchObject({ stageName: 'Sign-up', share: null });
    expect(counts.nodes.mail!.share).toBeCloseTo(3 / 5);
    expect(counts.nodes.report!.share).toBeCloseTo(1 / 2);
  });

  test('steps the log says nothing about have no count: no stage, or a stage without rules', () => {
    expect(counts.nodes.loose).toBeUndefined();
    expect(counts.nodes.ticket).toBeUndefined();
  });

  test('an edge into the next stage counts the customers who moved on; skips and loops count who made that move', () => {
    // start-connect skips Welcome: nobody went from Sign-up straight to Setup. report-mail goes back: nobody did.
    // Edges within a stage (mail-nudge), to a rule-less stage (report-ticket) or from a stage-less step (loose-start) have none.
    expect(counts.edges).toEqual({
      'start-mail': { kind: 'next', customers: 3 }, 'nudge-connect': { kind: 'next', customers: 2 }, 'connect-report': { kind: 'next', customers: 1 },
      'start-connect': { kind: 'skip', customers: 0 }, 'report-mail': { kind: 'back', customers: 0 },
    });
  });

  test('skip and loop edges carry the kernels\' stage-to-stage moves, not the funnel', () => {
    // c6 signs up, connects data (skipping Welcome), views a report, then opens the welcome mail (back);
    // c7 does the same skip twice over a restart. A skip edge counts customers, not moves.
    const more = eventLogFromPlain([
      ...plain,
      ...['signup_completed', 'data_connected', 'report_viewed', 'welcome_email_opened'].map((event, i) => ({ customer: 'c6', event, time: i * day })),
      ...['signup_completed', 'data_connected', 'signup_completed', 'data_connected'].map((event, i) => ({ customer: 'c7', event, time: i * day })),
    ]);
    const f = analyseJourney(more, stages, { asOf: 3 * day });
    const c = flowEventCounts(flow, stages, f);
    expect(c.edges['start-connect']).toEqual({ kind: 'skip', customers: 2 });
    expect(c.edges['report-mail']).toEqual({ kind: 'back', customers: 1 });
    expect(f.transitions.find((t) => t.from === 0 && t.to === 2)).toEqual({ from: 0, to: 2, customers: 2, moves: 3 });
    expect(c.edges['start-mail']).toEqual({ kind: 'next', customers: f.stages[1]!.reachStrict });
  });

  test('figures of other stages (an out-of-date analysis) are not pinned on the wrong step', () => {
    const renamed = stages.map((s, i) => (i === 1 ? { ...s, id: 'welcome2' } : s));
    const stale = flowEventCounts({ ...flow, nodes: flow.nodes.map((n) => (n.stageId === 'welcome' ? { ...n, stageId: 'welcome2' } : n)) }, renamed, figures);
    expect(stale.nodes.mail).toBeUndefined();
    expect(stale.edges['start-mail']).toBeUndefined();
  });

  test('an empty flow or a log no one matches gives no counts', () => {
    expect(flowEventCounts({ nodes: [], edges: [] }, stages, figures)).toEqual({ nodes: {}, edges: {} });
    const none = analyseJourney(eventLogFromPlain([{ customer: 'x', event: 'other', time: 0 }]), stages);
    const c = flowEventCounts(flow, stages, none);
    expect(c.nodes.start!.reach).toBe(0);
    expect(c.edges['start-mail']).toEqual({ kind: 'next', customers: 0 });
  });
});
