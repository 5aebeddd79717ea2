import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { applyChange, applyChanges, redo, undo, undoPush, undoStart, type JourneyBody, type JourneyChange } from './changes';
import { createNode, palette } from './flowDefaults';
import { sequentialIds } from './ids';
import { checkIntegrity } from './integrity';
import { cellCards, type Curve } from './mapModel';
import { builtInTemplates } from './templates/index';

const stage = (id: string, name = id) => ({ id, name, colour: '#336699', momentOfTruth: false });
const body = (): JourneyBody => structuredClone(builtInTemplates()[0]!.body);
const must = (b: JourneyBody, ...changes: JourneyChange[]) => {
  const r = applyChanges(b, changes);
  if (!r.ok) throw new Error(r.message);
  return r.data;
};
const curve = (id: string, personaId: string | undefined, variant: 'as-is' | 'to-be'): Curve =>
  ({ id, ...(personaId ? { personaId } : {}), variant, label: id, colour: '#000000', points: {} });

describe('map changes', () => {
  test('stages are added at an index, renamed, recoloured, flagged and reordered', () => {
    const b = must({ map: { stages: [stage('a'), stage('b')], lanes: [], cells: {} }, flow: { nodes: [], edges: [] } },
      { type: 'addStage', stage: stage('c'), index: 1 },
      { type: 'updateStage', stageId: 'c', patch: { name: 'Compare', colour: '#aa0000', momentOfTruth: true } },
      { type: 'moveStage', stageId: 'a', toIndex: 99 });
    expect(b.map.stages.map((s) => s.id)).toEqual(['c', 'b', 'a']);
    expect(b.map.stages[0]).toMatchObject({ name: 'Compare', colour: '#aa0000', momentOfTruth: true });
  });

  test('removing a stage removes its cells, curve points, metric values and node ties, and nothing else', () => {
    const before = body();
    const gone = before.map.stages[2]!.id;
    const after = must(before, { type: 'removeStage', stageId: gone });
    expect(checkIntegrity(after, 'j')).toEqual([]);
    expect(after.flow.nodes.some((n) => n.stageId === gone)).toBe(false);
    expect(after.flow.nodes.filter((n) => n.stageId !== undefined).length)
      .toBe(before.flow.nodes.filter((n) => n.stageId !== undefined && n.stageId !== gone).length);
    expect(after.map.stages).toHaveLength(before.map.stages.length - 1);
  });

  test('lanes are added, reordered and removed with their cells', () => {
    const b0 = body();
    const laneId = b0.map.lanes[0]!.id;
    const b = must(b0,
      { type: 'addLane', lane: { id: 'ln_new', type: 'backstage', name: 'Systems' }, index: 0 },
      { type: 'moveLane', laneId: 'ln_new', toIndex: 2 },
      { type: 'removeLane', laneId });
    expect(b.map.lanes.findIndex((l) => l.id === 'ln_new')).toBe(1);
    expect(b.map.cells[laneId]).toBeUndefined();
  });

  test('a cell edit replaces its cards, and clearing it leaves no empty cell behind', () => {
    const b0 = body();
    const [lane, st] = [b0.map.lanes[0]!.id, b0.map.stages[0]!.id];
    const cards = [{ id: 'cd_x', text: 'Read the pricing page', evidence: { kind: 'data' as const, source: 'Analytics' } }];
    const b = must(b0, { type: 'setCell', laneId: lane, stageId: st, cards });
    expect(cellCards(b.map, lane, st)).toEqual(cards);
    const cleared = must(b, { type: 'setCell', laneId: lane, stageId: st, cards: [] });
    expect(Object.keys(cleared.map.cells[lane] ?? {})).not.toContain(st);
  });

  test('edits on unknown ids or the wrong lane type fail without changing anything', () => {
    const b = body();
    const emotion = b.map.lanes.find((l) => l.type === 'emotion')!.id;
    const bad: JourneyChange[] = [
      { type: 'removeStage', stageId: 'nope' },
      { type: 'moveLane', laneId: 'nope', toIndex: 0 },
      { type: 'setCell', laneId: emotion, stageId: b.map.stages[0]!.id, cards: [] },
      { type: 'setCell', laneId: b.map.lanes[0]!.id, stageId: 'nope', cards: [] },
      { type: 'setCurvePoint', laneId: b.map.lanes[0]!.id, curveId: 'cv_asis', stageId: b.map.stages[0]!.id, value: 1 },
      { type: 'setMetricValue', laneId: emotion, stageId: b.map.stages[0]!.id, value: { value: 1 } },
      { type: 'addStage', stage: b.map.stages[0]! },
    ];
    const snapshot = JSON.stringify(b);
    for (const change of bad) expect(applyChange(b, change).ok, change.type).toBe(false);
    expect(JSON.stringify(b)).toBe(snapshot);
  });

  test('curve points are clamped to the lane scale and can be cleared', () => {
    const b0 = body();
    const lane = b0.map.lanes.find((l) => l.type === 'emotion')!;
    const st = b0.map.stages[1]!.id;
    const b = must(b0, { type: 'setCurvePoint', laneId: lane.id, curveId: 'cv_asis', stageId: st, value: 7 });
    const points = (x: JourneyBody) => (x.map.lanes.find((l) => l.id === lane.id) as typeof lane & { type: 'emotion' }).curves[0]!.points;
    expect(points(b)[st]).toBe(2);
    expect(points(must(b, { type: 'setCurvePoint', laneId: lane.id, curveId: 'cv_asis', stageId: st, value: null }))[st]).toBeUndefined();
  });

  test('changing the emotion scale keeps the curve shape', () => {
    const b0 = body();
    const lane = b0.map.lanes.find((l) => l.type === 'emotion')!;
    const b = must(b0, { type: 'setEmotionScale', laneId: lane.id, scale: 'ten' });
    const l = b.map.lanes.find((x) => x.id === lane.id);
    if (l?.type !== 'emotion') throw new Error('lane');
    expect(Object.values(l.curves[0]!.points).every((x) => x >= 1 && x <= 10)).toBe(true);
    const back = must(b, { type: 'setEmotionScale', laneId: lane.id, scale: 'bipolar' });
    expect(back.map.lanes.find((x) => x.id === lane.id)).toEqual(lane);
  });

  test('an emotion lane holds at most five personas with two curves each', () => {
    let b: JourneyBody = { map: { stages: [], lanes: [{ id: 'em', type: 'emotion', name: 'E', scale: 'bipolar', curves: [] }], cells: {} }, flow: { nodes: [], edges: [] } };
    for (let p = 1; p <= 5; p++) {
      b = must(b, { type: 'addCurve', laneId: 'em', curve: curve(`p${p}a`, `p${p}`, 'as-is') }, { type: 'addCurve', laneId: 'em', curve: curve(`p${p}b`, `p${p}`, 'to-be') });
    }
    expect(applyChange(b, { type: 'addCurve', laneId: 'em', curve: curve('p6a', 'p6', 'as-is') }).ok).toBe(false);
    const third = must(b, { type: 'removeCurve', laneId: 'em', curveId: 'p5b' });
    expect(applyChange(third, { type: 'addCurve', laneId: 'em', curve: curve('p1c', 'p1', 'to-be') }).ok).toBe(false);
    expect(applyChange(third, { type: 'updateCurve', laneId: 'em', curveId: 'p5a', patch: { personaId: 'p1' } }).ok).toBe(false);
  });
});

describe('flow changes', () => {
  const ids = sequentialIds();
  const email = palette.find((p) => p.kind === 'action' && p.type === 'email')!;

  test('a node with a config of the wrong shape is refused', () => {
    const n = createNode(email, ids);
    const b = must(body(), { type: 'addNode', node: n });
    const r = applyChange(b, { type: 'updateNode', nodeId: n.id, patch: { config: { type: 'email', subject: 5 } as never } });
    expect(r.ok).toBe(false);
  });

  test('connecting a handle again replaces its old connection', () => {
    const b0 = body();
    const [a, x, y] = [createNode(email, ids), createNode(email, ids), createNode(email, ids)];
    const b = must(b0, { type: 'addNode', node: a }, { type: 'addNode', node: x }, { type: 'addNode', node: y },
      { type: 'addEdge', edge: { id: 'e1', source: a.id, target: x.id, sourceHandle: 'out' } },
      { type: 'addEdge', edge: { id: 'e2', source: a.id, target: y.id, sourceHandle: 'out' } });
    expect(b.flow.edges.filter((e) => e.source === a.id).map((e) => e.target)).toEqual([y.id]);
  });

  test('removing a split branch removes the edge leaving it', () => {
    const split = createNode(palette.find((p) => p.kind === 'randomSplit')!, ids);
    const target = createNode(email, ids);
    if (split.kind !== 'randomSplit') throw new Error('kind');
    const [first, second] = split.config.branches;
    const b = must(body(), { type: 'addNode', node: split }, { type: 'addNode', node: target },
      { type: 'addEdge', edge: { id: 'e_b', source: split.id, target: target.id, sourceHandle: second!.id } },
      { type: 'updateNode', nodeId: split.id, patch: { config: { branches: [{ ...first!, percent: 100 }] } } });
    expect(b.flow.edges.some((e) => e.id === 'e_b')).toBe(false);
  });

  test('removing nodes removes their edges; tying and untying a stage round-trips', () => {
    const b0 = body();
    const n = b0.flow.nodes[1]!;
    const untied = must(b0, { type: 'updateNode', nodeId: n.id, patch: { stageId: null } });
    expect(untied.flow.nodes[1]!.stageId).toBeUndefined();
    expect(must(untied, { type: 'updateNode', nodeId: n.id, patch: { stageId: n.stageId! } }).flow.nodes[1]).toEqual(n);
    const removed = must(b0, { type: 'removeNodes', nodeIds: [n.id] });
    expect(removed.flow.edges.some((e) => e.source === n.id || e.target === n.id)).toBe(false);
  });
});

describe('undo stack', () => {
  test('undo and redo walk back and forth through applied changes (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 30 }), (moves) => {
      let stack = undoStart(body());
      const states = [stack.present];
      for (const to of moves) {
        const r = applyChange(stack.present, { type: 'moveStage', stageId: stack.present.map.stages[0]!.id, toIndex: to });
        if (r.ok) { stack = undoPush(stack, r.data); states.push(r.data); }
      }
      for (let i = states.length - 1; i > 0; i--) stack = undo(stack);
      expect(stack.present).toBe(states[0]);
      for (let i = 1; i < states.length; i++) stack = redo(stack);
      expect(stack.present).toBe(states[states.length - 1]);
    }));
  });

  test('a new edit after undo drops the redo branch', () => {
    const a = body();
    const b = must(a, { type: 'renameLane', laneId: a.map.lanes[0]!.id, name: 'B' });
    const c = must(a, { type: 'renameLane', laneId: a.map.lanes[0]!.id, name: 'C' });
    const stack = undoPush(undo(undoPush(undoStart(a), b)), c);
    expect(redo(stack)).toBe(stack);
    expect(undo(stack).present).toBe(a);
  });
});
