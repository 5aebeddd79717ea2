import * as v from 'valibot';
import { journeyAnalyticsSettingsSchema } from './analyticsSettings';
import { stageEventRulesSchema } from './eventRules';
import { idPattern } from './ids';

/**
 * The map view of a journey (UXPressia style): stage columns, typed lanes (rows) and the cells where
 * they meet. Schemas are valibot (they interpret, never generate code: the CSP forbids eval) and the
 * types are inferred from them so the check and the shape cannot drift apart.
 */

/** An id inside the journey model. */
export const idSchema = v.pipe(v.string(), v.regex(idPattern, 'must be 1–64 letters, digits, _ or -'));

/** A colour as #rrggbb. */
export const colourSchema = v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #3366cc'));

/** What a claim rests on, shown as a badge so readers see what is known and what is guessed. */
export const evidenceSchema = v.object({
  kind: v.picklist(['research', 'data', 'assumption']),
  source: v.optional(v.pipe(v.string(), v.maxLength(500))),
});
/** Evidence attached to a card. */
export type Evidence = v.InferOutput<typeof evidenceSchema>;

/** A stage column. Its position is its index in `map.stages`, so order can never hold duplicates or gaps. */
export const stageSchema = v.object({
  id: idSchema,
  name: v.pipe(v.string(), v.maxLength(120)),
  colour: colourSchema,
  /** A moment of truth: the stage where the relationship is won or lost. */
  momentOfTruth: v.boolean(),
  description: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  /** Which events of an imported event log put a customer in this stage (journey analytics). */
  events: v.optional(stageEventRulesSchema),
});
/** A stage column of the map. */
export type Stage = v.InferOutput<typeof stageSchema>;

/** Lanes whose cells hold cards. */
export const cardLaneTypes = [
  'text', 'touchpoints', 'channels', 'goals', 'pains', 'opportunities', 'actions', 'thinkFeel', 'backstage', 'images',
] as const;
/** A lane type whose cells are lists of cards. */
export type CardLaneType = (typeof cardLaneTypes)[number];
/** Every lane type, in the order the "add lane" menu offers them. */
export const laneTypes = [...cardLaneTypes, 'emotion', 'metric'] as const;
/** Any lane type. */
export type LaneType = (typeof laneTypes)[number];

/** Channels a channel card can show as an icon. */
export const channels = ['web', 'app', 'email', 'sms', 'whatsapp', 'phone', 'chat', 'social', 'store', 'mail', 'in-person'] as const;
/** A channel name. */
export type Channel = (typeof channels)[number];

/** A card in a cell: text, optionally a channel icon or an image asset, optionally evidence. */
export const cardSchema = v.object({
  id: idSchema,
  text: v.pipe(v.string(), v.maxLength(2000)),
  channel: v.optional(v.picklist(channels)),
  /** An image in the `assets` collection; images are referenced, never copied into the journey. */
  assetId: v.optional(idSchema),
  evidence: v.optional(evidenceSchema),
  /**
   * Optional event-matching rules (issue 14): events of an imported log that mean a customer met this
   * touchpoint. They add figures to the card and never move customers between stages.
   */
  events: v.optional(stageEventRulesSchema),
});
/** A card in a map cell. */
export type Card = v.InferOutput<typeof cardSchema>;

/** A lane (row) whose cells hold cards. */
export const cardLaneSchema = v.object({
  id: idSchema,
  type: v.picklist(cardLaneTypes),
  name: v.pipe(v.string(), v.maxLength(120)),
});

/** Emotion scales: a bipolar −2..+2 or a 1..10 rating. */
export const emotionScales = { bipolar: { min: -2, max: 2 }, ten: { min: 1, max: 10 } } as const;
/** The name of an emotion scale. */
export type EmotionScale = keyof typeof emotionScales;

/** The most personas an emotion lane shows, and curves per persona (as-is and to-be). */
export const emotionLimits = { personas: 5, curvesPerPersona: 2 } as const;

/** One curve: a value per stage (stages without a value are gaps in the line). */
export const curveSchema = v.object({
  id: idSchema,
  /** The persona this curve speaks for; absent means "the customer" in general. */
  personaId: v.optional(idSchema),
  variant: v.picklist(['as-is', 'to-be']),
  label: v.pipe(v.string(), v.maxLength(120)),
  colour: colourSchema,
  points: v.record(idSchema, v.number()),
});
/** An emotion curve. */
export type Curve = v.InferOutput<typeof curveSchema>;

/** A lane drawing emotion curves over the stages. */
export const emotionLaneSchema = v.object({
  id: idSchema,
  type: v.literal('emotion'),
  name: v.pipe(v.string(), v.maxLength(120)),
  scale: v.picklist(['bipolar', 'ten']),
  curves: v.pipe(v.array(curveSchema), v.maxLength(emotionLimits.personas * emotionLimits.curvesPerPersona)),
});

/** Metrics a metric lane can hold. */
export const metricKinds = ['nps', 'csat', 'ces', 'custom'] as const;
/** One stage's reading of a metric. */
export const metricValueSchema = v.object({
  value: v.optional(v.number()),
  target: v.optional(v.number()),
  trend: v.optional(v.picklist(['up', 'flat', 'down'])),
});
/** A metric reading per stage. */
export type MetricValue = v.InferOutput<typeof metricValueSchema>;

/** A lane holding one metric per stage with value, target and trend. */
export const metricLaneSchema = v.object({
  id: idSchema,
  type: v.literal('metric'),
  name: v.pipe(v.string(), v.maxLength(120)),
  metric: v.picklist(metricKinds),
  /** Unit or label shown for a custom metric (e.g. "% resolved"). */
  unit: v.optional(v.pipe(v.string(), v.maxLength(40))),
  values: v.record(idSchema, metricValueSchema),
});

/** Any lane. */
export const laneSchema = v.variant('type', [cardLaneSchema, emotionLaneSchema, metricLaneSchema]);
/** A lane of the map. */
export type Lane = v.InferOutput<typeof laneSchema>;
/** A lane whose cells hold cards. */
export type CardLane = v.InferOutput<typeof cardLaneSchema>;
/** An emotion-curve lane. */
export type EmotionLane = v.InferOutput<typeof emotionLaneSchema>;
/** A metric lane. */
export type MetricLane = v.InferOutput<typeof metricLaneSchema>;

/** The whole map. Cells are keyed lane id → stage id → cards, so a missing cell is simply empty. */
export const mapSchema = v.object({
  stages: v.pipe(v.array(stageSchema), v.maxLength(200)),
  lanes: v.pipe(v.array(laneSchema), v.maxLength(100)),
  cells: v.record(idSchema, v.record(idSchema, v.pipe(v.array(cardSchema), v.maxLength(200)))),
  /** Journey analytics: the event log, the survey joined to it and the stages' sentiment questions. */
  analytics: v.optional(journeyAnalyticsSettingsSchema),
});
/** The map view of a journey. */
export type JourneyMap = v.InferOutput<typeof mapSchema>;

/** An empty map. */
export function emptyMap(): JourneyMap {
  return { stages: [], lanes: [], cells: {} };
}

/** Whether a lane holds cards (rather than a curve or a metric). */
export function isCardLane(lane: Lane): lane is CardLane {
  return lane.type !== 'emotion' && lane.type !== 'metric';
}

/** The cards of one cell, empty when the cell was never filled. */
export function cellCards(map: JourneyMap, laneId: string, stageId: string): Card[] {
  return map.cells[laneId]?.[stageId] ?? [];
}

/** Clamps a curve value into a scale, so a drag past the edge stays on the chart. */
export function clampToScale(scale: EmotionScale, value: number): number {
  const { min, max } = emotionScales[scale];
  return Math.min(max, Math.max(min, value));
}
