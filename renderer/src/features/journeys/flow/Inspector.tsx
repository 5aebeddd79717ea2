import type { FlowNode, Stage } from '../../../../../common/journey';
import { NodeIcon, X } from '../../../ui/icons';
import { CommitInput } from '../CommitInput';
import type { JourneyEditor } from '../useJourneyEditor';
import { ConfigFields } from './ConfigFields';
import { OutputsEditor } from './OutputsEditor';
import { useT } from '../../../i18n';
import { kindKey } from './labels';

/** The typed inspector of the selected step: label, stage tie, the config fields of its kind, delete. */
export function Inspector({ node, stages, editor, onClose }: { node: FlowNode; stages: Stage[]; editor: JourneyEditor; onClose: () => void }) {
  const t = useT();
  const setConfig = (config: FlowNode['config']) => editor.dispatch({ type: 'updateNode', nodeId: node.id, patch: { config } });
  return (
    <section className="inspector" aria-label={t('journeyFlow.inspector.label')}>
      <header>
        <h3><NodeIcon node={node} /> {t(kindKey[node.kind])}</h3>
        <button type="button" className="ghost" aria-label={t('journeyFlow.inspector.close')} onClick={onClose}><X size={16} /></button>
      </header>
      <label className="field">
        <span>{t('journeyFlow.inspector.labelField')}</span>
        <CommitInput aria-label={t('journeyFlow.inspector.stepLabel')} value={node.label} maxLength={200}
          onCommit={(label) => editor.dispatch({ type: 'updateNode', nodeId: node.id, patch: { label } })} />
      </label>
      <label className="field">
        <span>{t('journeyFlow.inspector.stage')}</span>
        <select aria-label={t('journeyFlow.inspector.stage')} value={node.stageId ?? ''}
          onChange={(e) => editor.dispatch({ type: 'updateNode', nodeId: node.id, patch: { stageId: e.target.value || null } })}>
          <option value="">{t('journeyFlow.inspector.noStage')}</option>
          {stages.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </label>
      <ConfigFields node={node} setConfig={setConfig} />
      <OutputsEditor node={node} nodes={editor.journey.flow.nodes} edges={editor.journey.flow.edges} editor={editor} />
      <button type="button" className="danger" onClick={() => { editor.dispatch({ type: 'removeNodes', nodeIds: [node.id] }); onClose(); }}>{t('journeyFlow.inspector.delete')}</button>
    </section>
  );
}
