import { idField, timeField } from './shared';

/** Largest asset accepted after downscaling, as base64 text (≈ 2 MB of image). */
export const maxAssetBase64Length = 2_800_000;

/**
 * Binary files (persona photos, media sections, map images) referenced by id from personas and
 * journeys: never copied into each version, never read by list queries.
 */
export const assetsSchema = {
  title: 'assets',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  additionalProperties: false,
  properties: {
    id: idField,
    /** The MIME type of the stored bytes (image/png, image/jpeg, image/webp). */
    mimeType: { type: 'string', maxLength: 100 },
    /** Width and height in pixels, for images. */
    width: { type: 'number', minimum: 0, maximum: 100000 },
    height: { type: 'number', minimum: 0, maximum: 100000 },
    /** The file's bytes, base64; CouchDB attachments are avoided so both servers replicate it alike. */
    data: { type: 'string', maxLength: maxAssetBase64Length },
    createdAt: timeField,
  },
  required: ['id', 'mimeType', 'data', 'createdAt'],
} as const;
