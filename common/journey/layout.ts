import type { FlowEdge, FlowNode } from './flowModel';

/**
 * Automatic layout of a flow, left to right, in the layered (Sugiyama) style: break cycles, put each
 * node one layer after its furthest predecessor, then order each layer by the average position of
 * its neighbours for a few sweeps so edges cross less. Written here rather than pulling in dagre,
 * because flows are small (hundreds of nodes) and this keeps common/ free of dependencies.
 */
export interface LayoutOptions {
  /** Node box size used for spacing. */
  nodeWidth?: number;
  /** Node box height used for spacing. */
  nodeHeight?: number;
  /** Gap between layers (columns). */
  layerGap?: number;
  /** Gap between nodes in a layer. */
  nodeGap?: number;
}

/** Returns a position for every node; nodes are not moved in place. */
export function layoutFlow(
  nodes: readonly FlowNode[], edges: readonly FlowEdge[], options: LayoutOptions = {},
): Record<string, { x: number; y: number }> {
  const { nodeWidth = 220, nodeHeight = 72, layerGap = 90, nodeGap = 36 } = options;
  const ids = nodes.map((n) => n.id);
  const known = new Set(ids);
  const succ = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) {
    if (known.has(e.source) && known.has(e.target) && e.source !== e.target) succ.get(e.source)!.push(e.target);
  }
  const forward = acyclicEdges(nodes, succ);

  // Longest-path layering over the acyclic part.
  const layer = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const id of topoOrder(ids, forward)) {
    for (const t of forward.get(id) ?? []) layer.set(t, Math.max(layer.get(t)!, layer.get(id)! + 1));
  }
  const layers: string[][] = [];
  for (const id of ids) (layers[layer.get(id)!] ??= []).push(id);

  const pred = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const [s, ts] of forward) for (const t of ts) pred.get(t)!.push(s);
  const order = new Map<string, number>();
  const setOrder = () => layers.forEach((l) => l.forEach((id, i) => order.set(id, i)));
  setOrder();
  const sweep = (from: Map<string, string[]>, range: number[]) => {
    for (const li of range) {
      const l = layers[li];
      if (!l) continue;
      const bary = new Map(l.map((id) => {
        const ns = from.get(id) ?? [];
        return [id, ns.length ? ns.reduce((s, n) => s + order.get(n)!, 0) / ns.length : order.get(id)!] as const;
      }));
      l.sort((a, b) => bary.get(a)! - bary.get(b)! || order.get(a)! - order.get(b)!);
      l.forEach((id, i) => order.set(id, i));
    }
  };
  const down = layers.map((_, i) => i).slice(1);
  const up = layers.map((_, i) => i).reverse().slice(1);
  for (let i = 0; i < 4; i++) {
    sweep(pred, down);
    sweep(succ, up);
  }

  const tallest = Math.max(1, ...layers.map((l) => l?.length ?? 0));
  const out: Record<string, { x: number; y: number }> = {};
  layers.forEach((l, li) => {
    // Each layer is centred on the tallest, so short branches sit beside their parents.
    const offset = ((tallest - l.length) * (nodeHeight + nodeGap)) / 2;
    l.forEach((id, i) => {
      out[id] = { x: li * (nodeWidth + layerGap), y: offset + i * (nodeHeight + nodeGap) };
    });
  });
  return out;
}

/** Drops back edges found by a depth-first search started at triggers first, so loops point backwards. */
function acyclicEdges(nodes: readonly FlowNode[], succ: Map<string, string[]>): Map<string, string[]> {
  const state = new Map<string, 1 | 2>();
  const forward = new Map<string, string[]>();
  const roots = [...nodes.filter((n) => n.kind === 'trigger'), ...nodes.filter((n) => n.kind !== 'trigger')].map((n) => n.id);
  for (const root of roots) {
    if (state.has(root)) continue;
    const work: Array<{ id: string; i: number }> = [{ id: root, i: 0 }];
    state.set(root, 1);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const next = (succ.get(frame.id) ?? [])[frame.i++];
      if (next === undefined) {
        state.set(frame.id, 2);
        work.pop();
        continue;
      }
      if (state.get(next) === 1) continue; // back edge: leave it out of the layering
      forward.set(frame.id, [...(forward.get(frame.id) ?? []), next]);
      if (!state.has(next)) {
        state.set(next, 1);
        work.push({ id: next, i: 0 });
      }
    }
  }
  return forward;
}

function topoOrder(ids: readonly string[], forward: Map<string, string[]>): string[] {
  const indeg = new Map<string, number>(ids.map((id) => [id, 0]));
  for (const ts of forward.values()) for (const t of ts) indeg.set(t, indeg.get(t)! + 1);
  const queue = ids.filter((id) => indeg.get(id) === 0);
  const out: string[] = [];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    out.push(id);
    for (const t of forward.get(id) ?? []) {
      indeg.set(t, indeg.get(t)! - 1);
      if (indeg.get(t) === 0) queue.push(t);
    }
  }
  return out;
}
