import { memo } from 'react';
import { curveLimitProblem, randomId, type Curve, type EmotionLane, type JourneyChange } from '../../../../../common/journey';
import { CommitInput } from '../CommitInput';
import type { PersonaRef } from '../store';
import { curveColours } from './labels';
import { X } from '../../../ui/icons';
import { useT } from '../../../i18n';

/** The curves of an emotion lane: pick one to edit, rename, set persona and as-is/to-be, add, remove. */
export const CurveLegend = memo(function CurveLegend({ lane, personas, selectedId, onSelect, dispatch }: {
  lane: EmotionLane; personas: PersonaRef[]; selectedId: string | null; onSelect: (id: string) => void; dispatch: (...c: JourneyChange[]) => boolean;
}) {
  const t = useT();
  const update = (c: Curve, patch: Partial<Omit<Curve, 'id' | 'points'>>) =>
    dispatch({ type: 'updateCurve', laneId: lane.id, curveId: c.id, patch });
  const candidate: Curve = {
    id: randomId('cv'), variant: 'to-be', label: t('journeyMap.curve.newName', { n: lane.curves.length + 1 }),
    colour: curveColours[lane.curves.length % curveColours.length]!, points: {},
  };
  const full = curveLimitProblem([...lane.curves, candidate]) !== null && curveLimitProblem([...lane.curves, { ...candidate, personaId: 'x-new' }]) !== null;
  return (
    <div className="curve-legend">
      {lane.curves.map((c) => (
        <div key={c.id} className={`curve-item${c.id === selectedId ? ' selected' : ''}`}>
          <input type="radio" name={`curve-${lane.id}`} checked={c.id === selectedId} onChange={() => onSelect(c.id)} aria-label={t('journeyMap.curve.edit', { label: c.label })} />
          <input type="color" value={c.colour} aria-label={t('journeyMap.curve.colour', { label: c.label })} onChange={(e) => update(c, { colour: e.target.value })} />
          <CommitInput value={c.label} aria-label={t('journeyMap.curve.name', { label: c.label })} className="curve-label" maxLength={120} onCommit={(label) => update(c, { label })} />
          <select value={c.variant} aria-label={t('journeyMap.curve.variantOf', { label: c.label })} onChange={(e) => update(c, { variant: e.target.value as Curve['variant'] })}>
            <option value="as-is">{t('journeyMap.curve.asIs')}</option>
            <option value="to-be">{t('journeyMap.curve.toBe')}</option>
          </select>
          <select value={c.personaId ?? ''} aria-label={t('journeyMap.curve.persona', { label: c.label })} onChange={(e) => update(c, { personaId: e.target.value || undefined })}>
            <option value="">{t('journeyMap.curve.anyCustomer')}</option>
            {personas.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
          <button type="button" className="ghost" aria-label={t('journeyMap.curve.remove', { label: c.label })} onClick={() => dispatch({ type: 'removeCurve', laneId: lane.id, curveId: c.id })}><X size={14} /></button>
        </div>
      ))}
      <button type="button" className="ghost" disabled={full} title={full ? t('journeyMap.curve.limit') : undefined}
        onClick={() => {
          const ok = dispatch({ type: 'addCurve', laneId: lane.id, curve: candidate });
          if (ok) onSelect(candidate.id);
        }}>{t('journeyMap.curve.add')}</button>
    </div>
  );
});
