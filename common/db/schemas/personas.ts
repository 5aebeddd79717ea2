import { evidenceField, idField, shortText, tagsField, timeField } from './shared';

/**
 * Persona documents: profile fields, canvas sections with their grid layout, mapping rules and the
 * targets analytics compares against. Live metrics are never stored here (they live in snapshots),
 * so recalculating creates no versions and no sync conflicts.
 */
export const personasSchema = {
  title: 'personas',
  version: 0,
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
    photoAssetId: { type: ['string', 'null'], maxLength: 64 },
    sections: {
      type: 'array',
      maxItems: 100,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          id: idField,
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
    /** Targets per metric (satisfaction, nps, trust, effort) that live metrics are compared with. */
    expectedMetrics: { type: 'object' },
    /** Datasets feeding this persona's analytics; empty means all. */
    datasetIds: { type: 'array', maxItems: 200, items: idField },
    /** Whether the daily snapshot scheduler includes this persona. */
    snapshotsEnabled: { type: 'boolean' },
    journeyIds: { type: 'array', maxItems: 500, items: idField },
    createdAt: timeField,
    updatedAt: timeField,
    /** Who changed it last, for history and conflicts. */
    updatedBy: shortText(120),
  },
  required: ['id', 'name', 'status', 'tags', 'sections', 'rules', 'createdAt', 'updatedAt'],
  indexes: ['updatedAt', 'status'],
} as const;
