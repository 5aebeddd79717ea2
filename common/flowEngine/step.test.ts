import { describe, expect, test } from 'vitest';
import { buildProgram } from './program';
import { startRun, stepRun } from './step';
import type { Effect, RunState, StepContext, StepResult } from './ports';
import { contextWith, edge, flowOf, node, startOf } from './testFlows';
import type { JourneyFlow } from '../journey/flowModel';
import { palette } from '../journey/flowDefaults';

const day = 86_400_000;
const program = (flow: JourneyFlow, goalEvents?: string[]) => buildProgram({ journeyId: 'j1', version: 3, flow, goalEvents });
const ctx = contextWith();

/** Acknowledges every send until the run stops somewhere else. */
function settle(flow: ReturnType<typeof program>, r: StepResult, c: StepContext = ctx): { result: StepResult; effects: Effect[]; logs: string[] } {
  const effects = [...r.effects];
  const logs = r.log.map((l) => `${l.nodeId}:${l.outcome}`);
  while (r.state.status === 'sending') {
    r = stepRun(flow, r.state, { type: 'sent', at: r.state.updatedAt, idempotencyKey: r.state.pending!.idempotencyKey }, c);
    effects.push(...r.effects);
    logs.push(...r.log.map((l) => `${l.nodeId}:${l.outcome}`));
  }
  return { result: r, effects, logs };
}

describe('every node kind runs', () => {
  test('trigger → every action → exit, with filled templates and one effect per action', () => {
    const p = program(flowOf([
      node.trigger('t'), node.email('e', 'Hi {{first_name}}', 'Your plan: {{ plan }}'), node.sms('s', 'Code {{customer_id}}'),
      node.whatsapp('w'), node.webhook('h', 'https://x.example/{{plan}}'), node.ticket('k'), node.setAttr('a', 'stage', 'welcomed {{plan}}'), node.exit('x', 'done'),
    ], ['t', 'e', 's', 'w', 'h', 'k', 'a', 'x']));
    const { result, effects, logs } = settle(p, startRun(p, startOf('c1', { first_name: 'Ana', plan: 'pro' }), ctx));
    expect(result.state.status).toBe('exited');
    expect(result.state.endReason).toBe('done');
    expect(result.state.attributes.stage).toBe('welcomed pro');
    expect(effects.map((e) => (e.kind === 'send' ? e.message.channel : e.kind))).toEqual(['email', 'sms', 'whatsapp', 'webhook', 'ticket', 'setAttribute']);
    const email = effects[0]!;
    expect(email.kind === 'send' && email.message).toEqual({ channel: 'email', subject: 'Hi Ana', body: 'Your plan: pro' });
    expect(effects[1]!.kind === 'send' && effects[1]!.message).toEqual({ channel: 'sms', text: 'Code c1' });
    expect(effects[3]!.kind === 'send' && effects[3]!.message.channel === 'webhook' && effects[3]!.message.url).toBe('https://x.example/pro');
    expect(new Set(effects.map((e) => e.idempotencyKey)).size).toBe(6);
    expect(logs).toContain('x:exited');
  });

  test('the palette offers nothing this test file does not run', () => {
    const kinds = new Set(palette.map((i) => ('type' in i ? `${i.kind}:${i.type}` : i.kind)));
    expect([...kinds].sort()).toEqual([
      'action:email', 'action:sms', 'action:ticket', 'action:updateAttribute', 'action:webhook', 'action:whatsapp',
      'condition', 'exit', 'goto', 'multiSplit', 'randomSplit',
      'trigger:event', 'trigger:manual', 'trigger:schedule', 'trigger:segmentEntry', 'trigger:surveyResponse',
      'wait:duration', 'wait:until',
    ]);
  });

  test('condition: yes and no by attribute, response and persona match; a missing fact takes no', () => {
    for (const [attrs, expected] of [[{ nps: 9 }, 'y'], [{ nps: '10' }, 'y'], [{ nps: 3 }, 'n'], [{}, 'n']] as const) {
      const p = program(flowOf([node.trigger('t'), node.condition('c', 'nps', 'atLeast', 9), node.exit('y'), node.exit('n')], ['t', 'c'], [edge('c', 'y', 'yes'), edge('c', 'n', 'no')]));
      expect(startRun(p, startOf('c1', attrs), ctx).state.nodeId).toBe(expected);
    }
    const r = program(flowOf([node.trigger('t'), node.condition('c', 'csat', 'atLeast', 4, 'response'), node.exit('y'), node.exit('n')], ['t', 'c'], [edge('c', 'y', 'yes'), edge('c', 'n', 'no')]));
    expect(startRun(r, { ...startOf('c1'), response: { csat: 5 } }, ctx).state.nodeId).toBe('y');
  });

  test('multi-split takes the first branch that holds, else "else"; undecided branches go to the chooser', () => {
    const flow = flowOf([node.trigger('t'), node.multi('m', [{ id: 'b1', field: 'plan', value: 'pro' }, { id: 'b2', field: 'country', value: 'FR' }]),
      node.exit('x1'), node.exit('x2'), node.exit('xe')], ['t', 'm'], [edge('m', 'x1', 'b1'), edge('m', 'x2', 'b2'), edge('m', 'xe', 'else')]);
    const p = program(flow);
    expect(startRun(p, startOf('a', { plan: 'pro', country: 'FR' }), ctx).state.nodeId).toBe('x1');
    expect(startRun(p, startOf('b', { plan: 'free', country: 'FR' }), ctx).state.nodeId).toBe('x2');
    expect(startRun(p, startOf('c', { plan: 'free', country: 'DE' }), ctx).state.nodeId).toBe('xe');
    expect(startRun(p, startOf('d', { country: 'FR' }), ctx).state.nodeId).toBe('x2'); // no plan: b1 undecided counts as no
    const asked: string[][] = [];
    const chooser = contextWith([], { undecided: ({ handles }) => { asked.push([...handles]); return handles[0]!; } });
    expect(startRun(p, startOf('d', { country: 'FR' }), chooser).state.nodeId).toBe('x1');
    expect(asked).toEqual([['b1', 'b2']]);
  });

  test('random split: arms by hash of customer and version, the same on a replay', () => {
    const p = program(flowOf([node.trigger('t'), node.random('r', [['A', 50], ['B', 50]]), node.exit('xa'), node.exit('xb')], ['t', 'r'], [edge('r', 'xa', 'A'), edge('r', 'xb', 'B')]));
    const first = startRun(p, startOf('cust-7'), ctx).state.nodeId;
    for (let i = 0; i < 5; i++) expect(startRun(p, { ...startOf('cust-7'), runId: `retry-${i}` }, ctx).state.nodeId).toBe(first);
  });

  test('exit ends the run; a step with nothing after it completes it', () => {
    const p = program(flowOf([node.trigger('t'), node.setAttr('a', 'x', '1')], ['t', 'a']));
    const r = startRun(p, startOf('c'), ctx);
    expect(r.state.status).toBe('completed');
    expect(r.wakeAt).toBeNull();
  });
});

describe('waits on a simulated clock', () => {
  const flow = flowOf([node.trigger('t'), node.wait('w', 2), node.waitUntilEvent('u', 'purchase', 3), node.exit('bought'), node.exit('late')],
    ['t', 'w', 'u', 'bought'], [edge('u', 'late', 'timeout')]);
  const p = program(flow, ['upgrade']);

  test('a wait asks to be woken at its end and ignores an early timer', () => {
    const r = startRun(p, startOf('c'), ctx);
    expect(r.state.status).toBe('waiting');
    expect(r.wakeAt).toBe(2 * day);
    const early = stepRun(p, r.state, { type: 'timer', at: day }, ctx);
    expect(early.state.nodeId).toBe('w');
    expect(early.log).toEqual([]);
    expect(early.wakeAt).toBe(2 * day);
    const woke = stepRun(p, r.state, { type: 'timer', at: 2 * day }, ctx);
    expect(woke.state.nodeId).toBe('u');
    expect(woke.wakeAt).toBe(5 * day);
  });

  test('wait-until leaves by "out" on the event and by "timeout" when it never comes', () => {
    const atU = stepRun(p, startRun(p, startOf('c'), ctx).state, { type: 'timer', at: 2 * day }, ctx).state;
    const other = stepRun(p, atU, { type: 'event', at: 3 * day, event: { name: 'visit', at: 3 * day, properties: {} } }, ctx);
    expect(other.state.status).toBe('waiting');
    const bought = stepRun(p, other.state, { type: 'event', at: 4 * day, event: { name: 'purchase', at: 4 * day, properties: { total: 12 } } }, ctx);
    expect(bought.state.nodeId).toBe('bought');
    expect(bought.state.response.total).toBe(12);
    const timedOut = stepRun(p, atU, { type: 'timer', at: 5 * day }, ctx);
    expect(timedOut.state.nodeId).toBe('late');
    expect(timedOut.log.map((l) => l.outcome)).toEqual(['timedOut', 'exited']);
  });

  test('wait-until passes at once for an event the lookup already has since the run started', () => {
    const events = { eventsSince: () => [{ name: 'purchase', at: day, properties: {} }] };
    const atU = stepRun(p, startRun(p, startOf('c'), ctx).state, { type: 'timer', at: 2 * day }, contextWith([], { events }));
    expect(atU.state.nodeId).toBe('bought');
  });

  test('the goal event converts the run from any wait', () => {
    const r = stepRun(p, startRun(p, startOf('c'), ctx).state, { type: 'event', at: day, event: { name: 'upgrade', at: day, properties: {} } }, ctx);
    expect(r.state.status).toBe('converted');
    expect(r.wakeAt).toBeNull();
    const after = stepRun(p, r.state, { type: 'timer', at: 9 * day }, ctx);
    expect(after.state).toEqual(r.state);
  });
});

describe('failures a user sees', () => {
  test('a template variable with no value fails the step, names it, and sends nothing', () => {
    const p = program(flowOf([node.trigger('t'), node.email('e', 'Hi {{first_name}}', 'Plan {{plan}} ends {{end_date}}'), node.exit('x')], ['t', 'e', 'x']));
    const r = startRun(p, startOf('c9', { plan: 'pro', end_date: '' }), ctx);
    expect(r.effects).toEqual([]);
    expect(r.state.status).toBe('failed');
    expect(r.state.failure).toMatchObject({ nodeId: 'e', code: 'missing-variable' });
    expect(r.state.failure!.message).toContain('{{first_name}} and {{end_date}}');
    expect(r.log.at(-1)).toMatchObject({ nodeId: 'e', outcome: 'failed' });
    // The user adds the attribute and retries: the same step runs again.
    const fixed: RunState = { ...r.state, attributes: { ...r.state.attributes, first_name: 'Ana', end_date: 'May' } };
    const retried = stepRun(p, fixed, { type: 'retry', at: 5 }, ctx);
    expect(retried.state.status).toBe('sending');
    expect(retried.effects[0]!.kind === 'send' && retried.effects[0]!.message).toEqual({ channel: 'email', subject: 'Hi Ana', body: 'Plan pro ends May' });
  });

  test('go-to: an unknown journey fails the step; a known one hands over', () => {
    const p = program(flowOf([node.trigger('t'), node.goto('g', 'nowhere')], ['t', 'g']));
    const r = startRun(p, startOf('c'), ctx);
    expect(r.state.failure).toMatchObject({ code: 'unknown-journey' });
    expect(r.state.failure!.message).toContain('"nowhere" does not exist');
    expect(startRun(program(flowOf([node.trigger('t'), node.goto('g')], ['t', 'g'])), startOf('c'), ctx).state.failure!.message).toContain('no journey is chosen');
    const known = startRun(p, startOf('c', { a: 1 }), contextWith([{ journeyId: 'nowhere', version: 4, acceptsRuns: true }]));
    expect(known.state.status).toBe('handedOver');
    expect(known.effects).toEqual([expect.objectContaining({ kind: 'startRun', journeyId: 'nowhere', version: 4, attributes: { a: 1 }, handoverDepth: 1 })]);
    const paused = startRun(p, startOf('c'), contextWith([{ journeyId: 'nowhere', version: 4, acceptsRuns: false }]));
    expect(paused.state.failure).toMatchObject({ code: 'journey-closed' });
  });

  test('a loop with no wait stops at the step cap with a message', () => {
    const p = program(flowOf([node.trigger('t'), node.setAttr('a', 'n', 'x'), node.condition('c', 'never', 'equals', 'y')],
      ['t', 'a', 'c'], [edge('c', 'a', 'no'), edge('c', 'a', 'yes')]));
    const r = startRun(p, startOf('c'), contextWith([], { stepCap: 50 }));
    expect(r.state.status).toBe('failed');
    expect(r.state.failure).toMatchObject({ code: 'step-cap' });
    expect(r.state.failure!.message).toContain('loops with no wait');
    expect(r.log.length).toBeLessThanOrEqual(51);
  });

  test('a send the host gave up on fails the run with the reason; a retry reuses the idempotency key', () => {
    const p = program(flowOf([node.trigger('t'), node.sms('s'), node.exit('x')], ['t', 's', 'x']));
    const started = startRun(p, startOf('c'), ctx);
    const key = started.state.pending!.idempotencyKey;
    const stale = stepRun(p, started.state, { type: 'sent', at: 1, idempotencyKey: 'other' }, ctx);
    expect(stale.state.status).toBe('sending');
    const failed = stepRun(p, started.state, { type: 'sendFailed', at: 1, idempotencyKey: key, reason: 'provider answered 500' }, ctx);
    expect(failed.state.failure!.message).toBe('Not delivered: provider answered 500');
    const retried = stepRun(p, failed.state, { type: 'retry', at: 2 }, ctx);
    expect(retried.effects[0]!.idempotencyKey).toBe(key);
  });

  test('a node visited again through a loop with a wait gets a new idempotency key', () => {
    const p = program(flowOf([node.trigger('t'), node.sms('s'), node.wait('w', 1)], ['t', 's', 'w'], [edge('w', 's')]));
    const one = settle(p, startRun(p, startOf('c'), ctx));
    const two = stepRun(p, one.result.state, { type: 'timer', at: day }, ctx);
    expect(two.effects[0]!.idempotencyKey).not.toBe(one.effects[0]!.idempotencyKey);
    expect(two.log[1]!.stepId).toBe('s#2');
  });

  test('a run started at a node that is not a trigger fails clearly', () => {
    const p = program(flowOf([node.trigger('t'), node.exit('x')], ['t', 'x']));
    expect(startRun(p, startOf('c', {}, 0, 'x'), ctx).state.failure).toMatchObject({ code: 'invalid-flow' });
  });
});

test('states and log lines survive JSON unchanged (they go into CouchDB documents)', () => {
  const p = program(flowOf([node.trigger('t'), node.waitUntilEvent('u', 'buy', 2), node.exit('x')], ['t', 'u', 'x']));
  const r = startRun(p, startOf('c', { a: true }), ctx);
  expect(JSON.parse(JSON.stringify(r))).toEqual(r);
});
