import type { Duration, FlowNode, Rule } from '../flowModel';

/** Shorthands for writing template flows; each returns a node body without id or position. */
type Body = Omit<FlowNode, 'id' | 'position' | 'stageId'>;

/** A trigger on a survey response. */
export const onSurvey = (label: string, surveyId: string): Body => ({ kind: 'trigger', label, config: { type: 'surveyResponse', surveyId } });
/** A trigger on a product event. */
export const onEvent = (label: string, eventName: string): Body => ({ kind: 'trigger', label, config: { type: 'event', eventName } });
/** A trigger on segment entry. */
export const onSegment = (label: string, segmentId: string): Body => ({ kind: 'trigger', label, config: { type: 'segmentEntry', segmentId } });
/** An email action. */
export const email = (label: string, subject: string, body: string): Body => ({ kind: 'action', label, config: { type: 'email', subject, body } });
/** An SMS action. */
export const sms = (label: string, message: string): Body => ({ kind: 'action', label, config: { type: 'sms', message } });
/** A ticket action. */
export const ticket = (label: string, subject: string, priority: 'low' | 'normal' | 'high' | 'urgent', queue: string): Body =>
  ({ kind: 'action', label, config: { type: 'ticket', subject, priority, queue } });
/** An attribute update. */
export const setAttr = (label: string, attribute: string, value: string): Body => ({ kind: 'action', label, config: { type: 'updateAttribute', attribute, value } });
/** A wait for a duration. */
export const wait = (amount: number, unit: Duration['unit']): Body =>
  ({ kind: 'wait', label: `Wait ${amount} ${unit}`, config: { mode: 'duration', duration: { amount, unit } } });
/** A wait until a rule holds, with a timeout. */
export const waitUntil = (label: string, rule: Rule, timeout: Duration): Body =>
  ({ kind: 'wait', label, config: { mode: 'until', condition: { match: 'all', rules: [rule] }, timeout } });
/** An if/else on one rule. */
export const ifRule = (label: string, rule: Rule): Body => ({ kind: 'condition', label, config: { match: 'all', rules: [rule] } });
/** An A/B split. */
export const abSplit = (label: string, a: number): Body =>
  ({ kind: 'randomSplit', label, config: { branches: [{ id: 'a', label: 'Variant A', percent: a }, { id: 'b', label: 'Variant B', percent: 100 - a }] } });
/** An exit. */
export const exit = (label: string): Body => ({ kind: 'exit', label, config: { reason: label } });
/** A rule on a response field. */
export const response = (field: string, operator: Rule['operator'], value: number | string): Rule => ({ source: 'response', field, operator, value });
/** A rule on a customer attribute. */
export const attr = (field: string, operator: Rule['operator'], value?: number | string | boolean): Rule =>
  ({ source: 'attribute', field, operator, ...(value !== undefined ? { value } : {}) });
