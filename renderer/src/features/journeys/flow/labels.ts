import type { ActionType, Duration, FlowNode, FlowProblem, PaletteItem, Rule, TriggerType } from '../../../../../common/journey';
import type { MessageId, useT } from '../../../i18n';

/** `t` as the hooks give it, for helpers called from components. */
export type Translate = ReturnType<typeof useT>;

export const triggerKey: Record<TriggerType, MessageId> = {
  surveyResponse: 'journeyFlow.trigger.surveyResponse', event: 'journeyFlow.trigger.event', schedule: 'journeyFlow.trigger.schedule',
  segmentEntry: 'journeyFlow.trigger.segmentEntry', manual: 'journeyFlow.trigger.manual',
};
export const actionKey: Record<ActionType, MessageId> = {
  email: 'journeyFlow.action.email', sms: 'journeyFlow.action.sms', whatsapp: 'journeyFlow.action.whatsapp',
  webhook: 'journeyFlow.action.webhook', ticket: 'journeyFlow.action.ticket', updateAttribute: 'journeyFlow.action.updateAttribute',
};
/** The inspector's heading per step kind. */
export const kindKey: Record<FlowNode['kind'], MessageId> = {
  trigger: 'journeyFlow.kind.trigger', action: 'journeyFlow.kind.action', wait: 'journeyFlow.kind.wait', condition: 'journeyFlow.kind.condition',
  multiSplit: 'journeyFlow.kind.multiSplit', randomSplit: 'journeyFlow.kind.randomSplit', exit: 'journeyFlow.kind.exit', goto: 'journeyFlow.kind.goto',
};
export const unitKey: Record<Duration['unit'], MessageId> = {
  minutes: 'journeyFlow.duration.minutes', hours: 'journeyFlow.duration.hours', days: 'journeyFlow.duration.days', weeks: 'journeyFlow.duration.weeks',
};
export const unitNameKey: Record<Duration['unit'], MessageId> = {
  minutes: 'journeyFlow.unit.minutes', hours: 'journeyFlow.unit.hours', days: 'journeyFlow.unit.days', weeks: 'journeyFlow.unit.weeks',
};
export const priorityKey = {
  low: 'journeyFlow.priority.low', normal: 'journeyFlow.priority.normal', high: 'journeyFlow.priority.high', urgent: 'journeyFlow.priority.urgent',
} as const satisfies Record<string, MessageId>;
export const operatorText = (t: Translate, op: Rule['operator']): string =>
  op === 'contains' ? t('journeyFlow.rule.contains') : op === 'isSet' ? t('journeyFlow.rule.isSet')
    : { equals: '=', notEquals: '≠', greaterThan: '>', lessThan: '<', atLeast: '≥', atMost: '≤' }[op];

/** A palette item's name in the current language (also the label a new step starts with). */
export function paletteLabel(t: Translate, item: PaletteItem): string {
  switch (item.kind) {
    case 'trigger': return t(triggerKey[item.type]);
    case 'action': return t(actionKey[item.type]);
    case 'wait': return t(item.type === 'duration' ? 'journeyFlow.palette.wait' : 'journeyFlow.palette.waitUntil');
    case 'condition': return t('journeyFlow.palette.condition');
    default: return t(kindKey[item.kind]);
  }
}

/** An output handle's name: a split's branch label, else Yes / No / On timeout / Next / Else. */
export function handleName(t: Translate, node: FlowNode, handle: string): string {
  if (node.kind === 'multiSplit' || node.kind === 'randomSplit') {
    return node.config.branches.find((b) => b.id === handle)?.label ?? (handle === 'else' ? t('journeyFlow.handle.else') : handle);
  }
  const key = ({ out: 'journeyFlow.handle.next', yes: 'journeyFlow.handle.yes', no: 'journeyFlow.handle.no', timeout: 'journeyFlow.handle.timeout' } as const)[handle];
  return key ? t(key) : handle;
}

/**
 * A flow problem in the current language. The validator (common/) keeps an English sentence for the
 * CLI and the engine and names the case with `about`; the screens word it from the catalogue.
 */
export function problemText(t: Translate, p: FlowProblem): string {
  const a = p.about;
  switch (a.case) {
    case 'noTrigger': return t('journeyFlow.problem.noTrigger');
    case 'unreachable': return t('journeyFlow.problem.unreachable');
    case 'loop': return t('journeyFlow.problem.loop');
    case 'danglingEdge': return t('journeyFlow.problem.danglingEdge');
    case 'unknownHandle': return t('journeyFlow.problem.unknownHandle');
    case 'inputOnTrigger': return t('journeyFlow.problem.inputOnTrigger');
    case 'unknownStage': return t('journeyFlow.problem.unknownStage');
    case 'conditionBranch': return t('journeyFlow.problem.conditionBranch', { branch: a.branch });
    case 'splitSum': return t('journeyFlow.problem.splitSum', { sum: a.sum });
    case 'branch': return t('journeyFlow.problem.branch', { label: a.label });
    case 'elseBranch': return t('journeyFlow.problem.elseBranch');
    case 'waitDuration': return t('journeyFlow.problem.waitDuration');
    case 'waitTimeout': return t('journeyFlow.problem.waitTimeout');
    case 'waitDeadEnd': return t('journeyFlow.problem.waitDeadEnd');
    case 'deadEnd': return t('journeyFlow.problem.deadEnd');
    case 'gotoTarget': return t('journeyFlow.problem.gotoTarget');
    case 'emailSubject': return t('journeyFlow.problem.emailSubject');
    case 'emailBody': return t('journeyFlow.problem.emailBody');
    case 'smsMessage': return t('journeyFlow.problem.smsMessage');
    case 'whatsappMessage': return t('journeyFlow.problem.whatsappMessage');
    case 'webhookUrl': return t('journeyFlow.problem.webhookUrl');
  }
}
