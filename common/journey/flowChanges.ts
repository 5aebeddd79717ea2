import * as v from 'valibot';
import { err, ok, type Result } from '../result';
import { flowNodeSchema, type FlowEdge, type FlowNode, type JourneyFlow } from './flowModel';

/**
 * Flow edits as data, in the spirit of xyflow's `NodeChange[]`: the canvas turns a gesture into
 * one of these and `applyFlowChange` returns the next flow.
 */
export type FlowChange =
  | { type: 'addNode'; node: FlowNode }
  | { type: 'updateNode'; nodeId: string; patch: { label?: string; config?: FlowNode['config']; stageId?: string | null } }
  | { type: 'moveNodes'; positions: Record<string, { x: number; y: number }> }
  | { type: 'removeNodes'; nodeIds: string[] }
  | { type: 'addEdge'; edge: FlowEdge }
  | { type: 'removeEdges'; edgeIds: string[] };

/** Applies one edit to a flow. An edit that would leave a node with a config of the wrong shape is refused. */
export function applyFlowChange(flow: JourneyFlow, change: FlowChange): Result<JourneyFlow> {
  switch (change.type) {
    case 'addNode': {
      if (flow.nodes.some((n) => n.id === change.node.id)) return err('conflict', 'A node with this id already exists.');
      const checked = v.safeParse(flowNodeSchema, change.node);
      if (!checked.success) return err('invalid-argument', `The node is not valid: ${checked.issues[0].message}`);
      return ok({ ...flow, nodes: [...flow.nodes, checked.output] });
    }
    case 'updateNode': {
      const node = flow.nodes.find((n) => n.id === change.nodeId);
      if (!node) return err('not-found', 'This node is not in the flow any more.');
      const { stageId, ...rest } = change.patch;
      const merged: Record<string, unknown> = { ...node, ...rest };
      if (stageId === null) delete merged.stageId;
      else if (stageId !== undefined) merged.stageId = stageId;
      const checked = v.safeParse(flowNodeSchema, merged);
      if (!checked.success) return err('invalid-argument', `The node is not valid: ${checked.issues[0].message}`);
      // Branch handles that vanished with a config edit take their edges with them.
      const next = checked.output;
      const nodes = flow.nodes.map((n) => (n.id === node.id ? next : n));
      return ok({ nodes, edges: dropOrphanBranchEdges(flow.edges, next) });
    }
    case 'moveNodes': {
      const nodes = flow.nodes.map((n) => {
        const p = change.positions[n.id];
        return p && Number.isFinite(p.x) && Number.isFinite(p.y) ? { ...n, position: { x: p.x, y: p.y } } : n;
      });
      return ok({ ...flow, nodes });
    }
    case 'removeNodes': {
      const gone = new Set(change.nodeIds);
      return ok({
        nodes: flow.nodes.filter((n) => !gone.has(n.id)),
        edges: flow.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
      });
    }
    case 'addEdge': {
      const { edge } = change;
      if (flow.edges.some((e) => e.id === edge.id)) return err('conflict', 'An edge with this id already exists.');
      if (!flow.nodes.some((n) => n.id === edge.source) || !flow.nodes.some((n) => n.id === edge.target)) {
        return err('not-found', 'Both ends of a connection must be nodes of this flow.');
      }
      // One handle leads to one place: connecting it again replaces the old connection, as on the canvas.
      const edges = flow.edges.filter((e) => !(e.source === edge.source && e.sourceHandle === edge.sourceHandle));
      return ok({ ...flow, edges: [...edges, edge] });
    }
    case 'removeEdges': {
      const gone = new Set(change.edgeIds);
      return ok({ ...flow, edges: flow.edges.filter((e) => !gone.has(e.id)) });
    }
  }
}

function dropOrphanBranchEdges(edges: FlowEdge[], node: FlowNode): FlowEdge[] {
  if (node.kind !== 'multiSplit' && node.kind !== 'randomSplit' && node.kind !== 'wait') return edges;
  const handles = new Set<string>(node.kind === 'wait' ? ['out', 'timeout'] : node.config.branches.map((b) => b.id));
  if (node.kind === 'multiSplit') handles.add('else');
  if (node.kind === 'wait' && node.config.mode === 'duration') handles.delete('timeout');
  return edges.filter((e) => e.source !== node.id || handles.has(e.sourceHandle));
}
