import type { Experiment } from '../../../../common/experiments/model';
import type { Result } from '../../../../common/result';

/** A stored experiment; the collection schema already checked its shape on write and pull. */
export function parseExperiment(doc: unknown): Result<Experiment> {
  const d = doc as Partial<Experiment> | null;
  if (!d || typeof d.id !== 'string' || !Array.isArray(d.arms) || !d.primaryMetric) return { ok: false, code: 'invalid-document', message: 'Not an experiment.' };
  return { ok: true, data: d as Experiment };
}

const dayMs = 86_400_000;
/** `YYYY-MM-DD` of a UTC time. */
export const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);
/** Start of a `YYYY-MM-DD` UTC day, or null. */
export const parseDay = (s: string): number | null => (/^\d{4}-\d{2}-\d{2}$/.test(s) && Number.isFinite(Date.parse(`${s}T00:00:00Z`)) ? Date.parse(`${s}T00:00:00Z`) : null);
/** The planned end is stored as the end of its day (inclusive). */
export const endOfDay = (t: number) => t + dayMs - 1;
