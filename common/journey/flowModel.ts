import * as v from 'valibot';
import { idSchema } from './mapModel';

/**
 * The flow view of a journey: a graph of trigger, action, wait, condition, split, exit and go-to
 * nodes. Flows are designs: nothing executes them yet, so configs describe intent, not delivery.
 */

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

/** A duration such as "3 days". */
export const durationSchema = v.object({
  amount: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100000)),
  unit: v.picklist(['minutes', 'hours', 'days', 'weeks']),
});
/** A duration. */
export type Duration = v.InferOutput<typeof durationSchema>;

/** Operators a rule can use. */
export const ruleOperators = ['equals', 'notEquals', 'greaterThan', 'lessThan', 'atLeast', 'atMost', 'contains', 'isSet'] as const;

/** One test on a response field, the persona match score, or a customer attribute. */
export const ruleSchema = v.object({
  source: v.picklist(['response', 'personaMatch', 'attribute']),
  /** The field, attribute name, or persona id (for personaMatch). */
  field: text(200),
  operator: v.picklist(ruleOperators),
  value: v.optional(v.union([v.string(), v.number(), v.boolean()])),
});
/** A rule of a condition. */
export type Rule = v.InferOutput<typeof ruleSchema>;

/** Rules joined by all/any. */
export const conditionSchema = v.object({
  match: v.picklist(['all', 'any']),
  rules: v.pipe(v.array(ruleSchema), v.maxLength(50)),
});
/** A condition. */
export type Condition = v.InferOutput<typeof conditionSchema>;

/** Trigger configs, by trigger type. */
export const triggerConfigSchema = v.variant('type', [
  v.object({ type: v.literal('surveyResponse'), surveyId: text(200), minScore: v.optional(v.number()), maxScore: v.optional(v.number()) }),
  v.object({ type: v.literal('event'), eventName: text(200) }),
  v.object({
    type: v.literal('schedule'),
    /** Period form: every `every` from `startAt` (epoch ms, default 0). Ignored when `time` is set. */
    every: durationSchema,
    startAt: v.optional(v.pipe(v.number(), v.minValue(0))),
    /** Calendar form: at this local time (`HH:MM`, 24 h) on `weekdays` (0 Sunday … 6 Saturday; absent or empty: every day). */
    time: v.optional(v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/))),
    weekdays: v.optional(v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(6))), v.maxLength(7))),
    /** IANA zone of `time`: the workspace zone when the trigger was set up, kept with it so a published schedule never shifts. */
    timeZone: v.optional(text(64)),
    /** Whom each slot starts: listed customer ids, or customers who sent an event within the last days. Absent: nobody (the engine logs it). */
    audience: v.optional(v.variant('kind', [
      v.object({ kind: v.literal('customers'), ids: v.pipe(v.array(text(200)), v.maxLength(1000)) }),
      v.object({ kind: v.literal('event'), eventName: text(200), withinDays: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(365)) }),
    ])),
  }),
  v.object({ type: v.literal('segmentEntry'), segmentId: text(200) }),
  v.object({ type: v.literal('manual') }),
]);

/** Action configs, by action type. */
export const actionConfigSchema = v.variant('type', [
  v.object({ type: v.literal('email'), subject: text(300), body: text(20000) }),
  v.object({ type: v.literal('sms'), message: text(1600) }),
  v.object({ type: v.literal('whatsapp'), templateName: text(200), message: text(4000) }),
  v.object({ type: v.literal('webhook'), method: v.picklist(['POST', 'PUT', 'GET']), url: text(2000) }),
  v.object({ type: v.literal('ticket'), subject: text(300), priority: v.picklist(['low', 'normal', 'high', 'urgent']), queue: text(120) }),
  v.object({ type: v.literal('updateAttribute'), attribute: text(200), value: text(2000) }),
]);

/** Wait for a duration, or until a condition holds (a timeout is required by validation, not by shape, so drafts can be incomplete). */
export const waitConfigSchema = v.variant('mode', [
  v.object({ mode: v.literal('duration'), duration: durationSchema }),
  v.object({ mode: v.literal('until'), condition: conditionSchema, timeout: v.optional(durationSchema) }),
]);

/** A branch of a multi-split: taken when its condition holds, in order. */
export const multiBranchSchema = v.object({ id: idSchema, label: text(120), condition: conditionSchema });
/** A branch of a random split with its share of traffic in percent. */
export const randomBranchSchema = v.object({
  id: idSchema,
  label: text(120),
  percent: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
});

const base = {
  id: idSchema,
  position: v.object({ x: v.number(), y: v.number() }),
  label: text(200),
  /** The map stage this node belongs to, so the map can show what happens in each stage. */
  stageId: v.optional(idSchema),
};

/** Any flow node. Its `kind` picks the config shape and the handles it offers. */
export const flowNodeSchema = v.variant('kind', [
  v.object({ ...base, kind: v.literal('trigger'), config: triggerConfigSchema }),
  v.object({ ...base, kind: v.literal('action'), config: actionConfigSchema }),
  v.object({ ...base, kind: v.literal('wait'), config: waitConfigSchema }),
  v.object({ ...base, kind: v.literal('condition'), config: conditionSchema }),
  v.object({ ...base, kind: v.literal('multiSplit'), config: v.object({ branches: v.pipe(v.array(multiBranchSchema), v.maxLength(20)) }) }),
  v.object({ ...base, kind: v.literal('randomSplit'), config: v.object({ branches: v.pipe(v.array(randomBranchSchema), v.maxLength(20)) }) }),
  v.object({ ...base, kind: v.literal('exit'), config: v.object({ reason: v.optional(text(300)) }) }),
  v.object({ ...base, kind: v.literal('goto'), config: v.object({ journeyId: v.optional(idSchema) }) }),
]);
/** A node of the flow. */
export type FlowNode = v.InferOutput<typeof flowNodeSchema>;
/** A node kind. */
export type NodeKind = FlowNode['kind'];
/** The config of a node of kind K. */
export type NodeConfig<K extends NodeKind> = Extract<FlowNode, { kind: K }>['config'];
/** A trigger type. */
export type TriggerType = NodeConfig<'trigger'>['type'];
/** An action type. */
export type ActionType = NodeConfig<'action'>['type'];

/** An edge leaves a node through a handle: `out`, `yes`/`no` on conditions, a branch id on splits, `else` on multi-splits. */
export const flowEdgeSchema = v.object({
  id: idSchema,
  source: idSchema,
  target: idSchema,
  sourceHandle: idSchema,
});
/** An edge of the flow. */
export type FlowEdge = v.InferOutput<typeof flowEdgeSchema>;

/** The flow graph. */
export const flowSchema = v.object({
  nodes: v.pipe(v.array(flowNodeSchema), v.maxLength(2000)),
  edges: v.pipe(v.array(flowEdgeSchema), v.maxLength(5000)),
});
/** The flow view of a journey. */
export type JourneyFlow = v.InferOutput<typeof flowSchema>;

/** An empty flow. */
export function emptyFlow(): JourneyFlow {
  return { nodes: [], edges: [] };
}

/**
 * The output handles a node offers, in display order. Triggers, actions and waits have one `out`;
 * a wait-until also has `timeout`, because customers who never meet the condition must go somewhere.
 */
export function outputHandles(node: FlowNode): string[] {
  switch (node.kind) {
    case 'trigger':
    case 'action':
      return ['out'];
    case 'wait':
      return node.config.mode === 'until' ? ['out', 'timeout'] : ['out'];
    case 'condition':
      return ['yes', 'no'];
    case 'multiSplit':
      return [...node.config.branches.map((b) => b.id), 'else'];
    case 'randomSplit':
      return node.config.branches.map((b) => b.id);
    case 'exit':
    case 'goto':
      return [];
  }
}

/** Whether a node accepts incoming edges (triggers are entry points and take none). */
export function hasInput(node: FlowNode): boolean {
  return node.kind !== 'trigger';
}
