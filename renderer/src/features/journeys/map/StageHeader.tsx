import { memo, useState } from 'react';
import type { JourneyChange, Stage } from '../../../../../common/journey';
import { ArrowLeft, ArrowRight, GripVertical, Star, Trash2 } from '../../../ui/icons';
import { CommitInput } from '../CommitInput';
import { useT } from '../../../i18n';

/** The drag payload type for stage reordering, so drops from elsewhere are ignored. */
const dragType = 'application/x-cx-stage';

/**
 * A stage column header: name, colour, moment-of-truth flag, remove, and reordering by drag (mouse)
 * or the arrow buttons (keyboard).
 */
export const StageHeader = memo(function StageHeader({ stage, index, count, dispatch }: {
  stage: Stage; index: number; count: number; dispatch: (...c: JourneyChange[]) => boolean;
}) {
  const t = useT();
  const named = { stage: stage.name };
  const [over, setOver] = useState(false);
  const move = (toIndex: number) => dispatch({ type: 'moveStage', stageId: stage.id, toIndex });
  return (
    <div
      className={`stage-header${over ? ' drop-target' : ''}${stage.momentOfTruth ? ' moment' : ''}`}
      style={{ borderTopColor: stage.colour }}
      data-stage-id={stage.id}
      draggable
      onDragStart={(e) => { e.dataTransfer.setData(dragType, stage.id); e.dataTransfer.effectAllowed = 'move'; }}
      onDragOver={(e) => { if (e.dataTransfer.types.includes(dragType)) { e.preventDefault(); setOver(true); } }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false);
        const id = e.dataTransfer.getData(dragType);
        if (id && id !== stage.id) dispatch({ type: 'moveStage', stageId: id, toIndex: index });
      }}
    >
      <div className="stage-top">
        <span className="drag-handle" aria-hidden="true" title={t('journeyMap.stage.drag')}><GripVertical size={16} /></span>
        <CommitInput aria-label={t('journeyMap.stage.name', { n: index + 1 })} className="stage-name" value={stage.name} maxLength={120}
          onCommit={(name) => dispatch({ type: 'updateStage', stageId: stage.id, patch: { name } })} />
      </div>
      <div className="stage-tools">
        <input type="color" aria-label={t('journeyMap.stage.colour', named)} value={stage.colour}
          onChange={(e) => dispatch({ type: 'updateStage', stageId: stage.id, patch: { colour: e.target.value } })} />
        <button type="button" className={`ghost mot${stage.momentOfTruth ? ' on' : ''}`} aria-pressed={stage.momentOfTruth}
          aria-label={t('journeyMap.stage.momentOf', named)} title={t('journeyMap.stage.moment')}
          onClick={() => dispatch({ type: 'updateStage', stageId: stage.id, patch: { momentOfTruth: !stage.momentOfTruth } })}><Star size={16} fill={stage.momentOfTruth ? 'currentColor' : 'none'} /></button>
        <button type="button" className="ghost" disabled={index === 0} aria-label={t('journeyMap.stage.moveEarlier', named)} onClick={() => move(index - 1)}><ArrowLeft size={16} className="flip-rtl" /></button>
        <button type="button" className="ghost" disabled={index === count - 1} aria-label={t('journeyMap.stage.moveLater', named)} onClick={() => move(index + 1)}><ArrowRight size={16} className="flip-rtl" /></button>
        <button type="button" className="ghost" aria-label={t('journeyMap.stage.remove', named)} title={t('journeyMap.stage.removeTitle')}
          onClick={() => dispatch({ type: 'removeStage', stageId: stage.id })}><Trash2 size={16} /></button>
      </div>
      {stage.momentOfTruth && <span className="mot-badge">{t('journeyMap.stage.moment')}</span>}
    </div>
  );
});
