import { hasInput, outputHandles, randomId, type FlowEdge, type FlowNode } from '../../../../../common/journey';
import type { JourneyEditor } from '../useJourneyEditor';
import { useT } from '../../../i18n';
import { handleName } from './labels';

/**
 * Where each output of a step leads, as menus: the keyboard way to connect steps (dragging a
 * handle needs a mouse), and a precise one on a crowded canvas.
 */
export function OutputsEditor({ node, nodes, edges, editor }: { node: FlowNode; nodes: FlowNode[]; edges: FlowEdge[]; editor: JourneyEditor }) {
  const t = useT();
  const handles = outputHandles(node);
  if (handles.length === 0) return null;
  const targets = nodes.filter((n) => n.id !== node.id && hasInput(n));
  return (
    <fieldset className="outputs-editor">
      <legend>{t('journeyFlow.outputs.legend')}</legend>
      {handles.map((h) => {
        const edge = edges.find((e) => e.source === node.id && e.sourceHandle === h);
        return (
          <label key={h} className="field">
            <span>{handleName(t, node, h)}</span>
            <select aria-label={t('journeyFlow.outputs.leadsTo', { output: handleName(t, node, h) })} value={edge?.target ?? ''} onChange={(e) => {
              const target = e.target.value;
              if (!target) { if (edge) editor.dispatch({ type: 'removeEdges', edgeIds: [edge.id] }); return; }
              editor.dispatch({ type: 'addEdge', edge: { id: randomId('e'), source: node.id, target, sourceHandle: h } });
            }}>
              <option value="">{t('journeyFlow.outputs.none')}</option>
              {targets.map((t) => <option key={t.id} value={t.id}>{t.label}</option>)}
            </select>
          </label>
        );
      })}
    </fieldset>
  );
}
