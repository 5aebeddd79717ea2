import type { FlowNode, JourneyFlow } from '../../../../../common/journey';
import { maxSimulatedCustomers, type SimulationOptions } from '../../../../../common/flowEngine';
import { err, ok, type Result } from '../../../../../common/result';
import { translate } from '../../../i18n';

/** What the simulator panel's form holds. Percentages and hours as the user typed them. */
export interface SimForm {
  population: 'generated' | 'dataset' | 'eventLog';
  count: number;
  datasetId: string;
  triggerNodeId: string;
  horizonDays: number;
  arrivalDays: number;
  /** Per condition / multi-split: percent per output handle where data cannot decide. */
  branches: Record<string, Record<string, number>>;
  /** Per wait-until: chance in percent that the event comes, and after how many hours. */
  events: Record<string, { percent: number; hours: number }>;
}

/** A form with defaults for a flow: 1,000 generated customers over 30 days, equal branches, no events. */
export function defaultForm(flow: JourneyFlow): SimForm {
  return {
    population: 'generated', count: 1000, datasetId: '', triggerNodeId: flow.nodes.find((n) => n.kind === 'trigger')?.id ?? '',
    horizonDays: 30, arrivalDays: 0, branches: {}, events: {},
  };
}

/** A decision the data may not settle: its node, and the outputs with their labels. */
export interface Decision {
  node: FlowNode;
  outputs: { handle: string; label: string }[];
}

/** Conditions and multi-splits, whose branches the designer may weigh. */
export function decisions(flow: JourneyFlow): Decision[] {
  const out: Decision[] = [];
  for (const node of flow.nodes) {
    if (node.kind === 'condition') out.push({ node, outputs: [{ handle: 'yes', label: 'yes' }, { handle: 'no', label: 'no' }] });
    if (node.kind === 'multiSplit') out.push({ node, outputs: [...node.config.branches.map((b) => ({ handle: b.id, label: b.label })), { handle: 'else', label: 'else' }] });
  }
  return out;
}

/** Wait-until steps, whose event the designer gives a chance and a delay. */
export function waitUntils(flow: JourneyFlow): FlowNode[] {
  return flow.nodes.filter((n) => n.kind === 'wait' && n.config.mode === 'until');
}

const inRange = (x: number, lo: number, hi: number) => Number.isFinite(x) && x >= lo && x <= hi;

/** The simulator's options from the form, or the first thing wrong with it in a sentence. */
export function formOptions(form: SimForm, flow: JourneyFlow, startAt: number, journeys: SimulationOptions['journeys']): Result<SimulationOptions> {
  if (form.population === 'generated' && !(Number.isInteger(form.count) && inRange(form.count, 1, maxSimulatedCustomers))) {
    return err('invalid-argument', translate('simulator.error.count', { max: maxSimulatedCustomers }));
  }
  if (form.population !== 'generated' && form.datasetId === '') return err('invalid-argument', translate('simulator.error.data'));
  if (!inRange(form.horizonDays, 1, 3650)) return err('invalid-argument', translate('simulator.error.days', { max: 3650 }));
  if (!inRange(form.arrivalDays, 0, form.horizonDays)) return err('invalid-argument', translate('simulator.error.arrivals'));
  const branchWeights: SimulationOptions['branchWeights'] = {};
  for (const d of decisions(flow)) {
    const set = form.branches[d.node.id];
    if (!set) continue;
    for (const o of d.outputs) {
      if (!inRange(set[o.handle] ?? 0, 0, 100)) return err('invalid-argument', translate('simulator.error.branchRange', { step: d.node.label }));
    }
    if (d.outputs.every((o) => (set[o.handle] ?? 0) === 0)) return err('invalid-argument', translate('simulator.error.branchZero', { step: d.node.label }));
    branchWeights[d.node.id] = Object.fromEntries(d.outputs.map((o) => [o.handle, set[o.handle] ?? 0]));
  }
  const eventDelays: SimulationOptions['eventDelays'] = {};
  for (const n of waitUntils(flow)) {
    const e = form.events[n.id];
    if (!e) continue;
    if (!inRange(e.percent, 0, 100)) return err('invalid-argument', translate('simulator.error.eventChance', { step: n.label }));
    if (!inRange(e.hours, 0, 87_600)) return err('invalid-argument', translate('simulator.error.eventDelay', { step: n.label, max: 87_600 }));
    eventDelays[n.id] = { probability: e.percent / 100, hours: e.hours };
  }
  return ok({
    ...(form.triggerNodeId ? { triggerNodeId: form.triggerNodeId } : {}),
    startAt, arrivalDays: form.arrivalDays, horizonDays: form.horizonDays, branchWeights, eventDelays, journeys,
  });
}

/** Whether two flows are the same design, positions aside: counts from one can be shown on the other. */
export function sameDesign(a: JourneyFlow, b: JourneyFlow): boolean {
  if (a === b) return true;
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  const strip = (f: JourneyFlow) => JSON.stringify({ nodes: f.nodes.map(({ position: _p, ...rest }) => rest), edges: f.edges });
  return strip(a) === strip(b);
}
