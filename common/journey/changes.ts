import { ok, type Result } from '../result';
import { applyFlowChange, type FlowChange } from './flowChanges';
import type { JourneyFlow } from './flowModel';
import { applyMapChange, type MapChange } from './mapChanges';
import type { JourneyMap } from './mapModel';

/** The editable body of a journey: the map and the flow of one draft, edited together because nodes tie to stages. */
export interface JourneyBody {
  /** The map view: stages, lanes, cells. */
  map: JourneyMap;
  /** The flow view: nodes and edges. */
  flow: JourneyFlow;
}

/** Any edit of a journey body. Map and flow change types have distinct names, so one union is unambiguous. */
export type JourneyChange = MapChange | FlowChange;

const flowChangeTypes = new Set<string>(['addNode', 'updateNode', 'moveNodes', 'removeNodes', 'addEdge', 'removeEdges']);

/** Whether a change edits the flow (otherwise it edits the map). */
export function isFlowChange(change: JourneyChange): change is FlowChange {
  return flowChangeTypes.has(change.type);
}

/**
 * Applies one edit to a journey body. Removing a stage also unties the flow nodes that pointed at it,
 * so the map and the flow never disagree about which stages exist.
 */
export function applyChange(body: JourneyBody, change: JourneyChange): Result<JourneyBody> {
  if (isFlowChange(change)) {
    const flow = applyFlowChange(body.flow, change);
    return flow.ok ? ok({ ...body, flow: flow.data }) : flow;
  }
  const map = applyMapChange(body.map, change);
  if (!map.ok) return map;
  if (change.type !== 'removeStage') return ok({ ...body, map: map.data });
  const nodes = body.flow.nodes.map((n) => {
    if (n.stageId !== change.stageId) return n;
    const { stageId: _untied, ...rest } = n;
    return rest as typeof n;
  });
  return ok({ map: map.data, flow: { ...body.flow, nodes } });
}

/** Applies several edits in order, stopping at the first that fails (a batch is all or nothing). */
export function applyChanges(body: JourneyBody, changes: readonly JourneyChange[]): Result<JourneyBody> {
  let current = body;
  for (const change of changes) {
    const next = applyChange(current, change);
    if (!next.ok) return next;
    current = next.data;
  }
  return ok(current);
}

/** Past and future states for undo and redo; since edits never mutate, keeping states is enough. */
export interface UndoStack<T> {
  /** Earlier states, oldest first. */
  past: T[];
  /** The state shown. */
  present: T;
  /** States undone, next redo first. */
  future: T[];
}

/** How many steps back undo reaches; older steps are dropped to bound memory on long sessions. */
export const undoLimit = 100;

/** Starts an undo stack at a state. */
export function undoStart<T>(present: T): UndoStack<T> {
  return { past: [], present, future: [] };
}

/** Records a new state; anything that was undone can no longer be redone. */
export function undoPush<T>(stack: UndoStack<T>, next: T): UndoStack<T> {
  if (next === stack.present) return stack;
  return { past: [...stack.past, stack.present].slice(-undoLimit), present: next, future: [] };
}

/** Steps back, or returns the stack unchanged when there is nothing to undo. */
export function undo<T>(stack: UndoStack<T>): UndoStack<T> {
  const previous = stack.past[stack.past.length - 1];
  if (previous === undefined) return stack;
  return { past: stack.past.slice(0, -1), present: previous, future: [stack.present, ...stack.future] };
}

/** Steps forward again, or returns the stack unchanged when there is nothing to redo. */
export function redo<T>(stack: UndoStack<T>): UndoStack<T> {
  const [next, ...rest] = stack.future;
  if (next === undefined) return stack;
  return { past: [...stack.past, stack.present], present: next, future: rest };
}
