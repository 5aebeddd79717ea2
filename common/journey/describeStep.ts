import type { Condition, Duration, FlowNode, NodeConfig } from './flowModel';

/** "3 days", "1 hour". */
export function durationText(d: Duration): string {
  return `${d.amount} ${d.amount === 1 ? d.unit.replace(/s$/, '') : d.unit}`;
}

/** A condition in words, e.g. "nps ≥ 9 and plan = pro". */
export function conditionText(c: Condition): string {
  if (c.rules.length === 0) return 'no rules yet';
  const op = { equals: '=', notEquals: '≠', greaterThan: '>', lessThan: '<', atLeast: '≥', atMost: '≤', contains: 'contains', isSet: 'is set' } as const;
  return c.rules.map((r) => `${r.source === 'personaMatch' ? 'match' : ''}${r.field || '?'} ${op[r.operator]}${r.operator === 'isSet' ? '' : ` ${String(r.value ?? '?')}`}`)
    .join(c.match === 'all' ? ' and ' : ' or ');
}

const triggerNames = { surveyResponse: 'survey response', event: 'event', schedule: 'schedule', segmentEntry: 'segment entry', manual: 'manual' } as const;
const actionNames = { email: 'email', sms: 'SMS', whatsapp: 'WhatsApp', webhook: 'webhook', ticket: 'ticket', updateAttribute: 'update attribute' } as const;

/** What kind of step a node is, in words: "Trigger · event", "Action · email", "Wait", "Condition". */
export function stepKindName(node: FlowNode): string {
  switch (node.kind) {
    case 'trigger': return `Trigger · ${triggerNames[node.config.type]}`;
    case 'action': return `Action · ${actionNames[node.config.type]}`;
    case 'wait': return node.config.mode === 'duration' ? 'Wait' : 'Wait until';
    case 'condition': return 'Condition';
    case 'multiSplit': return 'Multi-split';
    case 'randomSplit': return 'Random split';
    case 'exit': return 'Exit';
    case 'goto': return 'Go to journey';
  }
}

/**
 * What a step is designed to do, as "Name: value" lines with everything the user wrote (subject,
 * message, event, wait time, rules…): for the flow PDF, where a reader has no inspector to open.
 * Empty fields say so ("Message: (empty)") rather than vanish, so a reviewer sees what is missing.
 */
export function stepDetails(node: FlowNode): string[] {
  const or = (text: string | undefined) => (text && text.trim() !== '' ? text : '(empty)');
  switch (node.kind) {
    case 'trigger': {
      const c = node.config;
      if (c.type === 'surveyResponse') {
        const range = c.minScore !== undefined || c.maxScore !== undefined ? [`Score: ${c.minScore ?? '…'} to ${c.maxScore ?? '…'}`] : [];
        return [`Survey: ${or(c.surveyId)}`, ...range];
      }
      if (c.type === 'event') return [`Event: ${or(c.eventName)}`];
      if (c.type === 'schedule') {
        const when = scheduleWhen(c);
        const who = c.audience?.kind === 'customers' ? `${c.audience.ids.length} listed customers` : c.audience?.kind === 'event' ? `Customers with "${or(c.audience.eventName)}" in ${c.audience.withinDays} days` : 'Starts nobody yet';
        return [when, who];
      }
      if (c.type === 'segmentEntry') return [`Segment: ${or(c.segmentId)}`];
      return ['Started by hand'];
    }
    case 'action': {
      const c = node.config;
      if (c.type === 'email') return [`Subject: ${or(c.subject)}`, `Body: ${or(c.body)}`];
      if (c.type === 'sms') return [`Message: ${or(c.message)}`];
      if (c.type === 'whatsapp') return [`Template: ${or(c.templateName)}`, `Message: ${or(c.message)}`];
      if (c.type === 'webhook') return [`${c.method} ${or(c.url)}`];
      if (c.type === 'ticket') return [`Subject: ${or(c.subject)}`, `Queue: ${or(c.queue)} · ${c.priority} priority`];
      return [`Set ${or(c.attribute)} = ${or(c.value)}`];
    }
    case 'wait':
      return node.config.mode === 'duration' ? [`Wait ${durationText(node.config.duration)}`]
        : [`Until ${conditionText(node.config.condition)}`, node.config.timeout ? `At most ${durationText(node.config.timeout)}` : 'No timeout'];
    case 'condition': return [`If ${conditionText(node.config)}`];
    case 'multiSplit': return [...node.config.branches.map((b) => `${b.label}: ${conditionText(b.condition)}`), 'Else: the rest'];
    case 'randomSplit': return node.config.branches.map((b) => `${b.label}: ${b.percent} %`);
    case 'exit': return [node.config.reason ? `Reason: ${node.config.reason}` : 'Leaves the journey'];
    case 'goto': return [node.config.journeyId ? 'Continues in another journey' : 'No journey chosen'];
  }
}

/** When a schedule trigger fires, in a few words: "Mon, Thu at 09:00 (Europe/Berlin)" or "Every 2 hours". */
export function scheduleWhen(c: Extract<NodeConfig<'trigger'>, { type: 'schedule' }>): string {
  if (c.time === undefined) return `Every ${durationText(c.every)}`;
  const days = c.weekdays?.length ? c.weekdays.map((d) => ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d]).join(', ') : 'Daily';
  return `${days} at ${c.time} (${c.timeZone ?? 'UTC'})`;
}
