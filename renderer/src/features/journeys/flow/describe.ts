import type { Condition, Duration, FlowNode } from '../../../../../common/journey';
import { operatorText, priorityKey, unitKey, type Translate } from './labels';
import { calendarSummary } from '../runs/scheduleText';

/** "3 days", "1 hour", in the current language (ICU plural per unit). */
export function durationText(t: Translate, d: Duration): string {
  return t(unitKey[d.unit], { count: d.amount });
}

/** A condition in words, e.g. "nps ≥ 9 and plan = pro" (common's conditionText, translated). */
export function conditionText(t: Translate, c: Condition): string {
  if (c.rules.length === 0) return t('journeyFlow.summary.noRules');
  const rules = c.rules.map((r) => {
    const field = r.source === 'personaMatch' ? t('journeyFlow.summary.matchField', { field: r.field || '?' }) : r.field || '?';
    return r.operator === 'isSet' ? `${field} ${operatorText(t, r.operator)}` : `${field} ${operatorText(t, r.operator)} ${String(r.value ?? '?')}`;
  });
  return rules.reduce((all, r) => t(c.match === 'all' ? 'journeyFlow.summary.and' : 'journeyFlow.summary.or', { a: all, b: r }));
}

/** One line describing what a node is designed to do (never that it did anything: flows are designs). */
export function nodeSummary(t: Translate, node: FlowNode): string {
  switch (node.kind) {
    case 'trigger': {
      const c = node.config;
      return c.type === 'surveyResponse' ? t('journeyFlow.summary.survey', { survey: c.surveyId || '?' })
        : c.type === 'event' ? t('journeyFlow.summary.event', { name: c.eventName || '?' })
          : c.type === 'schedule' ? calendarSummary(t, c) ?? t('journeyFlow.summary.every', { duration: durationText(t, c.every) })
            : c.type === 'segmentEntry' ? t('journeyFlow.summary.segment', { segment: c.segmentId || '?' }) : t('journeyFlow.summary.manual');
    }
    case 'action': return actionSummary(t, node.config);
    case 'wait': {
      const w = node.config;
      if (w.mode === 'duration') return t('journeyFlow.summary.wait', { duration: durationText(t, w.duration) });
      const condition = conditionText(t, w.condition);
      return w.timeout ? t('journeyFlow.summary.until', { condition, timeout: durationText(t, w.timeout) }) : t('journeyFlow.summary.untilNoTimeout', { condition });
    }
    case 'condition': return conditionText(t, node.config);
    case 'multiSplit': return t('journeyFlow.summary.branches', { count: node.config.branches.length });
    case 'randomSplit': return node.config.branches.map((b) => `${b.label} ${b.percent}%`).join(' / ');
    case 'exit': return node.config.reason ?? t('journeyFlow.summary.leaves');
    case 'goto': return t(node.config.journeyId ? 'journeyFlow.summary.continues' : 'journeyFlow.summary.chooseJourney');
  }
}

function actionSummary(t: Translate, c: Extract<FlowNode, { kind: 'action' }>['config']): string {
  switch (c.type) {
    case 'email': return t('journeyFlow.summary.email', { subject: c.subject || t('journeyFlow.summary.noSubject') });
    case 'sms': return t('journeyFlow.summary.sms', { text: c.message.slice(0, 40) || t('journeyFlow.summary.emptyText') });
    case 'whatsapp': return t('journeyFlow.summary.whatsapp', { template: c.templateName || t('journeyFlow.summary.noTemplate') });
    case 'webhook': return `${c.method} ${c.url || t('journeyFlow.summary.noUrl')}`;
    case 'ticket': return t('journeyFlow.summary.ticket', { priority: t(priorityKey[c.priority]), queue: c.queue || '?' });
    case 'updateAttribute': return t('journeyFlow.summary.set', { attribute: c.attribute || '?', value: c.value });
  }
}
