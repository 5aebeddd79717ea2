/**
 * Daily persona snapshots (`snapshots` collection): one document per persona and day with the
 * additive figures of that day. Ids are a pure function of (persona, day, inputs digest), so two
 * laptops computing the same day from the same inputs write the same document and sync sees no
 * conflict. The scheduler is the pure function {@link daysToSnapshot}: the app calls it on start
 * and daily, computes the days it returns and writes them.
 */
import type { PersonaAnalysis } from './analyse';
import { dailyFigures, dayFingerprints, tableDays, type DayFigures } from './daily';
import { dayName, parseDayName } from './days';
import { digest, hashString } from './hash';
import { emptyMetrics, summariseMetrics, type LiveMetrics, type MetricAccumulator } from './metrics';
import type { Rule } from './rules';
import type { Table } from './table';

/**
 * Bumped when the engine's results for the same inputs change, so snapshots are recomputed.
 * 2: metric sums carry sums of squares (the anomaly rule's spread).
 * 3: satisfaction and trust sums carry top-2-box counts (CSAT %, trust %).
 */
export const engineVersion = 3;

/** The `metrics` field of a persona snapshot. */
export interface SnapshotMetrics {
  responses: number;
  distribution: { strong: number; moderate: number; weak: number };
  scorePercentSum: number;
  /** Sums of the matched responses: add snapshots together for any range. */
  sums: MetricAccumulator;
  /** The day's figures ready to show (derived from `sums`). */
  live: LiveMetrics;
}

/** A persona snapshot document. */
export interface PersonaSnapshotDoc {
  id: string;
  entity: 'persona';
  entityId: string;
  day: string;
  metrics: SnapshotMetrics;
  inputsDigest: string;
  computedAt: number;
}

/** What a persona's snapshot digests are computed from. */
export interface SnapshotInputs {
  personaId: string;
  rules: readonly Rule[];
  /** Datasets feeding the persona (empty = all). */
  datasetIds?: readonly string[];
  timeZone: string;
}

/** The inputs digest of one day: engine version, rules, scope, zone and that day's rows. */
export function dayDigest(inputs: SnapshotInputs, day: string, fingerprint: string | undefined): string {
  return digest({
    engine: engineVersion, persona: inputs.personaId, rules: inputs.rules, datasets: [...(inputs.datasetIds ?? [])].sort(),
    timeZone: inputs.timeZone, day, rows: fingerprint ?? '',
  });
}

/** The deterministic, URL-safe id of a snapshot (≤ 64 characters). */
export function snapshotId(personaId: string, day: string, inputsDigest: string): string {
  return `ps-${day}-${hashString(`${personaId}\u0000${day}\u0000${inputsDigest}`).slice(0, 24)}`;
}

/** Builds the snapshot of one day; a day without responses gets an empty snapshot. */
export function buildSnapshot(
  inputs: SnapshotInputs, day: string, figures: DayFigures | undefined, fingerprint: string | undefined, computedAt: number,
): PersonaSnapshotDoc {
  const inputsDigest = dayDigest(inputs, day, fingerprint);
  const sums = figures?.metrics ?? emptyMetrics();
  return {
    id: snapshotId(inputs.personaId, day, inputsDigest),
    entity: 'persona',
    entityId: inputs.personaId,
    day,
    inputsDigest,
    computedAt,
    metrics: {
      responses: figures?.responses ?? 0,
      distribution: figures?.distribution ?? { strong: 0, moderate: 0, weak: 0 },
      scorePercentSum: figures?.scorePercentSum ?? 0,
      sums,
      live: summariseMetrics(sums),
    },
  };
}

/** What the scheduler needs to know about one persona. */
export interface ScheduleInput extends SnapshotInputs {
  /** The per-persona switch; off means nothing is computed. */
  enabled: boolean;
  /** Today in the workspace's zone, `YYYY-MM-DD`. */
  today: string;
  /** First day to keep snapshots for: usually the earliest response day (backfill) or persona creation. */
  firstDay: string;
  /** Snapshots already stored for this persona (day and digest are enough). */
  existing: readonly { day: string; inputsDigest: string }[];
  /** Per day, the fingerprint of its rows (see `dayFingerprints`). */
  fingerprints: ReadonlyMap<string, string>;
  /** Most days to go back from today; default 400. */
  maxDays?: number;
}

/**
 * The days whose snapshot is missing or stale (its digest differs from today's inputs), oldest first.
 * Covers days the app was closed, backfill from response dates, and changed rules or data.
 */
export function daysToSnapshot(input: ScheduleInput): string[] {
  if (!input.enabled) return [];
  const today = parseDayName(input.today);
  const first = parseDayName(input.firstDay);
  if (today === null || first === null) return [];
  const start = Math.max(first, today - (input.maxDays ?? 400) + 1);
  const have = new Set(input.existing.map((s) => `${s.day}|${s.inputsDigest}`));
  const out: string[] = [];
  for (let d = start; d <= today; d++) {
    const day = dayName(d);
    if (!have.has(`${day}|${dayDigest(input, day, input.fingerprints.get(day))}`)) out.push(day);
  }
  return out;
}

/**
 * Keeps one snapshot per day: the one matching `currentDigests` for that day when given, otherwise
 * the latest computed. Older snapshots of a day remain after inputs change until the app prunes them.
 */
export function latestPerDay(snapshots: readonly PersonaSnapshotDoc[], currentDigests?: ReadonlyMap<string, string>): PersonaSnapshotDoc[] {
  const byDay = new Map<string, PersonaSnapshotDoc>();
  for (const s of snapshots) {
    const have = byDay.get(s.day);
    const current = currentDigests?.get(s.day);
    const better = !have || (current !== undefined && s.inputsDigest === current && have.inputsDigest !== current)
      || ((current === undefined || have.inputsDigest !== current) && s.computedAt > have.computedAt);
    if (better) byDay.set(s.day, s);
  }
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/**
 * The snapshot documents of the given days for one analysed persona: what the scheduler's worker
 * writes after {@link daysToSnapshot}. Days without responses get empty snapshots. `analysis` must
 * come from an `analyse` run without a date range, so each day holds all of its responses.
 */
export function snapshotsFor(
  table: Table, persona: PersonaAnalysis, inputs: SnapshotInputs, days: readonly string[], computedAt: number, dateColumn?: string,
): PersonaSnapshotDoc[] {
  const index = tableDays(table, { timeZone: inputs.timeZone, ...(dateColumn ? { dateColumn } : {}) });
  const fingerprints = dayFingerprints(table, index);
  const figures = new Map(dailyFigures(table, persona, index).map((f) => [f.day, f]));
  return days.map((day) => buildSnapshot(inputs, day, figures.get(day), fingerprints.get(day), computedAt));
}

/** The first day with a dated response in the workspace zone (the start of a backfill), or null. */
export function firstResponseDay(table: Table, timeZone: string, dateColumn?: string): string | null {
  const index = tableDays(table, { timeZone, ...(dateColumn ? { dateColumn } : {}) });
  return index.dayCount > 0 ? dayName(index.firstDay) : null;
}
