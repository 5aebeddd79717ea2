import { assetsSchema } from './schemas/assets';
import { datasetsSchema } from './schemas/datasets';
import { experimentsSchema } from './schemas/experiments';
import { historySchema } from './schemas/history';
import { journeysSchema } from './schemas/journeys';
import { personasSchema } from './schemas/personas';
import { segmentsSchema } from './schemas/segments';
import { settingsSchema } from './schemas/settings';
import { snapshotsSchema } from './schemas/snapshots';
import { templatesSchema } from './schemas/templates';

/**
 * Every collection of the workspace and its schema. Free RxDB opens at most 13 collections per
 * process and each live collection costs a replication stream, so the model stays at ≤ 10 typed
 * collections (ARCHITECTURE.md, "Collection budget").
 */
export const collectionSchemas = {
  personas: personasSchema,
  journeys: journeysSchema,
  history: historySchema,
  templates: templatesSchema,
  datasets: datasetsSchema,
  snapshots: snapshotsSchema,
  assets: assetsSchema,
  settings: settingsSchema,
  experiments: experimentsSchema,
  segments: segmentsSchema,
} as const;

/** The name of a collection. */
export type CollectionName = keyof typeof collectionSchemas;

/** The most collections the model may ever have (free RxDB fails past 13 per process). */
export const maxCollections = 10;
