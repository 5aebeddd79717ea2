import type { FlowNode, Stage } from '../../../../../common/journey';
import { NodeIcon, X } from '../../../ui/icons';
import { CommitInput } from '../CommitInput';
import type { JourneyEditor } from '../useJourneyEditor';
import { ConfigFields } from './ConfigFields';
import { OutputsEditor } from './OutputsEditor';

const kindLabel: Record<FlowNode['kind'], string> = {
  trigger: 'Trigger', action: 'Action', wait: 'Wait', condition: 'Condition (if/else)', multiSplit: 'Multi-split',
  randomSplit: 'Random / A-B split', exit: 'Exit', goto: 'Go to journey',
};

/** The typed inspector of the selected step: label, stage tie, the config fields of its kind, delete. */
export function Inspector({ node, stages, editor, onClose }: { node: FlowNode; stages: Stage[]; editor: JourneyEditor; onClose: () => void }) {
  const setConfig = (config: FlowNode['config']) => editor.dispatch({ type: 'updateNode', nodeId: node.id, patch: { config } });
  return (
    <section className="inspector" aria-label="Step inspector">
      <header>
        <h3><NodeIcon node={node} /> {kindLabel[node.kind]}</h3>
        <button type="button" className="ghost" aria-label="Close inspector" onClick={onClose}><X size={16} /></button>
      </header>
      <label className="field">
        <span>Label</span>
        <CommitInput aria-label="Step label" value={node.label} maxLength={200}
          onCommit={(label) => editor.dispatch({ type: 'updateNode', nodeId: node.id, patch: { label } })} />
      </label>
      <label className="field">
        <span>Map stage</span>
        <select aria-label="Map stage" value={node.stageId ?? ''}
          onChange={(e) => editor.dispatch({ type: 'updateNode', nodeId: node.id, patch: { stageId: e.target.value || null } })}>
          <option value="">Not tied to a stage</option>
          {stages.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </label>
      <ConfigFields node={node} setConfig={setConfig} />
      <OutputsEditor node={node} nodes={editor.journey.flow.nodes} edges={editor.journey.flow.edges} editor={editor} />
      <button type="button" className="danger" onClick={() => { editor.dispatch({ type: 'removeNodes', nodeIds: [node.id] }); onClose(); }}>Delete step</button>
    </section>
  );
}
