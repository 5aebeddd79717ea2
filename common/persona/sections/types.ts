import type * as v from 'valibot';
import type { IdSource } from '../ids';

/** Palette groups, in the order the palette shows them. */
export const sectionGroups = ['identity', 'lists', 'text', 'profile', 'charts', 'media', 'other'] as const;
/** A palette group. */
export type SectionGroup = (typeof sectionGroups)[number];

/** A size on the grid, in landscape (12-column) units; portrait halves the width. */
export interface GridSize {
  w: number;
  h: number;
}

/**
 * What the app knows about one section type: how the palette offers it, the data a new one starts
 * with, the size it takes on the canvas, and the schema its data must pass before a persona is written.
 */
export interface SectionDef<TData extends Record<string, unknown> = Record<string, unknown>> {
  /** Stable type key stored in documents; never renamed (older files and teammates refer to it). */
  type: string;
  /** Palette label. */
  label: string;
  /** One sentence for the palette's tooltip. */
  description: string;
  group: SectionGroup;
  /** Title a new section starts with. */
  defaultTitle: string;
  defaultSize: GridSize;
  /** Checks and cleans the section's `data`. */
  schema: v.GenericSchema<unknown, TData>;
  /** Data for a new, empty section (items get fresh ids). */
  defaultData: (ids: IdSource) => TData;
  /**
   * Key of the id-addressed list inside `data`, if any: list edits, list diffs and evidence counts
   * work through it without knowing the section's shape.
   */
  listKey?: string;
}
