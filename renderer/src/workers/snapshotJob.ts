/**
 * The snapshot scheduler's computing half: which days of each persona are missing or stale
 * (`daysToSnapshot`), and their snapshot documents with deterministic ids (`buildSnapshot`). The
 * UI thread decides when to run it (on open, daily, after data changes) and writes the documents.
 */
import { analyse, type PersonaInput } from '../../../common/analytics/analyse';
import { dailyFigures, dayFingerprints, tableDays, type DayFigures } from '../../../common/analytics/daily';
import { dayName, parseDayName } from '../../../common/analytics/days';
import { buildSnapshot, dayDigest, daysToSnapshot, type PersonaSnapshotDoc } from '../../../common/analytics/snapshots';
import type { Table } from '../../../common/analytics/table';

/** A persona as the scheduler sees it. */
export interface SnapshotPersona extends PersonaInput {
  enabled: boolean;
  /** First day to keep when not backfilling: the persona's creation day. */
  firstDay: string;
  existing: { day: string; inputsDigest: string }[];
}

/** What a run produced. */
export interface SnapshotRun {
  docs: PersonaSnapshotDoc[];
  /** Per persona, the current digest of each day from its first day to today (to pick current snapshots). */
  digests: Record<string, Record<string, string>>;
  /** The first day any response falls on, or null without dated responses. */
  earliestDay: string | null;
}

/** Longest backfill, in days (ten years). */
const maxBackfillDays = 3660;

/** Computes the missing or stale snapshots of every enabled persona. */
export function computeSnapshots(
  table: Table, personas: readonly SnapshotPersona[], options: { timeZone: string; today: string; now: number; backfill: boolean },
): SnapshotRun {
  const days = tableDays(table, { timeZone: options.timeZone });
  const fingerprints = dayFingerprints(table, days);
  const earliestDay = days.dayCount > 0 ? dayName(days.firstDay) : null;
  const analysis = analyse(table, personas, { days });
  const docs: PersonaSnapshotDoc[] = [];
  const digests: SnapshotRun['digests'] = {};
  const today = parseDayName(options.today) ?? 0;
  personas.forEach((persona, i) => {
    const inputs = { personaId: persona.id, rules: persona.rules, datasetIds: persona.datasetIds ?? [], timeZone: options.timeZone };
    const firstDay = options.backfill && earliestDay !== null && earliestDay < persona.firstDay ? earliestDay : persona.firstDay;
    const start = Math.max(parseDayName(firstDay) ?? today, today - maxBackfillDays);
    const own: Record<string, string> = {};
    for (let d = start; d <= today; d++) own[dayName(d)] = dayDigest(inputs, dayName(d), fingerprints.get(dayName(d)));
    digests[persona.id] = own;
    const todo = daysToSnapshot({
      ...inputs, enabled: persona.enabled, today: options.today, firstDay, existing: persona.existing, fingerprints, maxDays: today - start + 1,
    });
    if (todo.length === 0) return;
    const pa = analysis.personas[i];
    const figures = new Map<string, DayFigures>(pa ? dailyFigures(table, pa, days).map((f) => [f.day, f]) : []);
    for (const day of todo) docs.push(buildSnapshot(inputs, day, figures.get(day), fingerprints.get(day), options.now));
  });
  return { docs, digests, earliestDay };
}
