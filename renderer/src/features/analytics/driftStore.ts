/**
 * The newest drift report of each persona, as the last snapshot run computed it (in memory: it is
 * recomputed from the data on every run, so nothing stale is ever synced). Persona cards show a badge
 * from it and the Evolution panel lists its alerts. The rule is a workspace setting, shared by sync.
 */
import { useSyncExternalStore } from 'react';
import { checkDriftRule, defaultDriftRule, driftAlerts, type DriftReport, type DriftRule } from '../../../../common/analytics/drift';
import type { Workspace } from '../../db/database';
import { useLiveDocument } from '../../db/hooks';
import { ok, type Result } from '../../../../common/result';

/** A persona's drift on its newest day, with its alerts in words. */
export interface PersonaDrift {
  report: DriftReport;
  alerts: string[];
  /** Followed sections that kept their last values, and why. */
  followProblems: string[];
  at: number;
}

/** The setting id of the drift rule. */
export const driftRuleId = 'analytics-driftRule';

let reports = new Map<string, PersonaDrift>();
const listeners = new Set<() => void>();

/** Replaces the reports of the given personas (one snapshot run's results). */
export function publishDrift(entries: readonly [string, PersonaDrift][]): void {
  reports = new Map([...reports, ...entries]);
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** One persona's drift, live; undefined until a run has judged it. */
export function usePersonaDrift(personaId: string): PersonaDrift | undefined {
  return useSyncExternalStore(subscribe, () => reports.get(personaId));
}

/** Builds a persona's entry from its report. */
export function driftEntry(report: DriftReport, labelOf: (column: string) => string, followProblems: string[], at: number): PersonaDrift {
  return { report, alerts: driftAlerts(report, labelOf), followProblems, at };
}

const parseValue = (doc: unknown): Result<unknown> => ok((doc as { value?: unknown } | null)?.value);

/** The workspace drift rule, live (the default until one is saved). */
export function useDriftRule(): DriftRule {
  const { item } = useLiveDocument('settings', driftRuleId, parseValue);
  const checked = item === undefined || item === null ? null : checkDriftRule(item);
  return checked?.ok ? checked.rule : defaultDriftRule;
}

/** Reads the workspace drift rule once. */
export async function readDriftRule(db: Workspace): Promise<DriftRule> {
  const doc = await db.settings.findOne(driftRuleId).exec();
  const checked = doc ? checkDriftRule((doc.toJSON() as { value?: unknown }).value) : null;
  return checked?.ok ? checked.rule : defaultDriftRule;
}
