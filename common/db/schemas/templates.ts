import { idField, shortText, timeField } from './shared';

/** Custom persona and journey templates saved by users (built-in ones ship in code). */
export const templatesSchema = {
  title: 'templates',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    entity: { type: 'string', enum: ['persona', 'journey'], maxLength: 10 },
    name: shortText(200),
    description: shortText(2000),
    category: shortText(60),
    /** The persona or journey body the template creates. */
    body: { type: 'object' },
    createdAt: timeField,
    updatedAt: timeField,
  },
  required: ['id', 'entity', 'name', 'body', 'createdAt', 'updatedAt'],
  indexes: ['entity'],
} as const;
