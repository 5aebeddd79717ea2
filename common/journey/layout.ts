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

/** Returns the top-left position of every node; nodes are not moved in place. */
export function layoutFlow(
  nodes: readonly FlowNode[], edges: readonly FlowEdge[], options: LayoutOptions = {},
): Record<string, { x: number; y: number }> {
  const { nodeWidth = 220, nodeHeight = 90, layerGap = 70, nodeGap = 40 } = options;
  const g = new Graph({ multigraph: true });
  g.setGraph({ rankdir: 'TB', ranksep: layerGap, nodesep: nodeGap, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  const known = new Set<string>();
  // Triggers first, so dagre's cycle breaking keeps them at the top and loops point back up.
  const ordered = [...nodes.filter((n) => n.kind === 'trigger'), ...nodes.filter((n) => n.kind !== 'trigger')];
  for (const n of ordered) {
    g.setNode(n.id, { width: nodeWidth, height: nodeHeight });
    known.add(n.id);
  }
  for (const e of edges) {
    if (known.has(e.source) && known.has(e.target) && e.source !== e.target) g.setEdge(e.source, e.target, {}, e.id);
  }
  layout(g);
  const out: Record<string, { x: number; y: number }> = {};
  for (const n of nodes) {
    const p = g.node(n.id);
    // dagre gives centres; the canvas and the PDF place boxes by their top-left corner.
    out[n.id] = { x: Math.round((p?.x ?? 0) - nodeWidth / 2), y: Math.round((p?.y ?? 0) - nodeHeight / 2) };
  }
  return out;
}
