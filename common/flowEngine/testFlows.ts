import type { FlowEdge, FlowNode, JourneyFlow } from '../journey/flowModel';
import type { JourneyRef, RunStart, StepContext } from './ports';

/**
 * Small flow builders for the interpreter's tests and the simulator's bench: `chain` joins nodes by
 * their `out` handle, `edge` adds any other output.
 */

let counter = 0;
const pos = () => ({ x: 0, y: counter++ * 10 });

export const node = {
  trigger: (id: string, config: Extract<FlowNode, { kind: 'trigger' }>['config'] = { type: 'manual' }): FlowNode =>
    ({ id, kind: 'trigger', label: id, position: pos(), config }),
  email: (id: string, subject = 'Hi', body = 'Hello'): FlowNode =>
    ({ id, kind: 'action', label: id, position: pos(), config: { type: 'email', subject, body } }),
  sms: (id: string, message = 'Hi'): FlowNode => ({ id, kind: 'action', label: id, position: pos(), config: { type: 'sms', message } }),
  whatsapp: (id: string, message = 'Hi'): FlowNode =>
    ({ id, kind: 'action', label: id, position: pos(), config: { type: 'whatsapp', templateName: 'welcome', message } }),
  webhook: (id: string, url = 'https://hooks.example/x'): FlowNode =>
    ({ id, kind: 'action', label: id, position: pos(), config: { type: 'webhook', method: 'POST', url } }),
  ticket: (id: string, subject = 'Call back'): FlowNode =>
    ({ id, kind: 'action', label: id, position: pos(), config: { type: 'ticket', subject, priority: 'high', queue: 'care' } }),
  setAttr: (id: string, attribute: string, value: string): FlowNode =>
    ({ id, kind: 'action', label: id, position: pos(), config: { type: 'updateAttribute', attribute, value } }),
  wait: (id: string, days: number): FlowNode =>
    ({ id, kind: 'wait', label: id, position: pos(), config: { mode: 'duration', duration: { amount: days, unit: 'days' } } }),
  waitUntilEvent: (id: string, eventName: string, timeoutDays?: number): FlowNode => ({
    id, kind: 'wait', label: id, position: pos(),
    config: { mode: 'until', condition: { match: 'all', rules: [{ source: 'response', field: 'event', operator: 'equals', value: eventName }] },
      ...(timeoutDays !== undefined ? { timeout: { amount: timeoutDays, unit: 'days' as const } } : {}) },
  }),
  condition: (id: string, field: string, operator: 'atLeast' | 'equals', value: number | string, source: 'attribute' | 'response' = 'attribute'): FlowNode =>
    ({ id, kind: 'condition', label: id, position: pos(), config: { match: 'all', rules: [{ source, field, operator, value }] } }),
  multi: (id: string, branches: Array<{ id: string; field: string; value: string }>): FlowNode => ({
    id, kind: 'multiSplit', label: id, position: pos(),
    config: { branches: branches.map((b) => ({ id: b.id, label: b.id, condition: { match: 'all' as const, rules: [{ source: 'attribute' as const, field: b.field, operator: 'equals' as const, value: b.value }] } })) },
  }),
  random: (id: string, arms: Array<[string, number]>): FlowNode =>
    ({ id, kind: 'randomSplit', label: id, position: pos(), config: { branches: arms.map(([b, percent]) => ({ id: b, label: b, percent })) } }),
  exit: (id: string, reason?: string): FlowNode => ({ id, kind: 'exit', label: id, position: pos(), config: reason ? { reason } : {} }),
  goto: (id: string, journeyId?: string): FlowNode => ({ id, kind: 'goto', label: id, position: pos(), config: journeyId ? { journeyId } : {} }),
};

let edgeCounter = 0;
/** An edge from `source`'s `handle` to `target`. */
export function edge(source: string, target: string, handle = 'out'): FlowEdge {
  return { id: `e${edgeCounter++}`, source, target, sourceHandle: handle };
}

/** A flow of nodes with the given edges plus `out` edges joining `chain` in order. */
export function flowOf(nodes: FlowNode[], chain: string[] = [], extra: FlowEdge[] = []): JourneyFlow {
  const edges = chain.slice(1).map((id, i) => edge(chain[i]!, id));
  return { nodes, edges: [...edges, ...extra] };
}

/** A context whose journey directory holds the given journeys. */
export function contextWith(journeys: JourneyRef[] = [], extra: Partial<StepContext> = {}): StepContext {
  const byId = new Map(journeys.map((j) => [j.journeyId, j]));
  return { journeys: { published: (id) => byId.get(id) ?? null }, ...extra };
}

/** A start at trigger `t` for one customer. */
export function startOf(customerId: string, attributes: RunStart['attributes'] = {}, at = 0, triggerNodeId = 't'): RunStart {
  return { runId: `run-${customerId}`, customerId, triggerNodeId, at, attributes };
}
