import type { FlowEdge, FlowNode } from '../flowModel';
import { layoutFlow } from '../layout';
import type { Card, CardLaneType, Channel, Evidence, JourneyMap, Lane } from '../mapModel';
import type { JourneySnapshot } from '../journey';

/**
 * A compact way to write built-in templates: stages as a list, each lane as one entry per stage,
 * and the flow as nodes naming their successors. The builder gives everything stable ids, so a
 * template produces the same journey on every machine.
 */
export interface TemplateSpec {
  /** Stable template id, e.g. `tpl_onboarding`. */
  id: string;
  /** Display name. */
  name: string;
  /** One or two sentences on when to use it. */
  description: string;
  /** Gallery grouping. */
  category: string;
  /** Tags the created journey starts with. */
  tags: string[];
  /** Stage names with colour and an optional moment-of-truth flag. */
  stages: Array<{ name: string; colour: string; moment?: boolean }>;
  /** Card lanes: per stage, a list of card texts (`~` prefix marks an assumption, `!` research). */
  lanes: Array<{ type: CardLaneType; name: string; cells: string[][] } | { type: 'channels'; name: string; channels: Channel[][] }>;
  /** Emotion values per stage on −2..+2: today and the designed future. */
  emotion: { asIs: number[]; toBe: number[] };
  /** One metric lane. */
  metric: { kind: 'nps' | 'csat' | 'ces' | 'custom'; name: string; unit?: string; values: number[]; targets: number[] };
  /** Flow nodes; `next` maps an output handle to the key of the following node. */
  flow: Array<{ key: string; node: Omit<FlowNode, 'id' | 'position' | 'stageId'>; stage?: number; next?: Record<string, string> }>;
}

function evidenceOf(text: string): { text: string; evidence?: Evidence } {
  if (text.startsWith('~')) return { text: text.slice(1), evidence: { kind: 'assumption' } };
  if (text.startsWith('!')) return { text: text.slice(1), evidence: { kind: 'research', source: 'Customer interviews' } };
  return { text };
}

/** Builds the journey content of a template spec; throws on a broken spec, since specs ship in code. */
export function buildTemplate(spec: TemplateSpec): JourneySnapshot {
  const stages = spec.stages.map((s, i) => ({ id: `st_${i + 1}`, name: s.name, colour: s.colour, momentOfTruth: s.moment ?? false }));
  const stageId = (i: number) => {
    const s = stages[i];
    if (!s) throw new Error(`Template ${spec.id}: no stage ${i}`);
    return s.id;
  };
  const lanes: Lane[] = [];
  const cells: JourneyMap['cells'] = {};
  spec.lanes.forEach((l, li) => {
    const id = `ln_${li + 1}`;
    lanes.push({ id, type: l.type, name: l.name });
    const row: Record<string, Card[]> = {};
    const perStage = 'channels' in l ? l.channels.map((cs) => cs.map((c) => ({ text: '', channel: c }))) : l.cells.map((ts) => ts.map(evidenceOf));
    perStage.forEach((cards, si) => {
      if (cards.length > 0) row[stageId(si)] = cards.map((c, k) => ({ id: `cd_${li + 1}_${si + 1}_${k + 1}`, ...c }));
    });
    cells[id] = row;
  });
  const points = (values: number[]) => Object.fromEntries(values.map((x, i) => [stageId(i), x]));
  lanes.push({
    id: 'ln_emotion', type: 'emotion', name: 'Emotions', scale: 'bipolar',
    curves: [
      { id: 'cv_asis', variant: 'as-is', label: 'Today', colour: '#c0504d', points: points(spec.emotion.asIs) },
      { id: 'cv_tobe', variant: 'to-be', label: 'Designed', colour: '#4f81bd', points: points(spec.emotion.toBe) },
    ],
  });
  lanes.push({
    id: 'ln_metric', type: 'metric', name: spec.metric.name, metric: spec.metric.kind,
    ...(spec.metric.unit ? { unit: spec.metric.unit } : {}),
    values: Object.fromEntries(spec.metric.values.map((x, i) => {
      const prev = spec.metric.values[i - 1];
      const trend = prev === undefined || prev === x ? 'flat' : x > prev ? 'up' : 'down';
      return [stageId(i), { value: x, target: spec.metric.targets[i] ?? x, trend }];
    })),
  });

  const nodeId = (key: string) => `n_${key}`;
  const nodes = spec.flow.map((f) => ({
    ...f.node, id: nodeId(f.key), position: { x: 0, y: 0 }, ...(f.stage !== undefined ? { stageId: stageId(f.stage) } : {}),
  }) as FlowNode);
  const keys = new Set(spec.flow.map((f) => f.key));
  const edges: FlowEdge[] = spec.flow.flatMap((f) => Object.entries(f.next ?? {}).map(([handle, to]) => {
    if (!keys.has(to)) throw new Error(`Template ${spec.id}: unknown node ${to}`);
    return { id: `e_${f.key}_${handle}`, source: nodeId(f.key), target: nodeId(to), sourceHandle: handle };
  }));
  const positions = layoutFlow(nodes, edges);
  const placed = nodes.map((n) => ({ ...n, position: positions[n.id] ?? n.position }));
  return {
    name: spec.name, description: spec.description, tags: spec.tags, personaIds: [],
    map: { stages, lanes, cells }, flow: { nodes: placed, edges },
  };
}
