import { idField, timeField } from './shared';

/**
 * Workspace and user settings, one small document per key (time zone, last export folder kind,
 * segments, experiments). `value` is free-form JSON checked by the feature that owns the key.
 */
export const settingsSchema = {
  title: 'settings',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    value: {},
    updatedAt: timeField,
  },
  required: ['id', 'value', 'updatedAt'],
} as const;
