import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { createNode, palette, type PaletteItem } from './flowDefaults';
import type { FlowEdge, FlowNode, JourneyFlow } from './flowModel';
import { cyclesWithoutWait, hasBlockingProblems, validateFlow } from './validateFlow';

const item = (label: string): PaletteItem => {
  const found = palette.find((p) => p.label === label);
  if (!found) throw new Error(label);
  return found;
};
/** A step as the palette creates it, with an action's content written in (a blank message is its own problem). */
const blank = (label: string, id: string): FlowNode => ({ ...createNode(item(label), () => id), id });
const node = (label: string, id: string): FlowNode => {
  const n = blank(label, id);
  if (n.kind !== 'action') return n;
  const c = n.config;
  const config = c.type === 'email' ? { ...c, subject: 'Welcome', body: 'Hello' } : c.type === 'sms' || c.type === 'whatsapp' ? { ...c, message: 'Hi' }
    : c.type === 'webhook' ? { ...c, url: 'https://example.com/hook' } : c;
  return { ...n, config };
};
const edge = (source: string, target: string, sourceHandle = 'out'): FlowEdge => ({ id: `e_${source}_${sourceHandle}`, source, target, sourceHandle });
const codes = (flow: JourneyFlow) => validateFlow(flow).map((p) => `${p.code}@${p.nodeId ?? p.edgeId ?? ''}`);

/** trigger → condition → (yes: email → exit, no: exit) */
function validFlow(): JourneyFlow {
  return {
    nodes: [node('Event', 't'), node('Condition', 'c'), node('Send email', 'm'), node('Exit', 'x1'), node('Exit', 'x2')],
    edges: [edge('t', 'c'), edge('c', 'm', 'yes'), edge('c', 'x2', 'no'), edge('m', 'x1')],
  };
}

describe('validateFlow', () => {
  test('a complete flow has no problems', () => {
    expect(validateFlow(validFlow())).toEqual([]);
  });

  test('an empty flow (a journey that is only a map) has nothing to fix', () => {
    expect(codes({ nodes: [], edges: [] })).toEqual([]);
  });

  test('a flow with steps but no trigger asks for one', () => {
    expect(codes({ nodes: [node('Exit', 'x')], edges: [] })).toContain('no-trigger@');
  });

  test('a step no trigger leads to is unreachable', () => {
    const flow = validFlow();
    flow.nodes.push(node('Send SMS', 'orphan'));
    expect(codes(flow)).toContain('unreachable@orphan');
  });

  test('a condition missing either branch is reported on the condition', () => {
    for (const handle of ['yes', 'no']) {
      const flow = validFlow();
      flow.edges = flow.edges.filter((e) => !(e.source === 'c' && e.sourceHandle === handle));
      expect(codes(flow)).toContain('missing-branch@c');
    }
  });

  test('random split percentages must add up to 100', () => {
    for (const [a, b, bad] of [[50, 50, false], [60, 30, true], [33.33, 66.67, false], [100, 1, true], [0, 100, false]] as const) {
      const split = node('Random / A-B split', 's');
      if (split.kind !== 'randomSplit') throw new Error('kind');
      split.config.branches = [{ id: 'a', label: 'A', percent: a }, { id: 'b', label: 'B', percent: b }];
      const flow: JourneyFlow = {
        nodes: [node('Manual', 't'), split, node('Exit', 'x')],
        edges: [edge('t', 's'), edge('s', 'x', 'a'), { ...edge('s', 'x', 'b') }],
      };
      expect(codes(flow).includes('split-sum@s')).toBe(bad);
    }
  });

  test('a wait-until without a timeout is an error, with one it is fine', () => {
    const w = node('Wait until', 'w');
    if (w.kind !== 'wait' || w.config.mode !== 'until') throw new Error('kind');
    const flow: JourneyFlow = { nodes: [node('Manual', 't'), w, node('Exit', 'x')], edges: [edge('t', 'w'), edge('w', 'x')] };
    expect(codes(flow)).not.toContain('wait-timeout@w');
    delete w.config.timeout;
    expect(codes(flow)).toContain('wait-timeout@w');
  });

  test('a loop through a wait is allowed, a loop without one is not', () => {
    const withWait: JourneyFlow = {
      nodes: [node('Manual', 't'), node('Send email', 'm'), node('Wait', 'w')],
      edges: [edge('t', 'm'), edge('m', 'w'), edge('w', 'm')],
    };
    expect(codes(withWait).filter((c) => c.startsWith('cycle'))).toEqual([]);
    const without: JourneyFlow = {
      nodes: [node('Manual', 't'), node('Send email', 'm'), node('Send SMS', 's')],
      edges: [edge('t', 'm'), edge('m', 's'), edge('s', 'm')],
    };
    expect(codes(without).filter((c) => c.startsWith('cycle')).sort()).toEqual(['cycle-without-wait@m', 'cycle-without-wait@s']);
  });

  test('edges to missing nodes, from missing handles or into triggers are reported on the edge', () => {
    const flow = validFlow();
    flow.edges.push({ id: 'ghost', source: 't', target: 'nowhere', sourceHandle: 'out' });
    flow.edges.push({ id: 'bad-handle', source: 'm', target: 'x1', sourceHandle: 'yes' });
    flow.edges.push({ id: 'from-exit', source: 'x1', target: 'm', sourceHandle: 'out' });
    flow.nodes.push(node('Manual', 't2'));
    flow.edges.push({ id: 'into-trigger', source: 't2', target: 't', sourceHandle: 'out' });
    const found = validateFlow(flow).map((p) => `${p.code}@${p.edgeId}`);
    expect(found).toEqual(expect.arrayContaining([
      'dangling-edge@ghost', 'unknown-handle@bad-handle', 'unknown-handle@from-exit', 'input-on-trigger@into-trigger',
    ]));
  });

  test('dead ends are warnings that do not block publishing', () => {
    const flow: JourneyFlow = { nodes: [node('Manual', 't'), node('Send email', 'm')], edges: [edge('t', 'm')] };
    const problems = validateFlow(flow);
    expect(problems.map((p) => p.code)).toEqual(['dead-end']);
    expect(hasBlockingProblems(problems)).toBe(false);
  });

  test('ties to stages that are gone are flagged when stage ids are given', () => {
    const flow = validFlow();
    flow.nodes[1] = { ...flow.nodes[1]!, stageId: 'st_gone' };
    expect(validateFlow(flow, { stageIds: new Set(['st_1']) }).map((p) => p.code)).toContain('unknown-stage');
    expect(validateFlow(flow).map((p) => p.code)).not.toContain('unknown-stage');
  });
});

describe('cyclesWithoutWait', () => {
  // Reference: a cycle avoids waits iff some non-wait node reaches itself through non-wait nodes.
  function reference(n: number, isWait: boolean[], edges: Array<[number, number]>): Set<number> {
    const inCycle = new Set<number>();
    for (let s = 0; s < n; s++) {
      if (isWait[s]) continue;
      const seen = new Set<number>();
      const stack = edges.filter(([a]) => a === s).map(([, b]) => b);
      while (stack.length) {
        const x = stack.pop()!;
        if (isWait[x] || seen.has(x)) continue;
        seen.add(x);
        if (x === s) { inCycle.add(s); break; }
        for (const [a, b] of edges) if (a === x) stack.push(b);
      }
    }
    return inCycle;
  }

  test('finds exactly the nodes on wait-free cycles (property)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 9 }).chain((n) => fc.tuple(
        fc.constant(n),
        fc.array(fc.boolean(), { minLength: n, maxLength: n }),
        fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 20 }),
      )),
      ([n, isWait, pairs]) => {
        const nodes = Array.from({ length: n }, (_, i) => ({ ...node(isWait[i] ? 'Wait' : 'Send email', `n${i}`), id: `n${i}` }));
        const edges = pairs.map(([a, b], k) => ({ id: `e${k}`, source: `n${a}`, target: `n${b}`, sourceHandle: 'out' }));
        const found = new Set(cyclesWithoutWait(nodes, edges).flat());
        const expected = new Set([...reference(n, isWait, pairs)].map((i) => `n${i}`));
        expect([...found].sort()).toEqual([...expected].sort());
      },
    ));
  });

  test('a 20,000-node chain closing on itself does not overflow the stack', () => {
    const nodes = Array.from({ length: 20_000 }, (_, i) => ({ ...node('Send email', `n${i}`), id: `n${i}` }));
    const edges = nodes.map((_, i) => ({ id: `e${i}`, source: `n${i}`, target: `n${(i + 1) % nodes.length}`, sourceHandle: 'out' }));
    expect(cyclesWithoutWait(nodes, edges)[0]).toHaveLength(20_000);
  });
});

describe('step content', () => {
  test('an email without subject or body, an SMS or WhatsApp without a message, a webhook without a URL, a wait without a duration are errors', () => {
    const wait = blank('Wait', 'w');
    const noDuration = { ...wait, config: { mode: 'duration', duration: undefined } } as unknown as FlowNode;
    const steps = [blank('Send email', 'm'), blank('Send SMS', 's'), blank('Send WhatsApp', 'wa'), blank('Call webhook', 'h'), noDuration];
    const ids = ['t', ...steps.map((x) => x.id), 'x'];
    const flow: JourneyFlow = { nodes: [node('Manual', 't'), ...steps, node('Exit', 'x')], edges: ids.slice(0, -1).map((id, i) => edge(id, ids[i + 1]!)) };
    const problems = validateFlow(flow).filter((p) => p.code === 'missing-content');
    expect(problems.map((p) => `${p.nodeId}: ${p.message}`)).toEqual([
      "m: Give the email a subject.", "m: Write the email's body.", 's: Write the SMS message.', 'wa: Write the WhatsApp message.',
      'h: Enter the URL the webhook calls.', 'w: Set how long to wait.',
    ]);
    expect(hasBlockingProblems(problems)).toBe(true);
    // Whitespace is not content either; written content clears the problem.
    const spaces = { ...flow, nodes: flow.nodes.map((n) => (n.id === 's' && n.kind === 'action' ? { ...n, config: { type: 'sms' as const, message: '   ' } } : n)) };
    expect(validateFlow(spaces).some((p) => p.nodeId === 's' && p.code === 'missing-content')).toBe(true);
    const written = { ...flow, nodes: flow.nodes.map((n) => (n.id === 'w' ? n : node(palette.find((p) => p.label === n.label)?.label ?? n.label, n.id))) };
    expect(validateFlow(written).filter((p) => p.code === 'missing-content').map((p) => p.nodeId)).toEqual(['w']);
  });
});
