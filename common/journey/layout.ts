import { Graph, layout } from '@dagrejs/dagre';
import type { FlowEdge, FlowNode } from './flowModel';

/**
 * Automatic layout of a flow, top to bottom, in the layered (Sugiyama) style, by dagre: it breaks
 * cycles, ranks nodes, orders each rank to cut crossings and places them. dagre is pure JavaScript
 * with no DOM, so the same layout serves the flow editor, the templates and the flow PDF.
 */
export interface LayoutOptions {
  /** Node box size used for spacing. */
  nodeWidth?: number;
  /** Node box height used for spacing. */
  nodeHeight?: number;
  /** Gap between layers (rows). */
  layerGap?: number;
  /** Gap between nodes in a layer. */
  nodeGap?: number;
}

/** A laid-out flow: each node's box (top-left and size) and each edge's route between them. */
export interface FlowLayout {
  boxes: Record<string, { x: number; y: number; width: number; height: number }>;
  /** Bends of each edge drawn between its ends (dagre's route without its first and last point). */
  bends: Record<string, Array<{ x: number; y: number }>>;
}

/**
 * Lays a flow out top to bottom with a size per node (the flow PDF sizes each box to its text);
 * nodes are not moved in place.
 */
export function layoutFlowGraph(
  nodes: readonly FlowNode[], edges: readonly FlowEdge[],
  sizeOf: (node: FlowNode) => { width: number; height: number }, options: Pick<LayoutOptions, 'layerGap' | 'nodeGap'> = {},
): FlowLayout {
  const { layerGap = 70, nodeGap = 40 } = options;
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', ranksep: layerGap, nodesep: nodeGap, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const known = new Set<string>();
  const sizes = new Map<string, { width: number; height: number }>();
  // Triggers first, so dagre's cycle breaking keeps them at the top and loops point back up.
  const ordered = [...nodes.filter((n) => n.kind === 'trigger'), ...nodes.filter((n) => n.kind !== 'trigger')];
  for (const n of ordered) {
    const size = sizeOf(n);
    sizes.set(n.id, size);
    g.setNode(n.id, { ...size });
    known.add(n.id);
  }
  for (const e of edges) {
    if (known.has(e.source) && known.has(e.target) && e.source !== e.target) g.setEdge(e.source, e.target, {}, e.id);
  }
  layout(g);
  const boxes: FlowLayout['boxes'] = {};
  for (const n of nodes) {
    const p = g.node(n.id);
    const { width, height } = sizes.get(n.id)!;
    // dagre gives centres; the canvas and the PDF place boxes by their top-left corner.
    boxes[n.id] = { x: Math.round((p?.x ?? 0) - width / 2), y: Math.round((p?.y ?? 0) - height / 2), width, height };
  }
  const bends: FlowLayout['bends'] = {};
  for (const e of edges) {
    const route = (g.edge({ v: e.source, w: e.target, name: e.id }) as { points?: Array<{ x: number; y: number }> } | undefined)?.points;
    if (route) bends[e.id] = route.slice(1, -1);
  }
  return { boxes, bends };
}

/** Returns the top-left position of every node, all of one size; nodes are not moved in place. */
export function layoutFlow(
  nodes: readonly FlowNode[], edges: readonly FlowEdge[], options: LayoutOptions = {},
): Record<string, { x: number; y: number }> {
  const { nodeWidth = 220, nodeHeight = 90, ...gaps } = options;
  const { boxes } = layoutFlowGraph(nodes, edges, () => ({ width: nodeWidth, height: nodeHeight }), gaps);
  return Object.fromEntries(Object.entries(boxes).map(([id, b]) => [id, { x: b.x, y: b.y }]));
}
