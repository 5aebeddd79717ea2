/**
 * Persona analytics on the laptop (issue 6): the public API for the app's analytics worker, the
 * dashboard and the command line. Everything here is pure and synchronous except `analyseAsync`.
 *
 * Typical worker flow:
 * 1. `decodeDatasets([{ header, chunks }, …])` once per change of the datasets → `Table`.
 * 2. `validateRules(persona.rules, { columns })` when editing; the engine expects valid rules.
 * 3. `analyseAsync(table, personas, { from, to, signal, onProgress })` → `Analysis` (scores,
 *    distribution, coverage, top matches, overlap, uncovered share, best persona per row).
 * 4. `explainRow(table, analysis.personas[i].scores, row)` for a top match's explanation.
 * 5. `matchedMetrics(table, personaAnalysis)` + `summariseMetrics` → live metrics.
 * 6. Snapshots: `firstResponseDay` (backfill start) + `tableDays` → `dayFingerprints` →
 *    `daysToSnapshot` (what to compute) → `snapshotsFor` (documents to write) → `latestPerDay` +
 *    `evolution` + `detectAnomalies` for charts and the live-metrics block.
 */
export * from './rules';
export * from './format';
export { decodeDatasets, cellValue } from './table';
export type { Table, TableColumn, NumberColumn, CategoryColumn, MultiColumn, StringColumn } from './table';
export { analyse, analyseAsync, isCovered } from './analyse';
export type { Analysis, AnalyseOptions, AnalysisProgress, PersonaAnalysis, PersonaInput, RowScore } from './analyse';
export { scorePersona, numeratorAt, codesAtLeast } from './kernels';
export type { PersonaScores, PreparedRule } from './kernels';
export * from './fraction';
export { explainRow } from './explain';
export type { Explanation, ExplanationItem, RuleOutcome } from './explain';
export * from './metrics';
export { tableDays, dailyFigures, dayFingerprints, matchedMetrics } from './daily';
export type { DayFigures, DayOptions } from './daily';
export { dayOf, dayName, dayNumber, parseDayName, dayStart, indexDays, isTimeZone, localToEpoch, zoneOffsetMs } from './days';
export type { DayIndex } from './days';
export * from './snapshots';
export * from './evolution';
export { hashString, digest, canonicalJson } from './hash';
export { referenceScore, referenceMatches } from './reference';
export type { PlainResponse, ReferenceScore } from './reference';
