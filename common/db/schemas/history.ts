import { idField, shortText, timeField } from './shared';

/**
 * Immutable versions of personas and journeys (published journey versions too) and conflict
 * losers found during sync. Written once, never updated: history is never rewritten.
 */
export const historySchema = {
  title: 'history',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    /** What this entry records: an edit version, a published journey version, or a conflict's losing side. */
    kind: { type: 'string', enum: ['version', 'published', 'conflict'], maxLength: 10 },
    entity: { type: 'string', enum: ['persona', 'journey'], maxLength: 10 },
    entityId: idField,
    /** Sequence per entity (1, 2, …); for published journeys the public version number. */
    number: { type: 'integer', minimum: 0, maximum: 100000000, multipleOf: 1 },
    author: shortText(120),
    summary: shortText(2000),
    /** The full document as it was. */
    snapshot: { type: 'object' },
    createdAt: timeField,
  },
  required: ['id', 'kind', 'entity', 'entityId', 'number', 'author', 'summary', 'snapshot', 'createdAt'],
  indexes: ['entityId', ['entityId', 'number']],
} as const;
