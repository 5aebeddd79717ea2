/**
 * Sample analytics inputs for tests, the bench and the e2e check: the six responses of the e2e
 * fixture `survey-small.csv` scored by hand (see e2e/analytics.spec.ts), or any number of generated
 * responses from a fixed seed.
 */
import type { PersonaSnapshotDoc } from '../analytics/snapshots';
import { decodeDatasets, type Table } from '../analytics/table';
import { datasetFromRecords } from '../import/records';
import type { AnalyticsExportInput, ReportPersonaInput } from './analyticsReport';

const columns = [
  { key: 'respondentId', type: 'id' }, { key: 'submittedAt', type: 'date' }, { key: 'age', type: 'number' },
  { key: 'location', type: 'category' }, { key: 'goals', type: 'multi' }, { key: 'nps', type: 'number' },
] as const;
const cities = ['London', 'Leeds', 'Paris', 'Lyon', 'Berlin', 'Oslo'];
const goals = ['save time', 'reduce errors', 'learn', 'grow', 'save money'];

/** Deterministic PRNG so every run writes the same data. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0) / 2 ** 32);
}

/** `rows` generated responses over 60 days from 2025-03-01 UTC, in one dataset "Sample survey". */
export function sampleAnalyticsTable(rows: number): Table {
  return decodeDatasets([sampleAnalyticsDataset(rows)]);
}

/** The same responses as stored documents (header and chunks), as the app reads them from the workspace. */
export function sampleAnalyticsDataset(rows: number): ReturnType<typeof datasetFromRecords> {
  const rnd = prng(5);
  const pick = <T>(a: readonly T[]) => a[Math.floor(rnd() * a.length)]!;
  const start = Date.UTC(2025, 2, 1);
  const records = Array.from({ length: rows }, (_, i) => ({
    respondentId: `r${i + 1}`, submittedAt: start + Math.floor(rnd() * 60 * 86_400_000), age: 18 + Math.floor(rnd() * 50),
    location: pick(cities), goals: rnd() < 0.5 ? [pick(goals), pick(goals)] : [pick(goals)], nps: Math.floor(rnd() * 11),
  }));
  return datasetFromRecords(records, columns, { datasetId: 'ds-sample', name: 'Sample survey' });
}

/** The six responses of e2e/fixtures/survey-small.csv (1–3 November 2026), in dataset "Small survey". */
export function smallFixtureTable(): Table {
  const rows: [string, string, number, string, string[], number][] = [
    ['r1', '2026-11-01T09:00:00Z', 28, 'London', ['save time', 'learn'], 9], ['r2', '2026-11-01T10:00:00Z', 35, 'Leeds', ['save time'], 10],
    ['r3', '2026-11-02T09:00:00Z', 45, 'London', ['reduce errors'], 6], ['r4', '2026-11-02T11:00:00Z', 31, 'Paris', ['learn'], 3],
    ['r5', '2026-11-03T09:00:00Z', 52, 'Leeds', ['save time', 'reduce errors'], 8], ['r6', '2026-11-03T12:00:00Z', 26, 'London', [], 9],
  ];
  const records = rows.map(([respondentId, at, age, location, g, nps]) => ({ respondentId, submittedAt: Date.parse(at), age, location, goals: g, nps }));
  return decodeDatasets([datasetFromRecords(records, columns, { datasetId: 'ds-small', name: 'Small survey' })]);
}

/** Two personas with three rules each, the first the hand-computed one of the e2e test. */
export function samplePersonas(): ReportPersonaInput[] {
  return [
    { id: 'p-maya', name: 'Maya Chen', accentColor: '#4f46e5', targets: { satisfaction: 85, ces: 2.5 }, rules: [
      { id: 'r1', kind: 'range', column: 'age', min: 25, max: 40 },
      { id: 'r2', kind: 'oneOf', column: 'location', values: ['London', 'Leeds'] },
      { id: 'r3', kind: 'overlap', column: 'goals', values: ['save time'] },
    ] },
    { id: 'p-omar', name: 'Omar Haddad', accentColor: '#0891b2', rules: [
      { id: 'o1', kind: 'range', column: 'age', min: 41 },
      { id: 'o2', kind: 'oneOf', column: 'location', values: ['Paris', 'Lyon'], weight: 2 },
      { id: 'o3', kind: 'range', column: 'nps', min: 9, label: 'promoter' },
    ] },
  ];
}

/** A snapshot document as the scheduler writes it, with only the figures the export reads. */
export function sampleSnapshot(personaId: string, day: string, responses: number, nps: number): PersonaSnapshotDoc {
  return {
    id: `ps-${day}-${personaId}`, entity: 'persona', entityId: personaId, day, inputsDigest: 'x', computedAt: 0,
    metrics: {
      responses, distribution: { strong: Math.floor(responses / 2), moderate: responses - Math.floor(responses / 2), weak: 0 }, scorePercentSum: responses * 75,
      sums: {} as PersonaSnapshotDoc['metrics']['sums'],
      live: { responses, satisfaction: 4, csat: 80, nps, npsMean: 8, promoters: responses, passives: 0, detractors: 0, trust: 4, trustPercent: 75, effort: 2 },
    },
  };
}

/** An export input over the sample personas and dataset. */
export function sampleExportInput(overrides: Partial<AnalyticsExportInput> = {}): AnalyticsExportInput {
  return {
    title: 'Persona analytics', datasets: [{ id: 'ds-sample', name: 'Sample survey' }], range: { from: null, to: null },
    timeZone: 'UTC', generatedAt: Date.UTC(2025, 4, 2, 9, 30), personas: samplePersonas(), ...overrides,
  };
}
