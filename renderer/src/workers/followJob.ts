/**
 * The computing half of "Follow data" and drift, run in the analytics worker after each snapshot
 * run: per persona, the new values of its followed sections (from its matched respondents) and the
 * drift report of its newest day. The UI thread writes the values and shows the alerts.
 */
import { analyse, type PersonaInput } from '../../../common/analytics/analyse';
import { dailyFigures } from '../../../common/analytics/daily';
import type { DayIndex } from '../../../common/analytics/days';
import { dayPoints, driftReport, type DriftReport, type DriftRule } from '../../../common/analytics/drift';
import { followedChart, followedDemographics, type FollowConfig, type FollowField } from '../../../common/analytics/follow';
import { codesAtLeast } from '../../../common/analytics/kernels';
import type { Table } from '../../../common/analytics/table';
import { matchPercent } from '../../../common/segments/segment';

/** A followed section as the worker needs it. */
export interface FollowSection { sectionId: string; kind: 'chart' | 'demographics'; config: FollowConfig }

/** A persona with its followed sections (none: drift of its metrics only). */
export interface FollowPersona extends PersonaInput { sections: FollowSection[] }

/** New values of one followed section, or why there are none. */
export type FollowValues =
  | { sectionId: string; kind: 'chart'; points: { id: string; label: string; value: number }[]; matched: number; answering: number }
  | { sectionId: string; kind: 'demographics'; lines: Partial<Record<FollowField, string>>; matched: number }
  | { sectionId: string; kind: 'error'; message: string };

/** What one persona got. */
export interface FollowResult { personaId: string; sections: FollowValues[]; drift: DriftReport; matched: number }

function maskOf(table: Table, persona: ReturnType<typeof analyse>['personas'][number], percent: number, datasetId: string | null): { mask: Uint8Array; count: number } {
  const ok = codesAtLeast(persona.scores, percent);
  const only = datasetId === null ? -1 : table.datasetIds.indexOf(datasetId);
  const mask = new Uint8Array(table.rowCount);
  let count = 0;
  for (let i = 0; i < table.rowCount; i++) {
    if (persona.inScope[i] === 1 && ok[persona.scores.codes[i]!] === 1 && (only < 0 || table.datasetOfRow[i] === only)) { mask[i] = 1; count++; }
  }
  return { mask, count };
}

/** Values and drift for every persona given. */
export function computeFollow(table: Table, days: DayIndex, personas: readonly FollowPersona[], rule: DriftRule): FollowResult[] {
  const analysis = analyse(table, personas, { days });
  return personas.map((p, i) => {
    const pa = analysis.personas[i]!;
    const sections = p.sections.map((s): FollowValues => {
      if (!table.datasetIds.includes(s.config.datasetId)) {
        return { sectionId: s.sectionId, kind: 'error', message: `The dataset "${s.config.datasetName}" is not loaded (deleted or still arriving): the last values are kept.` };
      }
      const { mask, count } = maskOf(table, pa, matchPercent[s.config.match], s.config.datasetId);
      if (count === 0) return { sectionId: s.sectionId, kind: 'error', message: `No respondent of "${s.config.datasetName}" matches this persona: the last values are kept.` };
      if (s.kind === 'chart') {
        const chart = followedChart(table, s.config.column ?? '', mask);
        return typeof chart === 'string' ? { sectionId: s.sectionId, kind: 'error', message: chart } : { sectionId: s.sectionId, kind: 'chart', ...chart, matched: count };
      }
      return { sectionId: s.sectionId, kind: 'demographics', lines: followedDemographics(table, s.config.columns ?? {}, mask), matched: count };
    });
    // Drift reads the matched respondents at the level the sections follow (strong unless all say covered).
    const level = p.sections.length > 0 && p.sections.every((s) => s.config.match === 'covered') ? 'covered' : 'strong';
    const { mask, count } = maskOf(table, pa, matchPercent[level], null);
    const columns = p.sections.flatMap((s) => (s.kind === 'chart' ? [s.config.column ?? ''] : Object.values(s.config.columns ?? {})))
      .filter((c) => { const col = table.columns.get(c); return col?.type === 'category' || col?.type === 'multi'; });
    const drift = driftReport(table, days, mask, columns, dayPoints(dailyFigures(table, pa, days)), rule);
    return { personaId: p.id, sections, drift, matched: count };
  });
}
