import { idField, shortText, timeField } from './shared';

const eventName = shortText(200);

/**
 * A/B experiments (common/experiments/model.ts): hypothesis, arms with their planned split, the
 * primary metric and guardrails read from an imported event log, and the plan (MDE, alpha, power,
 * start and planned end). Results are recomputed from the log, never stored.
 */
export const experimentsSchema = {
  title: 'experiments',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    name: shortText(120),
    hypothesis: shortText(2000),
    datasetId: shortText(64),
    assignmentEvent: eventName,
    armProperty: eventName,
    arms: {
      type: 'array', minItems: 2, maxItems: 6,
      items: {
        type: 'object', additionalProperties: false,
        properties: { name: shortText(60), value: shortText(200), share: { type: 'number', minimum: 0, maximum: 1000 } },
        required: ['name', 'value', 'share'],
      },
    },
    // Not `primary`: a top-level field of that name shadows RxDocument.primary, which RxDB's query
    // results key documents by, so a deleted experiment stayed in every list (version 1 renamed it).
    primaryMetric: {
      type: 'object', additionalProperties: false,
      properties: { kind: { type: 'string', enum: ['conversion', 'value', 'timeToConvert'] }, event: eventName, property: eventName },
      required: ['kind', 'event'],
    },
    guardrails: {
      type: 'array', maxItems: 5,
      items: { type: 'object', additionalProperties: false, properties: { name: shortText(60), event: eventName }, required: ['name', 'event'] },
    },
    mde: { type: 'number', minimum: 0, maximum: 1e12 },
    alpha: { type: 'number', minimum: 0, maximum: 0.2 },
    power: { type: 'number', minimum: 0.5, maximum: 0.99 },
    start: timeField,
    plannedEnd: timeField,
    updatedAt: timeField,
  },
  required: ['id', 'name', 'hypothesis', 'datasetId', 'assignmentEvent', 'armProperty', 'arms', 'primaryMetric', 'guardrails', 'mde', 'alpha', 'power', 'start', 'plannedEnd', 'updatedAt'],
} as const;
