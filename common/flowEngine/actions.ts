import type { FlowNode } from '../journey/flowModel';
import type { OutgoingMessage } from './ports';
import type { Walk } from './walk';
import { entry, fail, idempotencyKey } from './walk';
import { missingText, renderAll } from './template';

type ActionNode = Extract<FlowNode, { kind: 'action' }>;

/** The texts of an action that may hold `{{variables}}`. */
function templateFields(c: ActionNode['config']): Record<string, string> {
  switch (c.type) {
    case 'email': return { subject: c.subject, body: c.body };
    case 'sms': return { text: c.message };
    case 'whatsapp': return { text: c.message };
    case 'webhook': return { url: c.url };
    case 'ticket': return { subject: c.subject };
    case 'updateAttribute': return { value: c.value };
  }
}

function message(c: ActionNode['config'], t: Record<string, string>, w: Walk, nodeId: string): OutgoingMessage | null {
  const s = w.state;
  switch (c.type) {
    case 'email': return { channel: 'email', subject: t.subject!, body: t.body! };
    case 'sms': return { channel: 'sms', text: t.text! };
    case 'whatsapp': return { channel: 'whatsapp', templateName: c.templateName, text: t.text! };
    case 'webhook':
      return { channel: 'webhook', method: c.method, url: t.url!, body: { runId: s.runId, customerId: s.customerId, journeyId: s.journeyId, nodeId, attributes: { ...s.attributes } } };
    case 'ticket': return { channel: 'ticket', subject: t.subject!, priority: c.priority, queue: c.queue };
    case 'updateAttribute': return null;
  }
}

/**
 * An action: fill its template variables from the customer's attributes (any missing one fails the
 * step, naming it, and nothing is sent), then either stop at a send for the host to perform or, for
 * an attribute update, apply it and go on.
 */
export function actionStep(w: Walk, node: ActionNode): string | null {
  const s = w.state;
  const c = node.config;
  const rendered = renderAll(templateFields(c), s.attributes, s.customerId);
  if (!rendered.ok) {
    fail(w, node.id, 'missing-variable',
      `Template variable ${missingText(rendered.missing)} has no value for customer ${s.customerId}; nothing was sent. Add the attribute or remove the variable, then retry.`);
    return null;
  }
  const key = idempotencyKey(s.runId, node.id, s.visits[node.id] ?? 0);
  if (c.type === 'updateAttribute') {
    const value = rendered.texts.value!;
    s.attributes[c.attribute] = value;
    w.effects.push({ kind: 'setAttribute', idempotencyKey: key, customerId: s.customerId, attribute: c.attribute, value });
    entry(w, node.id, 'attributeSet', { message: `${c.attribute} = ${value}` });
    return 'out';
  }
  const out = message(c, rendered.texts, w, node.id)!;
  s.status = 'sending';
  s.pending = { nodeId: node.id, idempotencyKey: key };
  w.effects.push({ kind: 'send', idempotencyKey: key, runId: s.runId, nodeId: node.id, customerId: s.customerId, message: out });
  entry(w, node.id, 'sending');
  return null;
}
