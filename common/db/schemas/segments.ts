import { idField, shortText, timeField } from './shared';

/**
 * Saved segments (common/segments/segment.ts): a named set of respondents defined by mapping rules
 * taken from a persona (which it keeps following while the persona exists) or from a group found by
 * "Find personas". Members are recomputed from the data, never stored.
 */
export const segmentsSchema = {
  title: 'segments',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    name: shortText(120),
    /** Where the rules come from: `persona` (follows that persona's rules) or `cluster` (a copy). */
    sourceKind: { type: 'string', enum: ['persona', 'cluster'], maxLength: 10 },
    /** The persona's id for `persona`; empty for `cluster`. */
    personaId: shortText(64),
    /** Words naming the source when saved ("Persona Ana", "Group 2 of survey.csv"). */
    sourceLabel: shortText(200),
    /** The rules as last saved: kept when the source persona is deleted. */
    rules: { type: 'array', maxItems: 100, items: { type: 'object' } },
    /** `strong` (score ≥ 70) or `covered` (score ≥ 50). */
    match: { type: 'string', enum: ['strong', 'covered'], maxLength: 10 },
    /** Datasets whose respondents can be members; empty means all. */
    datasetIds: { type: 'array', maxItems: 200, items: idField },
    createdAt: timeField,
    updatedAt: timeField,
  },
  required: ['id', 'name', 'sourceKind', 'personaId', 'sourceLabel', 'rules', 'match', 'datasetIds', 'createdAt', 'updatedAt'],
} as const;
