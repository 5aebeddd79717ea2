import { memo, useState } from 'react';
import {
  emotionScales, laneTypes, nodesByStage, randomId, type Card, type JourneyChange, type Lane, type LaneType, type Stage,
} from '../../../../../common/journey';
import { MapAnalyticsRows } from '../../journeyAnalytics/MapAnalyticsRows';
import { MapRunRows } from '../runs/MapRunRows';
import type { JourneyEditor } from '../useJourneyEditor';
import { CardCell } from './CardCell';
import { EmotionLaneView } from './EmotionLaneView';
import { LaneHeader } from './LaneHeader';
import { MetricCell } from './MetricCell';
import { StageHeader } from './StageHeader';
import { laneTypeKey, stageColours } from './labels';
import { useT } from '../../../i18n';

type Dispatch = (...changes: JourneyChange[]) => boolean;

/** Width of a stage column in pixels; the emotion curve's SVG uses the same grid. */
export const stageWidth = 220;

/** A new lane of a type, named in the workspace's language (the name is data: it stays as written). */
function newLane(t: ReturnType<typeof useT>, type: LaneType): Lane {
  const id = randomId('ln');
  const name = t(laneTypeKey[type]);
  if (type === 'emotion') {
    return { id, type, name, scale: 'bipolar', curves: [{ id: randomId('cv'), variant: 'as-is', label: t('journeyMap.curve.customer'), colour: '#c0504d', points: {} }] };
  }
  if (type === 'metric') return { id, type, name, metric: 'nps', values: {} };
  return { id, type, name };
}

/**
 * The map: a grid with stage columns and lane rows. Stages drag to reorder; lanes move with their
 * buttons; every cell edits in place; the last row lists the flow steps tied to each stage.
 */
export function MapView({ editor, onShowNodes }: { editor: JourneyEditor; onShowNodes: (stageId: string) => void }) {
  const t = useT();
  const { map } = editor.journey;
  const [addType, setAddType] = useState<LaneType>('touchpoints');
  const dispatch = editor.dispatch;
  const byStage = nodesByStage(editor.journey);
  const hasSteps = map.stages.some((s) => (byStage.get(s.id)?.length ?? 0) > 0);
  const columns = `200px repeat(${map.stages.length}, ${stageWidth}px) 140px`;
  // An explicit width spares the browser sizing every cell to find the grid's max-content width.
  const width = 200 + map.stages.length * stageWidth + 140;

  const addStage = () => dispatch({
    type: 'addStage',
    stage: { id: randomId('st'), name: t('journeyMap.stage.newName', { n: map.stages.length + 1 }), colour: stageColours[map.stages.length % stageColours.length]!, momentOfTruth: false },
  });

  return (
    <div className="journey-map" role="region" aria-label={t('journeyMap.region')}>
      {/* The image of the map ends at the last stage: the "+ Stage" column is left out of it. */}
      <div className="map-grid" style={{ gridTemplateColumns: columns, width }} data-export-drop="last-column">
        <div className="map-corner">{t('journeyMap.stages')}</div>
        {map.stages.map((s, i) => <StageHeader key={s.id} stage={s} index={i} count={map.stages.length} dispatch={dispatch} />)}
        <div className="map-add-stage"><button type="button" onClick={addStage}>{t('journeyMap.stage.add')}</button></div>
        <MapAnalyticsRows stages={map.stages} />
        <MapRunRows journey={editor.journey} stages={map.stages} />

        {map.lanes.map((lane, li) => (
          <LaneRow key={lane.id} lane={lane} index={li} count={map.lanes.length} stages={map.stages} row={map.cells[lane.id]} dispatch={dispatch} />
        ))}

        {/* A map with no flow steps leaves their row out of its image rather than print it empty. */}
        <div className="lane-header lane-flow" data-export={hasSteps ? undefined : 'hide'}><strong>{t('journeyMap.flowSteps')}</strong><span className="muted">{t('journeyMap.flowStepsHint')}</span></div>
        {map.stages.map((s) => (
          <div key={s.id} className="map-cell flow-steps" data-stage={s.id} data-export={hasSteps ? undefined : 'hide'}>
            {(byStage.get(s.id) ?? []).map((n) => (
              <button type="button" key={n.id} data-export="keep" className={`chip node-chip node-${n.kind}`} onClick={() => onShowNodes(s.id)}>{n.label}</button>
            ))}
          </div>
        ))}
        <div />
      </div>
      <div className="toolbar add-lane">
        <select aria-label={t('journeyMap.lane.type')} value={addType} onChange={(e) => setAddType(e.target.value as LaneType)}>
          {laneTypes.map((k) => <option key={k} value={k}>{t(laneTypeKey[k])}</option>)}
        </select>
        <button type="button" onClick={() => dispatch({ type: 'addLane', lane: newLane(t, addType) })}>{t('journeyMap.lane.add')}</button>
        {map.stages.length === 0 && <span className="muted">{t('journeyMap.empty')}</span>}
      </div>
    </div>
  );
}

const noCards: Card[] = [];

/**
 * One lane: its header and a cell per stage (or one curve spanning them all). Props are the lane's
 * own data and the stable dispatch, so an edit re-renders only the lanes and cells it touched.
 */
const LaneRow = memo(function LaneRow({ lane, index, count, stages, row, dispatch }: {
  lane: Lane; index: number; count: number; stages: Stage[]; row: Record<string, Card[]> | undefined; dispatch: Dispatch;
}) {
  const header = <LaneHeader lane={lane} index={index} count={count} dispatch={dispatch} />;
  if (lane.type === 'emotion') {
    return (
      <>
        {header}
        <EmotionLaneView lane={lane} stages={stages} scale={emotionScales[lane.scale]} dispatch={dispatch} />
        {stages.length > 0 && <div />}
      </>
    );
  }
  return (
    <>
      {header}
      {stages.map((s) => lane.type === 'metric'
        ? <MetricCell key={s.id} lane={lane} stage={s} dispatch={dispatch} />
        : <CardCell key={s.id} lane={lane} stage={s} cards={row?.[s.id] ?? noCards} dispatch={dispatch} />)}
      <div />
    </>
  );
});
