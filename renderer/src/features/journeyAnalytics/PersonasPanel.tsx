import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import type { JourneyChange, JourneyMap } from '../../../../common/journey';
import type { JoinCounts, PersonaJourneyRow } from '../../../../common/journeyAnalytics';
import { FormattedMessage, useT } from '../../i18n';
import { useJourneyFormat, type Words } from './journeyFormat';
import type { PersonaReportState } from './usePersonaReport';

const idTypes = new Set(['id', 'category', 'number', 'text']);

/** One sentence per side of the join, with counts, so nothing unjoined goes unsaid. */
export function joinSentence(j: JoinCounts, t: Words): string {
  return [
    t('journeyAnalytics.personas.joined', { count: j.matched }),
    t('journeyAnalytics.personas.surveyOnly', { count: j.surveyOnly }),
    t('journeyAnalytics.personas.logOnly', { count: j.logOnly }),
    ...(j.withoutId > 0 ? [t('journeyAnalytics.personas.withoutId', { count: j.withoutId })] : []),
    ...(j.repeatedIds > 0 ? [t('journeyAnalytics.personas.repeatedIds', { count: j.repeatedIds })] : []),
    ...(j.unassigned > 0 ? [t('journeyAnalytics.personas.unassigned', { count: j.unassigned })] : []),
  ].join(' · ');
}

/**
 * Persona–journey correlation under the map: join a survey to the event log by id, then per persona
 * its reach and conversion per stage (stages where it converts significantly worse than the rest are
 * marked), completion, the stage where most stop, time to complete, and the goals and frustrations
 * on its canvas that speak about the stages where it does worse.
 */
export function PersonasPanel({ state, map, surveys, dispatch }: { state: PersonaReportState; map: JourneyMap; surveys: DatasetHeaderDoc[]; dispatch: (...c: JourneyChange[]) => boolean }) {
  const t = useT();
  const fmt = useJourneyFormat();
  const settings = map.analytics ?? {};
  const { survey, report, personas } = state;
  const columns = survey?.columns.filter((c) => idTypes.has(c.type)) ?? [];
  const stages = map.stages;
  const rows = report ? report.table.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.customers > 0) : [];
  const idle = report ? report.table.rows.length - rows.length : 0;
  const below = rows.filter(({ r }) => r.belowStages.length > 0);
  return (
    <section aria-label={t('journeyAnalytics.personas.title')} className="personas-panel">
      <h3>{t('journeyAnalytics.personas.title')}</h3>
      <div className="toolbar">
        <label>{t('journeyAnalytics.personas.survey')}{' '}
          <select aria-label={t('journeyAnalytics.personas.surveyJoined')} value={settings.surveyDatasetId ?? ''}
            onChange={(e) => dispatch({ type: 'setAnalytics', patch: { surveyDatasetId: e.target.value || null, surveyIdColumn: null } })}>
            <option value="">{t(surveys.length === 0 ? 'journeyAnalytics.personas.noSurveys' : 'journeyAnalytics.personas.noSurvey')}</option>
            {surveys.map((s) => <option key={s.datasetId} value={s.datasetId}>{s.name}</option>)}
          </select>
        </label>
        {survey && (
          <label>{t('journeyAnalytics.personas.idColumn')}{' '}
            <select aria-label={t('journeyAnalytics.personas.idColumnLabel')} value={settings.surveyIdColumn ?? ''}
              onChange={(e) => dispatch({ type: 'setAnalytics', patch: { surveyIdColumn: e.target.value || null } })}>
              <option value="">{t('journeyAnalytics.personas.choose')}</option>
              {columns.map((c) => <option key={c.key} value={c.key}>{c.label || c.key}</option>)}
            </select>
          </label>
        )}
      </div>
      <p className="muted">{t('journeyAnalytics.personas.rule')}</p>
      {state.problem && <p className="error" role="alert">{state.problem}</p>}
      {state.busy && <p role="status">{t('journeyAnalytics.personas.computing')}</p>}
      {report && (
        <>
          <p data-testid="persona-join">{joinSentence(report.join, t)}</p>
          {rows.length === 0 ? <p className="muted">{t('journeyAnalytics.personas.noneFit')}</p> : (
            <table className="data-table persona-journey" aria-label={t('journeyAnalytics.personas.table')}>
              <thead>
                <tr>
                  <th scope="col">{t('journeyAnalytics.personas.persona')}</th><th scope="col">{t('journeyAnalytics.personas.customers')}</th>
                  {stages.map((s) => <th key={s.id} scope="col">{s.name}</th>)}
                  <th scope="col">{t('journeyAnalytics.personas.completed')}</th><th scope="col">{t('journeyAnalytics.personas.mostStop')}</th><th scope="col">{t('journeyAnalytics.personas.medianTime')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ r, i }) => (
                  <tr key={r.personaId} data-testid={`persona-row-${r.personaId}`}>
                    <th scope="row">
                      <span className="persona-dot" style={{ background: personas[i]?.colour }} />{r.name}
                      {report.table.best === r.personaId && <span className="chip good">{t('journeyAnalytics.personas.best')}</span>}
                      {report.table.worst === r.personaId && <span className="chip bad">{t('journeyAnalytics.personas.worst')}</span>}
                    </th>
                    <td className="num">{fmt.count(r.customers)}</td>
                    {stages.map((s, k) => <StageCell key={s.id} row={r} stage={k} />)}
                    <td className="num">{t('journeyAnalytics.compare.share', { count: fmt.count(r.completed), rate: fmt.rate(r.completionRate) })}</td>
                    <td>{r.dropOffStage === null ? fmt.rate(null) : t('journeyAnalytics.personas.stopAt', { stage: stages[r.dropOffStage]?.name ?? '', count: fmt.count(r.dropOff[r.dropOffStage]!) })}</td>
                    <td className="num">{fmt.duration(r.timeToComplete.median)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="muted">
            <FormattedMessage id="journeyAnalytics.personas.legend" values={{ minStarters: report.table.minStarters, mark: (c) => <span className="below-mark">{c}</span> }} />
            {idle > 0 && ` ${t('journeyAnalytics.personas.idle', { count: idle })}`}
          </p>
          {below.map(({ r, i }) => (
            <div key={r.personaId} className="persona-below" data-testid={`persona-below-${r.personaId}`}>
              {r.belowStages.map((s) => {
                const meets = report.canvasMeets[i]?.[s] ?? [];
                const items = personas[i]?.canvas ?? [];
                return (
                  <p key={s}>
                    <FormattedMessage id="journeyAnalytics.personas.worse" values={{
                      persona: r.name, stage: stages[s]?.name ?? '', difference: fmt.difference(r.conversionVsRest[s] ?? null), b: (c) => <strong>{c}</strong>,
                    }} />{' '}
                    {meets.length === 0 ? <span className="muted">{t('journeyAnalytics.personas.noMeet', { persona: r.name })}</span> : (
                      <>{t('journeyAnalytics.personas.onCanvas', { persona: r.name })} {meets.map((m, k) => (
                        <span key={k} className="canvas-meet">{t(items[m.item]?.kind === 'goal' ? 'journeyAnalytics.personas.goal' : 'journeyAnalytics.personas.frustration', { text: items[m.item]?.text ?? '' })}</span>
                      ))}</>
                    )}
                  </p>
                );
              })}
            </div>
          ))}
        </>
      )}
    </section>
  );
}

function StageCell({ row, stage }: { row: PersonaJourneyRow; stage: number }) {
  const t = useT();
  const fmt = useJourneyFormat();
  const reached = row.reach[stage] ?? 0;
  const prev = stage === 0 ? null : row.reach[stage - 1] ?? 0;
  const isBelow = row.belowStages.includes(stage);
  const d = row.conversionVsRest[stage] ?? null;
  return (
    <td className={`num${isBelow ? ' below' : ''}`} title={d ? t('journeyAnalytics.personas.vsRest', { difference: fmt.difference(d) }) : undefined} data-below={isBelow || undefined}>
      {prev === null ? fmt.count(reached) : t('journeyAnalytics.compare.share', { count: fmt.count(reached), rate: fmt.rate(prev > 0 ? reached / prev : null) })}
    </td>
  );
}
