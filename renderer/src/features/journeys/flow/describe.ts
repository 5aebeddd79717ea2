import { conditionText, durationText, type FlowNode } from '../../../../../common/journey';

export { conditionText, durationText };


/** One line describing what a node is designed to do (never that it did anything: flows are designs). */
export function nodeSummary(node: FlowNode): string {
  switch (node.kind) {
    case 'trigger': {
      const c = node.config;
      return c.type === 'surveyResponse' ? `Survey ${c.surveyId || '?'} answered` : c.type === 'event' ? `Event ${c.eventName || '?'}`
        : c.type === 'schedule' ? `Every ${durationText(c.every)}` : c.type === 'segmentEntry' ? `Enters ${c.segmentId || '?'}` : 'Started by hand';
    }
    case 'action': {
      const c = node.config;
      return c.type === 'email' ? `Email: ${c.subject || 'no subject'}` : c.type === 'sms' ? `SMS: ${c.message.slice(0, 40) || 'empty'}`
        : c.type === 'whatsapp' ? `WhatsApp: ${c.templateName || 'no template'}` : c.type === 'webhook' ? `${c.method} ${c.url || 'no URL'}`
          : c.type === 'ticket' ? `Ticket (${c.priority}) → ${c.queue || '?'}` : `Set ${c.attribute || '?'} = ${c.value}`;
    }
    case 'wait':
      return node.config.mode === 'duration' ? `Wait ${durationText(node.config.duration)}`
        : `Until ${conditionText(node.config.condition)}${node.config.timeout ? `, at most ${durationText(node.config.timeout)}` : ', no timeout'}`;
    case 'condition': return conditionText(node.config);
    case 'multiSplit': return `${node.config.branches.length} branches + else`;
    case 'randomSplit': return node.config.branches.map((b) => `${b.label} ${b.percent}%`).join(' / ');
    case 'exit': return node.config.reason ?? 'Leaves the journey';
    case 'goto': return node.config.journeyId ? 'Continues in another journey' : 'Choose a journey';
  }
}
