import { englishText, type ExportText } from '../i18n/exportText';
import type { Condition, Duration, FlowNode, NodeConfig } from './flowModel';

// The flow PDF's words for a step. The renderer's flow view words steps through its own catalogue
// (renderer/src/features/journeys/flow/describe.ts); these follow an export's `ExportText`.

/** "3 days", "1 hour", in `text`'s language. */
export function durationText(d: Duration, text: ExportText = englishText): string {
  return text.t(`report.flow.unit.${d.unit}`, { count: d.amount });
}

/** A condition in words, e.g. "nps ≥ 9 and plan = pro". */
export function conditionText(c: Condition, text: ExportText = englishText): string {
  const { t } = text;
  if (c.rules.length === 0) return t('report.flow.noRules');
  const op = { equals: '=', notEquals: '≠', greaterThan: '>', lessThan: '<', atLeast: '≥', atMost: '≤', contains: t('report.flow.op.contains'), isSet: t('report.flow.op.isSet') } as const;
  const rules = c.rules.map((r) => `${r.source === 'personaMatch' ? t('report.flow.match') : ''}${r.field || '?'} ${op[r.operator]}${r.operator === 'isSet' ? '' : ` ${String(r.value ?? '?')}`}`);
  return rules.reduce((left, right) => t(c.match === 'all' ? 'report.flow.and' : 'report.flow.or', { left, right }));
}

/** What kind of step a node is, in words: "Trigger · event", "Action · email", "Wait", "Condition". */
export function stepKindName(node: FlowNode, text: ExportText = englishText): string {
  const { t } = text;
  switch (node.kind) {
    case 'trigger': return t('report.flow.kind.trigger', { type: node.config.type });
    case 'action': return t('report.flow.kind.action', { type: node.config.type });
    case 'wait': return t(node.config.mode === 'duration' ? 'report.flow.kind.wait' : 'report.flow.kind.waitUntil');
    case 'condition': return t('report.flow.kind.condition');
    case 'multiSplit': return t('report.flow.kind.multiSplit');
    case 'randomSplit': return t('report.flow.kind.randomSplit');
    case 'exit': return t('report.flow.kind.exit');
    case 'goto': return t('report.flow.kind.goto');
  }
}

/**
 * What a step is designed to do, as "Name: value" lines with everything the user wrote (subject,
 * message, event, wait time, rules…): for the flow PDF, where a reader has no inspector to open.
 * Empty fields say so ("Message: (empty)") rather than vanish, so a reviewer sees what is missing.
 */
export function stepDetails(node: FlowNode, text: ExportText = englishText): string[] {
  const { t } = text;
  const or = (value: string | undefined) => (value && value.trim() !== '' ? value : t('report.flow.empty'));
  const cond = (c: Condition) => conditionText(c, text);
  const dur = (d: Duration) => durationText(d, text);
  switch (node.kind) {
    case 'trigger': {
      const c = node.config;
      if (c.type === 'surveyResponse') {
        const range = c.minScore !== undefined || c.maxScore !== undefined ? [t('report.flow.score', { min: c.minScore ?? '…', max: c.maxScore ?? '…' })] : [];
        return [t('report.flow.survey', { value: or(c.surveyId) }), ...range];
      }
      if (c.type === 'event') return [t('report.flow.event', { value: or(c.eventName) })];
      if (c.type === 'schedule') {
        const when = scheduleWhen(c, text);
        const who = c.audience?.kind === 'customers' ? t('report.flow.listedCustomers', { count: c.audience.ids.length })
          : c.audience?.kind === 'event' ? t('report.flow.eventAudience', { event: or(c.audience.eventName), days: c.audience.withinDays }) : t('report.flow.startsNobody');
        return [when, who];
      }
      if (c.type === 'segmentEntry') return [t('report.flow.segment', { value: or(c.segmentId) })];
      return [t('report.flow.byHand')];
    }
    case 'action': {
      const c = node.config;
      if (c.type === 'email') return [t('report.flow.subject', { value: or(c.subject) }), t('report.flow.body', { value: or(c.body) })];
      if (c.type === 'sms') return [t('report.flow.message', { value: or(c.message) })];
      if (c.type === 'whatsapp') return [t('report.flow.template', { value: or(c.templateName) }), t('report.flow.message', { value: or(c.message) })];
      if (c.type === 'webhook') return [`${c.method} ${or(c.url)}`];
      if (c.type === 'ticket') return [t('report.flow.subject', { value: or(c.subject) }), t('report.flow.queue', { queue: or(c.queue), priority: c.priority })];
      return [t('report.flow.set', { attribute: or(c.attribute), value: or(c.value) })];
    }
    case 'wait':
      return node.config.mode === 'duration' ? [t('report.flow.waitFor', { duration: dur(node.config.duration) })]
        : [t('report.flow.until', { condition: cond(node.config.condition) }), node.config.timeout ? t('report.flow.atMost', { duration: dur(node.config.timeout) }) : t('report.flow.noTimeout')];
    case 'condition': return [t('report.flow.if', { condition: cond(node.config) })];
    case 'multiSplit': return [...node.config.branches.map((b) => t('report.flow.branch', { label: b.label, condition: cond(b.condition) })), t('report.flow.elseRest')];
    case 'randomSplit': return node.config.branches.map((b) => t('report.flow.branch', { label: b.label, condition: text.fmt.percent(b.percent / 100) }));
    case 'exit': return [node.config.reason ? t('report.flow.reason', { value: node.config.reason }) : t('report.flow.leaves')];
    case 'goto': return [t(node.config.journeyId ? 'report.flow.continues' : 'report.flow.noJourney')];
  }
}

// 2026-11-01 was a Sunday: day d of the week is that date plus d days, named by Intl.
const sunday = Date.UTC(2026, 10, 1, 12);

/** When a schedule trigger fires, in a few words: "Mon, Thu at 09:00 (Europe/Berlin)" or "Every 2 hours". */
export function scheduleWhen(c: Extract<NodeConfig<'trigger'>, { type: 'schedule' }>, text: ExportText = englishText): string {
  if (c.time === undefined) return text.t('report.flow.every', { duration: durationText(c.every, text) });
  const weekday = new Intl.DateTimeFormat(text.locale, { weekday: 'short', timeZone: 'UTC' });
  const days = c.weekdays?.length ? new Intl.ListFormat(text.locale, { style: 'short', type: 'unit' }).format(c.weekdays.map((d) => weekday.format(sunday + d * 86_400_000)))
    : text.t('report.flow.daily');
  return text.t('report.flow.at', { days, time: c.time, zone: c.timeZone ?? 'UTC' });
}
