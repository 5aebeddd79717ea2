/**
 * Personas as analytics reads them: name, rules, dataset choice, snapshot switch and targets.
 * Parsed leniently (the persona feature owns the full validation); rules that fail the engine's
 * validator are kept aside with their problems, so one bad rule never silently changes scores.
 */
import type { PersonaInput } from '../../../../common/analytics/analyse';
import { dayOf } from '../../../../common/analytics/days';
import { validateRules, type Rule, type RuleProblem } from '../../../../common/analytics/rules';
import type { ExpectedMetrics } from '../../../../common/persona';
import { err, ok, type Result } from '../../../../common/result';

/** A persona for analytics. */
export interface AnalyticsPersona {
  id: string;
  name: string;
  accentColor: string;
  /** The stored rules, as they are. */
  rules: Rule[];
  /** Problems of the stored rules; when any, the persona is scored with no rules until fixed. */
  ruleProblems: RuleProblem[];
  datasetIds: string[];
  snapshotsEnabled: boolean;
  expectedMetrics: ExpectedMetrics;
  createdAt: number;
}

/** Reads a persona document. */
export function parseAnalyticsPersona(doc: unknown): Result<AnalyticsPersona> {
  const d = doc as Record<string, unknown> | null;
  if (!d || typeof d.id !== 'string' || typeof d.name !== 'string') return err('invalid-document', 'Not a readable persona.');
  const rules = Array.isArray(d.rules) ? (d.rules as Rule[]) : [];
  return ok({
    id: d.id, name: d.name, accentColor: typeof d.accentColor === 'string' ? d.accentColor : '#4f46e5',
    rules, ruleProblems: validateRules(rules),
    datasetIds: Array.isArray(d.datasetIds) ? d.datasetIds.filter((x): x is string => typeof x === 'string') : [],
    snapshotsEnabled: d.snapshotsEnabled !== false,
    expectedMetrics: (d.expectedMetrics ?? {}) as ExpectedMetrics,
    createdAt: typeof d.createdAt === 'number' ? d.createdAt : 0,
  });
}

/** What the engine scores: valid rules only. */
export function engineInput(p: AnalyticsPersona): PersonaInput {
  return { id: p.id, name: p.name, rules: p.ruleProblems.length === 0 ? p.rules : [], datasetIds: p.datasetIds };
}

/** The persona's creation day in the workspace zone (the scheduler's first day without backfill). */
export function creationDay(p: AnalyticsPersona, timeZone: string, now: number): string {
  return dayOf(p.createdAt > 0 ? p.createdAt : now, timeZone);
}
