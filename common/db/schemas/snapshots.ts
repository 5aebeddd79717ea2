import { idField, shortText, timeField } from './shared';

/**
 * Daily persona metrics. Ids are deterministic (persona, day, inputs digest; see
 * common/analytics/snapshots.ts `snapshotId`), so two laptops computing the same day write the same
 * document. The live metrics a persona shows are read from here, never from the persona document.
 */
export const snapshotsSchema = {
  title: 'snapshots',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    entity: { type: 'string', enum: ['persona', 'journey'], maxLength: 10 },
    entityId: idField,
    /** The calendar day in the workspace's time zone, YYYY-MM-DD. */
    day: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 },
    /**
     * `SnapshotMetrics` (common/analytics/snapshots.ts): responses, distribution, score sum, additive
     * metric sums (so any range is a sum of days) and the day's display-ready live metrics.
     */
    metrics: { type: 'object' },
    /** Digest of the inputs (engine version, rules, datasets, zone, the day's rows). */
    inputsDigest: shortText(128),
    computedAt: timeField,
  },
  required: ['id', 'entity', 'entityId', 'day', 'metrics', 'computedAt'],
  indexes: ['entityId', 'day'],
} as const;
