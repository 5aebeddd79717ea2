import { evidenceField, idField, shortText, tagsField, timeField } from './shared';

const metricTarget = (minimum: number, maximum = 100) => ({ type: 'number', minimum, maximum }) as const;

/**
 * Persona documents: profile fields, canvas sections with their grid layout, mapping rules and the
 * targets analytics compares against. Live metrics are never stored here (they live in snapshots),
 * so recalculating creates no versions and no sync conflicts. This schema is the coarse gate RxDB
 * applies; `validatePersona` in common/persona checks every section's data before anything is written.
 */
export const personasSchema = {
  title: 'personas',
  /** 1: `expectedMetrics.ces` (a CES target in the unit CES is shown in). */
  version: 1,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    name: shortText(120),
    role: shortText(120),
    status: { type: 'string', enum: ['draft', 'active', 'inactive'], maxLength: 10 },
    tags: tagsField,
    owner: shortText(120),
    domain: shortText(120),
    personaType: shortText(60),
    accentColor: { type: 'string', pattern: '^#[0-9a-fA-F]{6}$' },
    orientation: { type: 'string', enum: ['portrait', 'landscape'] },
    /** The photo's id in the assets collection; the bytes never sit in the persona or its versions. */
    photoAssetId: { type: ['string', 'null'], maxLength: 64 },
    sections: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          id: idField,
          /** A key of the section catalogue (common/persona/sections/catalogue.ts). */
          type: shortText(40),
          title: shortText(200),
          layout: {
            type: 'object',
            additionalProperties: false,
            properties: {
              x: { type: 'integer', minimum: 0, maximum: 100 },
              y: { type: 'integer', minimum: 0, maximum: 10000 },
              w: { type: 'integer', minimum: 1, maximum: 100 },
              h: { type: 'integer', minimum: 1, maximum: 1000 },
            },
            required: ['x', 'y', 'w', 'h'],
          },
          /** Section content, shaped by the section type (checked by common/persona before writing). */
          data: { type: 'object' },
          evidence: evidenceField,
        },
        required: ['id', 'type', 'title', 'layout', 'data'],
      },
    },
    /** Mapping rules that score survey responses against this persona (common/analytics). */
    rules: { type: 'array', maxItems: 100, items: { type: 'object' } },
    /**
     * Targets live metrics are compared with, each in the unit its figure is shown in: CSAT % and trust %
     * (top-2-box shares), loyalty as NPS, CES as a mean effort answer. `effort` is the "Effort %" target
     * of version 0, kept as entered but compared with nothing (no figure is an effort percentage).
     */
    expectedMetrics: {
      type: 'object',
      additionalProperties: false,
      properties: {
        satisfaction: metricTarget(0),
        loyalty: metricTarget(-100),
        trust: metricTarget(0),
        effort: metricTarget(0),
        ces: metricTarget(0, 10),
      },
    },
    /** Datasets feeding this persona's analytics; empty means all. */
    datasetIds: { type: 'array', maxItems: 200, items: idField },
    /** Whether the daily snapshot scheduler includes this persona. */
    snapshotsEnabled: { type: 'boolean' },
    /** Journeys this persona appears in, filled by the journey builder. */
    journeyIds: { type: 'array', maxItems: 500, items: idField },
    createdAt: timeField,
    updatedAt: timeField,
    /** Who changed it last, for history and conflicts. */
    updatedBy: shortText(120),
  },
  required: [
    'id', 'name', 'role', 'status', 'tags', 'owner', 'domain', 'personaType', 'accentColor', 'orientation',
    'photoAssetId', 'sections', 'rules', 'expectedMetrics', 'datasetIds', 'snapshotsEnabled', 'journeyIds',
    'createdAt', 'updatedAt', 'updatedBy',
  ],
  indexes: ['updatedAt', 'status'],
} as const;
