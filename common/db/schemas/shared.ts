/** JSON-schema fragments shared by the collection schemas (plain data: common/ imports no rxdb). */

/**
 * Primary keys are URL-safe (RxDB puts ids and sequences into URLs unencoded) and start with a
 * letter or digit (CouchDB reserves ids starting with "_" and refuses to store them).
 */
export const idField = { type: 'string', maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$' } as const;

/** Milliseconds since the epoch; indexed fields need bounds. */
export const timeField = { type: 'number', minimum: 0, maximum: 1e14, multipleOf: 1 } as const;

/** A bounded short text. */
export const shortText = (maxLength: number) => ({ type: 'string', maxLength }) as const;

/** A list of short tags. */
export const tagsField = { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 60 } } as const;

/** The evidence a claim rests on, shown as a badge so stakeholders see what is known and what is guessed. */
export const evidenceField = {
  type: 'object',
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: ['research', 'data', 'assumption'] },
    source: { type: 'string', maxLength: 500 },
  },
  required: ['kind'],
} as const;
