import type { CollectionName } from './collections';

/** Turns a document of the previous schema version into the next one; `null` drops it. */
export type Migration = (oldDoc: Record<string, unknown>) => Record<string, unknown> | null;

/**
 * Migration strategies per collection, keyed by the version they produce (1, 2, …). Every bump of a
 * schema's `version` adds its function here and a test that feeds an old document in; a test checks
 * that each collection has exactly one strategy per version.
 */
export const migrations: Record<CollectionName, Record<number, Migration>> = {
  personas: {
    // Version 1 only adds the optional CES target: a version-0 persona is valid as it is. Its
    // "Satisfaction %" target already means CSAT % (the share of satisfied answers), which is now the
    // figure shown beside it; an "Effort %" target stays as entered (see the schema).
    1: (doc) => doc,
  },
  journeys: {
    // Version 1 only adds optional event rules to stages: a version-0 journey is valid as it is.
    1: (doc) => doc,
    // Version 2 only adds optional analytics settings to the map: a version-1 journey is valid as it is.
    2: (doc) => doc,
    // Version 3 only adds optional event rules to cards: a version-2 journey is valid as it is.
    3: (doc) => doc,
  },
  history: {},
  templates: {},
  datasets: {},
  snapshots: {},
  assets: {},
  settings: {},
  experiments: {
    // Version 1 renames `primary` to `primaryMetric` (the old name shadowed RxDocument.primary).
    1: (doc) => {
      const { primary, ...rest } = doc;
      return { ...rest, primaryMetric: primary };
    },
  },
  segments: {},
};
