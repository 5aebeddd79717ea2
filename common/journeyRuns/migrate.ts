/**
 * Moving open runs from one published version of a journey to another (engine/README.md,
 * "Versions"). A run's current step maps to the step of the new version with the same node id and
 * kind; a run whose step is gone (or became another kind of step) stays on its version and is
 * listed. The engine applies this per partition; the app uses the same rule to say beforehand how
 * many would move, from the engine's open-run census. Pure: shared by the engine and the app.
 */

import type { RunDoc } from './docs';

const pad = (n: number): string => String(n).padStart(3, '0');
const part = (s: string): string => encodeURIComponent(s);

/** Open runs of one journey in one partition, by version and step (written by the partition's owner). */
export interface OpenRunsDoc {
  _id: string;
  _rev?: string;
  type: 'openRuns';
  journeyId: string;
  partition: number;
  /** `versions[version][nodeId]`: open runs (not finished; failed ones included) at that step. */
  versions: Record<string, Record<string, number>>;
  /** When the owner counted (epoch ms). */
  at: number;
}

/** Key-range prefix of one journey's open-run census (one document per partition). */
export function openRunsPrefix(journeyId: string): string {
  return `o|${part(journeyId)}|`;
}

/** The census document of a journey in a partition. */
export function openRunsId(journeyId: string, partition: number): string {
  return `${openRunsPrefix(journeyId)}${pad(partition)}`;
}

/** A migrate command's fields (written by the app, carried out by every engine process for its partitions). */
export interface MigrateFields {
  command: 'migrate';
  journeyId: string;
  /** The version whose open runs move. */
  from: number;
  /** The version they move to (a published version of the same journey). */
  to: number;
}

/** Why a migrate command is malformed, or null. */
export function migrateRefusal(d: Record<string, unknown>): string | null {
  const version = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1;
  if (typeof d.journeyId !== 'string' || d.journeyId.length === 0 || !version(d.from) || !version(d.to) || d.from === d.to) {
    return 'A migrate command is {type: "command", command: "migrate", journeyId, from, to} with two different published version numbers.';
  }
  return null;
}

/** What one engine process did for one partition: written once per (command, partition). */
export interface MigrationResultDoc {
  _id: string;
  _rev?: string;
  type: 'migration';
  command: string;
  journeyId: string;
  from: number;
  to: number;
  partition: number;
  /** Runs of the partition this command moved (counted again after a crash, from the runs' `migrated`). */
  moved: number;
  /** Runs that stayed on `from` because their step is not in `to`, by step. */
  stayed: Record<string, number>;
  /** Customers of the stayed runs (the first {@link maxListedStayed}). */
  stayedCustomers: string[];
  at: number;
  worker: string;
}

/** Customers listed per partition among runs that could not move. */
export const maxListedStayed = 20;

/** Key-range prefix of one command's results. */
export function migrationResultPrefix(commandId: string): string {
  return `m|${part(commandId)}|`;
}

/** The result document of a command in a partition. */
export function migrationResultId(commandId: string, partition: number): string {
  return `${migrationResultPrefix(commandId)}${pad(partition)}`;
}

/** A step as the mapping compares it. */
export interface StepShape {
  id: string;
  kind: string;
}

/**
 * The step a run is at, by node id: its state's node, or the trigger it will start from; '' is a
 * go-to start (the version's entry trigger) and maps to any version.
 */
export function stepOfRun(run: Pick<RunDoc, 'state' | 'start'>): string {
  return run.state?.nodeId ?? run.start?.triggerNodeId ?? '';
}

/** True when a run at `nodeId` of the old version has the same step in the new one (same id, same kind). */
export function stepMoves(nodeId: string, from: ReadonlyMap<string, StepShape>, to: ReadonlyMap<string, StepShape>): boolean {
  if (nodeId === '') return true;
  const target = to.get(nodeId);
  if (!target) return false;
  const source = from.get(nodeId);
  return source === undefined || source.kind === target.kind;
}

/** Steps by id. */
export function stepsById(nodes: readonly StepShape[]): Map<string, StepShape> {
  return new Map(nodes.map((n) => [n.id, n]));
}

/** What a migration would do, from the census: runs that move, and those that stay, by step. */
export interface MigrationPreview {
  move: number;
  stay: { nodeId: string; count: number }[];
}

/** The preview of moving version `from`'s open runs, given the steps of both versions. */
export function migrationPreview(census: readonly OpenRunsDoc[], from: number, fromSteps: readonly StepShape[], toSteps: readonly StepShape[]): MigrationPreview {
  const a = stepsById(fromSteps);
  const b = stepsById(toSteps);
  let move = 0;
  const stay = new Map<string, number>();
  for (const doc of census) {
    for (const [nodeId, n] of Object.entries(doc.versions?.[String(from)] ?? {})) {
      if (!(n > 0)) continue;
      if (stepMoves(nodeId, a, b)) move += n;
      else stay.set(nodeId, (stay.get(nodeId) ?? 0) + n);
    }
  }
  return { move, stay: [...stay].map(([nodeId, count]) => ({ nodeId, count })).sort((x, y) => y.count - x.count || x.nodeId.localeCompare(y.nodeId)) };
}

/** Open runs per version over every partition's census. */
export function openRunsByVersion(census: readonly OpenRunsDoc[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const doc of census) {
    for (const [v, nodes] of Object.entries(doc.versions ?? {})) {
      const n = Object.values(nodes).reduce((s, k) => s + (k > 0 ? k : 0), 0);
      if (n > 0) out.set(Number(v), (out.get(Number(v)) ?? 0) + n);
    }
  }
  return out;
}

/** A command's outcome so far, summed over the partitions that reported. */
export interface MigrationSummary {
  moved: number;
  stay: { nodeId: string; count: number }[];
  stayedCustomers: string[];
  /** Partitions that reported; the command is finished when this equals the partition count. */
  partitionsDone: number;
}

/** Sums the per-partition results of one command. */
export function migrationSummary(results: readonly MigrationResultDoc[]): MigrationSummary {
  const stay = new Map<string, number>();
  let moved = 0;
  const customers: string[] = [];
  const seen = new Set<number>();
  for (const r of results) {
    if (r.type !== 'migration' || seen.has(r.partition)) continue;
    seen.add(r.partition);
    moved += r.moved;
    for (const [nodeId, n] of Object.entries(r.stayed ?? {})) stay.set(nodeId, (stay.get(nodeId) ?? 0) + n);
    customers.push(...(r.stayedCustomers ?? []));
  }
  return {
    moved, partitionsDone: seen.size, stayedCustomers: customers.sort().slice(0, 100),
    stay: [...stay].map(([nodeId, count]) => ({ nodeId, count })).sort((x, y) => y.count - x.count || x.nodeId.localeCompare(y.nodeId)),
  };
}
