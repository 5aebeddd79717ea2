import { hasInput, outputHandles, randomId, type FlowEdge, type FlowNode } from '../../../../../common/journey';
import type { JourneyEditor } from '../useJourneyEditor';

function handleName(node: FlowNode, handle: string): string {
  if (node.kind === 'multiSplit' || node.kind === 'randomSplit') {
    return node.config.branches.find((b) => b.id === handle)?.label ?? (handle === 'else' ? 'Else' : handle);
  }
  return { out: 'Next', yes: 'Yes', no: 'No', timeout: 'On timeout' }[handle] ?? handle;
}

/**
 * Where each output of a step leads, as menus: the keyboard way to connect steps (dragging a
 * handle needs a mouse), and a precise one on a crowded canvas.
 */
export function OutputsEditor({ node, nodes, edges, editor }: { node: FlowNode; nodes: FlowNode[]; edges: FlowEdge[]; editor: JourneyEditor }) {
  const handles = outputHandles(node);
  if (handles.length === 0) return null;
  const targets = nodes.filter((n) => n.id !== node.id && hasInput(n));
  return (
    <fieldset className="outputs-editor">
      <legend>Leads to</legend>
      {handles.map((h) => {
        const edge = edges.find((e) => e.source === node.id && e.sourceHandle === h);
        return (
          <label key={h} className="field">
            <span>{handleName(node, h)}</span>
            <select aria-label={`${handleName(node, h)} leads to`} value={edge?.target ?? ''} onChange={(e) => {
              const target = e.target.value;
              if (!target) { if (edge) editor.dispatch({ type: 'removeEdges', edgeIds: [edge.id] }); return; }
              editor.dispatch({ type: 'addEdge', edge: { id: randomId('e'), source: node.id, target, sourceHandle: h } });
            }}>
              <option value="">Not connected</option>
              {targets.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
            </select>
          </label>
        );
      })}
    </fieldset>
  );
}
