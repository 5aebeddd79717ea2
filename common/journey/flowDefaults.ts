import type { IdFactory } from './ids';
import type { ActionType, FlowNode, NodeKind, TriggerType } from './flowModel';

/**
 * What the node palette offers: one entry per thing a designer can drop on the canvas. Triggers and
 * actions are one node kind each with a typed sub-type, so the inspector and the validator treat
 * them alike.
 */
export type PaletteItem =
  | { kind: 'trigger'; type: TriggerType; label: string }
  | { kind: 'action'; type: ActionType; label: string }
  | { kind: 'wait'; type: 'duration' | 'until'; label: string }
  | { kind: Exclude<NodeKind, 'trigger' | 'action' | 'wait'>; label: string };

/** The palette, grouped in the order it is shown. */
export const palette: readonly PaletteItem[] = [
  { kind: 'trigger', type: 'surveyResponse', label: 'Survey response received' },
  { kind: 'trigger', type: 'event', label: 'Event' },
  { kind: 'trigger', type: 'schedule', label: 'Schedule' },
  { kind: 'trigger', type: 'segmentEntry', label: 'Segment entry' },
  { kind: 'trigger', type: 'manual', label: 'Manual' },
  { kind: 'action', type: 'email', label: 'Send email' },
  { kind: 'action', type: 'sms', label: 'Send SMS' },
  { kind: 'action', type: 'whatsapp', label: 'Send WhatsApp' },
  { kind: 'action', type: 'webhook', label: 'Call webhook' },
  { kind: 'action', type: 'ticket', label: 'Create ticket' },
  { kind: 'action', type: 'updateAttribute', label: 'Update attribute' },
  { kind: 'wait', type: 'duration', label: 'Wait' },
  { kind: 'wait', type: 'until', label: 'Wait until' },
  { kind: 'condition', label: 'Condition' },
  { kind: 'multiSplit', label: 'Multi-split' },
  { kind: 'randomSplit', label: 'Random / A-B split' },
  { kind: 'exit', label: 'Exit' },
  { kind: 'goto', label: 'Go to journey' },
];

/** A new node for a palette item, with a config that passes its schema. */
export function createNode(item: PaletteItem, ids: IdFactory, position = { x: 0, y: 0 }): FlowNode {
  const base = { id: ids('n'), position, label: item.label };
  switch (item.kind) {
    case 'trigger':
      return { ...base, kind: 'trigger', config: triggerConfig(item.type) };
    case 'action':
      return { ...base, kind: 'action', config: actionConfig(item.type) };
    case 'wait':
      return item.type === 'duration'
        ? { ...base, kind: 'wait', config: { mode: 'duration', duration: { amount: 1, unit: 'days' } } }
        : { ...base, kind: 'wait', config: { mode: 'until', condition: { match: 'all', rules: [] }, timeout: { amount: 7, unit: 'days' } } };
    case 'condition':
      return { ...base, kind: 'condition', config: { match: 'all', rules: [{ source: 'response', field: 'nps', operator: 'atLeast', value: 9 }] } };
    case 'multiSplit':
      return {
        ...base,
        kind: 'multiSplit',
        config: { branches: [{ id: ids('b'), label: 'Branch 1', condition: { match: 'all', rules: [] } }] },
      };
    case 'randomSplit':
      return {
        ...base,
        kind: 'randomSplit',
        config: { branches: [{ id: ids('b'), label: 'A', percent: 50 }, { id: ids('b'), label: 'B', percent: 50 }] },
      };
    case 'exit':
      return { ...base, kind: 'exit', config: {} };
    case 'goto':
      return { ...base, kind: 'goto', config: {} };
  }
}

/** A default config per trigger type. */
export function triggerConfig(type: TriggerType): Extract<FlowNode, { kind: 'trigger' }>['config'] {
  switch (type) {
    case 'surveyResponse': return { type, surveyId: '' };
    case 'event': return { type, eventName: '' };
    case 'schedule': return { type, every: { amount: 1, unit: 'days' } };
    case 'segmentEntry': return { type, segmentId: '' };
    case 'manual': return { type };
  }
}

/** A default config per action type. */
export function actionConfig(type: ActionType): Extract<FlowNode, { kind: 'action' }>['config'] {
  switch (type) {
    case 'email': return { type, subject: '', body: '' };
    case 'sms': return { type, message: '' };
    case 'whatsapp': return { type, templateName: '', message: '' };
    case 'webhook': return { type, method: 'POST', url: '' };
    case 'ticket': return { type, subject: '', priority: 'normal', queue: '' };
    case 'updateAttribute': return { type, attribute: '', value: '' };
  }
}
