import * as v from 'valibot';
import { idSchema, text } from '../fields';

const columnKey = text(200);

/**
 * The optional `follow` of a demographics or chart section (common/analytics/follow.ts): while set,
 * the app rewrites the section's values from the persona's matched respondents in that dataset.
 */
export const followSchema = v.optional(v.object({
  datasetId: idSchema,
  datasetName: text(200),
  match: v.picklist(['strong', 'covered'], 'Matched means strong or strong-and-moderate.'),
  column: v.optional(columnKey),
  columns: v.optional(v.object({
    gender: v.optional(columnKey), age: v.optional(columnKey), location: v.optional(columnKey), occupation: v.optional(columnKey),
    education: v.optional(columnKey), income: v.optional(columnKey), family: v.optional(columnKey),
  })),
}));

/** A section's follow settings as stored. */
export type FollowData = v.InferOutput<typeof followSchema>;
