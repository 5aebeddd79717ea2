import * as v from 'valibot';
import { personaLimits } from './limits';

/** Free text of at most `max` characters (may be empty). */
export function text(max: number) {
  return v.pipe(v.string('Must be text.'), v.maxLength(max, `Must be at most ${max} characters.`));
}

/** A whole number within bounds. */
export function whole(min: number, max: number) {
  return v.pipe(
    v.number('Must be a number.'),
    v.integer('Must be a whole number.'),
    v.minValue(min, `Must be at least ${min}.`),
    v.maxValue(max, `Must be at most ${max}.`),
  );
}

/** A finite number within bounds. */
export function bounded(min: number, max: number) {
  return v.pipe(
    v.number('Must be a number.'),
    v.finite('Must be a finite number.'),
    v.minValue(min, `Must be at least ${min}.`),
    v.maxValue(max, `Must be at most ${max}.`),
  );
}

/** A primary key or item id: 1–64 URL-safe characters. */
export const idSchema = v.pipe(
  v.string('Must be an id.'),
  v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Must be 1–64 letters, digits, "_" or "-".'),
);

/** How well-founded a claim is. */
export const evidenceKinds = ['research', 'data', 'assumption'] as const;
/** One of research, data or assumption. */
export type EvidenceKind = (typeof evidenceKinds)[number];

/** The evidence a section or list item rests on, shown as a badge. */
export const evidenceSchema = v.object({
  kind: v.picklist(evidenceKinds, 'Evidence must be research, data or assumption.'),
  source: v.optional(text(personaLimits.evidenceSource)),
});
/** Evidence attached to a claim: its kind and an optional note of where it comes from. */
export type Evidence = v.InferOutput<typeof evidenceSchema>;

/** A list with an item cap and unique item ids (list edits and diffs address items by id). */
export function idList<TItem extends v.GenericSchema<unknown, { id: string }>>(item: TItem, max: number = personaLimits.items) {
  return v.pipe(
    v.array(item, 'Must be a list.'),
    v.maxLength(max, `Can hold at most ${max} items.`),
    v.check((items) => new Set(items.map((i) => i.id)).size === items.length, 'Item ids must be unique.'),
  );
}

/** A plain list item: text with an optional evidence tag. */
export const listItemSchema = v.object({
  id: idSchema,
  text: text(personaLimits.itemText),
  evidence: v.optional(evidenceSchema),
});
/** A plain list item. */
export type ListItem = v.InferOutput<typeof listItemSchema>;
