import * as v from 'valibot';
import { idPattern } from './ids';

/**
 * The journey's analytics settings (issue 14): which imported event log the map reads, which survey
 * dataset's respondents are joined to its customers and by which id column, and which survey
 * question speaks for each stage's sentiment. Kept on the map so exports and every teammate see the
 * same figures. Dataset ids and column keys are references: a deleted dataset or column reads as
 * "not chosen" rather than failing the journey.
 */

const datasetRef = v.pipe(v.string(), v.regex(idPattern, 'must be a dataset id'));
const columnRef = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be a column key'));

/** Analytics settings of one journey. */
export const journeyAnalyticsSettingsSchema = v.object({
  /** The event log (a dataset with an `events:` shape) the map's funnel and heat read. */
  eventDatasetId: v.optional(datasetRef),
  /** The survey dataset whose respondents are joined to the log's customers. */
  surveyDatasetId: v.optional(datasetRef),
  /** The survey column holding the same id as the event log's customer id. */
  surveyIdColumn: v.optional(columnRef),
  /** Per stage id, the survey question (a number column) read as that stage's sentiment. */
  stageQuestions: v.optional(v.pipe(v.record(v.pipe(v.string(), v.regex(idPattern)), columnRef), v.check((r) => Object.keys(r).length <= 200, 'at most 200 stages'))),
});
/** Analytics settings of a journey. */
export type JourneyAnalyticsSettings = v.InferOutput<typeof journeyAnalyticsSettingsSchema>;

/** Applies a patch; `null` clears a setting. Empty settings are dropped altogether. */
export function patchAnalyticsSettings(
  current: JourneyAnalyticsSettings | undefined,
  patch: { [K in keyof JourneyAnalyticsSettings]?: JourneyAnalyticsSettings[K] | null },
): JourneyAnalyticsSettings | undefined {
  const next: Record<string, unknown> = { ...(current ?? {}) };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined || (typeof value === 'object' && Object.keys(value).length === 0)) delete next[key];
    else next[key] = value;
  }
  return Object.keys(next).length > 0 ? (next as JourneyAnalyticsSettings) : undefined;
}
