import type { JourneyBody } from './changes';
import type { FlowEdge, FlowNode } from './flowModel';
import type { Card, Lane, Stage } from './mapModel';
import { describeChanges, type ChangeDetail } from './diffWords';

/** What a diff entry is about. */
export type DiffSubject = 'stage' | 'lane' | 'cell' | 'node' | 'edge';

/** One difference between two versions of a journey. */
export interface DiffEntry {
  /** What changed. */
  subject: DiffSubject;
  /** How it changed; `moved` means only its position in the order changed. */
  change: 'added' | 'removed' | 'changed' | 'moved';
  /** The stage, lane, node or edge id; for cells `laneId/stageId`. */
  id: string;
  /** A readable name of the thing, from the newer side when it exists. */
  label: string;
  /** For `changed`: the fields that differ (e.g. `name`, `colour`, `config`, `points`). */
  fields?: string[];
  /** For `changed`: each difference in words, old → new (what a reader sees). */
  details?: ChangeDetail[];
}

/** Options for diffing. */
export interface DiffOptions {
  /** Count node moves on the canvas as changes; off by default because layout is not meaning. */
  includePositions?: boolean;
}

/**
 * Lists what changed from `before` to `after`: stages, lanes (including curve points and metric
 * values), cells and flow nodes and edges. Entries come in that order, each group in the newer order.
 */
export function diffBodies(before: JourneyBody, after: JourneyBody, options: DiffOptions = {}): DiffEntry[] {
  const out: DiffEntry[] = [];
  diffList(out, 'stage', before.map.stages, after.map.stages, (s) => s.name, stageFields, true);
  diffList(out, 'lane', before.map.lanes, after.map.lanes, (l) => l.name, laneFields, true);
  diffCells(out, before, after);
  const nodeFields = (a: FlowNode, b: FlowNode) => nodeFieldDiff(a, b, options.includePositions ?? false);
  diffList(out, 'node', before.flow.nodes, after.flow.nodes, (n) => n.label, nodeFields, false);
  const nodeLabel = new Map([...before.flow.nodes, ...after.flow.nodes].map((n) => [n.id, n.label]));
  const edgeLabel = (e: FlowEdge) => `${nodeLabel.get(e.source) ?? e.source} → ${nodeLabel.get(e.target) ?? e.target}`;
  diffList(out, 'edge', before.flow.edges, after.flow.edges, edgeLabel, edgeFields, false);
  return out;
}

function diffList<T extends { id: string }>(
  out: DiffEntry[], subject: DiffSubject, before: readonly T[], after: readonly T[],
  label: (x: T) => string, fields: (a: T, b: T) => string[], ordered: boolean,
): void {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Set(after.map((x) => x.id));
  // Order is compared among the items both sides share, so an insertion alone is not reported as moves.
  const sharedBefore = before.filter((x) => now.has(x.id)).map((x) => x.id);
  const sharedAfter = after.filter((x) => old.has(x.id)).map((x) => x.id);
  for (const x of after) {
    const prev = old.get(x.id);
    if (!prev) {
      out.push({ subject, change: 'added', id: x.id, label: label(x) });
      continue;
    }
    const changed = fields(prev, x);
    if (changed.length > 0) {
      const details = describeChanges(prev as unknown as Record<string, unknown>, x as unknown as Record<string, unknown>, changed);
      out.push({ subject, change: 'changed', id: x.id, label: label(x), fields: changed, details });
    }
    else if (ordered && sharedBefore.indexOf(x.id) !== sharedAfter.indexOf(x.id)) out.push({ subject, change: 'moved', id: x.id, label: label(x) });
  }
  for (const x of before) if (!now.has(x.id)) out.push({ subject, change: 'removed', id: x.id, label: label(x) });
}

/** Structural equality of plain JSON data, with object keys compared regardless of order. */
export function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
  const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameData(ra[k], rb[k]));
}

function changedKeys(a: object, b: object, skip: readonly string[] = []): string[] {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])].filter((k) => !skip.includes(k));
  return keys.filter((k) => !sameData(ra[k], rb[k])).sort();
}

const stageFields = (a: Stage, b: Stage) => changedKeys(a, b);
const laneFields = (a: Lane, b: Lane) => changedKeys(a, b);
const edgeFields = (a: FlowEdge, b: FlowEdge) => changedKeys(a, b);

function nodeFieldDiff(a: FlowNode, b: FlowNode, positions: boolean): string[] {
  return changedKeys(a, b, positions ? [] : ['position']);
}

function diffCells(out: DiffEntry[], before: JourneyBody, after: JourneyBody): void {
  const stageName = new Map([...before.map.stages, ...after.map.stages].map((s) => [s.id, s.name]));
  const laneName = new Map([...before.map.lanes, ...after.map.lanes].map((l) => [l.id, l.name]));
  const keys = new Set<string>();
  const cellsOf = (body: JourneyBody) => {
    const m = new Map<string, Card[]>();
    for (const [laneId, row] of Object.entries(body.map.cells)) {
      for (const [stageId, cards] of Object.entries(row)) {
        if (cards.length === 0) continue;
        m.set(`${laneId}/${stageId}`, cards);
        keys.add(`${laneId}/${stageId}`);
      }
    }
    return m;
  };
  const a = cellsOf(before);
  const b = cellsOf(after);
  for (const key of keys) {
    const [laneId = '', stageId = ''] = key.split('/');
    const label = `${laneName.get(laneId) ?? laneId} × ${stageName.get(stageId) ?? stageId}`;
    const x = a.get(key);
    const y = b.get(key);
    if (!x) out.push({ subject: 'cell', change: 'added', id: key, label });
    else if (!y) out.push({ subject: 'cell', change: 'removed', id: key, label });
    else if (!sameData(x, y)) out.push({ subject: 'cell', change: 'changed', id: key, label, fields: ['cards'], details: describeChanges({ cards: x }, { cards: y }, ['cards']) });
  }
}
