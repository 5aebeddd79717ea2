import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import type { JourneyChange, JourneyMap } from '../../../../common/journey';
import type { JoinCounts, PersonaJourneyRow } from '../../../../common/journeyAnalytics';
import { formatDuration, formatRate } from '../../../../common/journeyAnalytics/report';
import { formatDifference } from './ComparePanel';
import type { PersonaReportState } from './usePersonaReport';

const idTypes = new Set(['id', 'category', 'number', 'text']);

/** One sentence per side of the join, with counts, so nothing unjoined goes unsaid. */
export function joinSentence(j: JoinCounts): string {
  const n = (v: number, one: string, many: string) => `${v.toLocaleString()} ${v === 1 ? one : many}`;
  return [
    `${n(j.matched, 'respondent', 'respondents')} joined to customers of the log`,
    `${n(j.surveyOnly, 'survey id', 'survey ids')} not in the log`,
    `${n(j.logOnly, 'customer', 'customers')} of the log without survey answers (left out of the persona rows, counted in “the rest”)`,
    ...(j.withoutId > 0 ? [`${n(j.withoutId, 'survey row', 'survey rows')} without an id`] : []),
    ...(j.repeatedIds > 0 ? [`${n(j.repeatedIds, 'repeated id', 'repeated ids')} (the latest answer kept)`] : []),
    ...(j.unassigned > 0 ? [`${n(j.unassigned, 'joined respondent', 'joined respondents')} fit no persona (no score of 50 or more)`] : []),
  ].join(' · ');
}

/**
 * Persona–journey correlation under the map: join a survey to the event log by id, then per persona
 * its reach and conversion per stage (stages where it converts significantly worse than the rest are
 * marked), completion, the stage where most stop, time to complete, and the goals and frustrations
 * on its canvas that speak about the stages where it does worse.
 */
export function PersonasPanel({ state, map, surveys, dispatch }: { state: PersonaReportState; map: JourneyMap; surveys: DatasetHeaderDoc[]; dispatch: (...c: JourneyChange[]) => boolean }) {
  const settings = map.analytics ?? {};
  const { survey, report, personas } = state;
  const columns = survey?.columns.filter((c) => idTypes.has(c.type)) ?? [];
  const stages = map.stages;
  const rows = report ? report.table.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.customers > 0) : [];
  const idle = report ? report.table.rows.length - rows.length : 0;
  const below = rows.filter(({ r }) => r.belowStages.length > 0);
  return (
    <section aria-label="Personas" className="personas-panel">
      <h3>Personas</h3>
      <div className="toolbar">
        <label>Survey{' '}
          <select aria-label="Survey joined" value={settings.surveyDatasetId ?? ''}
            onChange={(e) => dispatch({ type: 'setAnalytics', patch: { surveyDatasetId: e.target.value || null, surveyIdColumn: null } })}>
            <option value="">{surveys.length === 0 ? 'No survey data (import one on the Data screen)' : 'None'}</option>
            {surveys.map((s) => <option key={s.datasetId} value={s.datasetId}>{s.name}</option>)}
          </select>
        </label>
        {survey && (
          <label>its column holding the customer id{' '}
            <select aria-label="Survey id column" value={settings.surveyIdColumn ?? ''}
              onChange={(e) => dispatch({ type: 'setAnalytics', patch: { surveyIdColumn: e.target.value || null } })}>
              <option value="">Choose…</option>
              {columns.map((c) => <option key={c.key} value={c.key}>{c.label || c.key}</option>)}
            </select>
          </label>
        )}
      </div>
      <p className="muted">Each respondent counts for the persona that scores highest for them (50 or more), so every customer is in one persona at most and each persona is compared with everyone else in the log.</p>
      {state.problem && <p className="error" role="alert">{state.problem}</p>}
      {state.busy && <p role="status">Computing persona figures…</p>}
      {report && (
        <>
          <p data-testid="persona-join">{joinSentence(report.join)}</p>
          {rows.length === 0 ? <p className="muted">No joined customer fits a persona yet.</p> : (
            <table className="data-table persona-journey" aria-label="Persona figures">
              <thead>
                <tr>
                  <th scope="col">Persona</th><th scope="col">Customers</th>
                  {stages.map((s) => <th key={s.id} scope="col">{s.name}</th>)}
                  <th scope="col">Completed</th><th scope="col">Most stop at</th><th scope="col">Median time to complete</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ r, i }) => (
                  <tr key={r.personaId} data-testid={`persona-row-${r.personaId}`}>
                    <th scope="row">
                      <span className="persona-dot" style={{ background: personas[i]?.colour }} />{r.name}
                      {report.table.best === r.personaId && <span className="chip good">does best</span>}
                      {report.table.worst === r.personaId && <span className="chip bad">does worst</span>}
                    </th>
                    <td className="num">{r.customers.toLocaleString()}</td>
                    {stages.map((s, k) => <StageCell key={s.id} row={r} stage={k} />)}
                    <td className="num">{r.completed.toLocaleString()} ({formatRate(r.completionRate)})</td>
                    <td>{r.dropOffStage === null ? '–' : `${stages[r.dropOffStage]?.name} (${r.dropOff[r.dropOffStage]!.toLocaleString()})`}</td>
                    <td className="num">{formatDuration(r.timeToComplete.median)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="muted">
            Each stage shows who reached it in order and the share of the previous stage; <span className="below-mark">marked</span> where the persona converts
            worse than the rest with 95 % confidence (Newcombe interval below zero). Best and worst rank completion among personas with {report.table.minStarters} or more starters.
            {idle > 0 && ` ${idle} persona${idle === 1 ? ' has' : 's have'} no joined customer.`}
          </p>
          {below.map(({ r, i }) => (
            <div key={r.personaId} className="persona-below" data-testid={`persona-below-${r.personaId}`}>
              {r.belowStages.map((s) => {
                const meets = report.canvasMeets[i]?.[s] ?? [];
                const items = personas[i]?.canvas ?? [];
                return (
                  <p key={s}>
                    <strong>{r.name}</strong> converts worse than the rest at <strong>{stages[s]?.name}</strong>: {formatDifference(r.conversionVsRest[s] ?? null)}.{' '}
                    {meets.length === 0 ? <span className="muted">No goal or frustration on {r.name}’s canvas speaks about this stage.</span> : (
                      <>On {r.name}’s canvas: {meets.map((m, k) => (
                        <span key={k} className="canvas-meet">{items[m.item]?.kind === 'goal' ? 'goal' : 'frustration'} “{items[m.item]?.text}”</span>
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
  const reached = row.reach[stage] ?? 0;
  const prev = stage === 0 ? null : row.reach[stage - 1] ?? 0;
  const isBelow = row.belowStages.includes(stage);
  const d = row.conversionVsRest[stage] ?? null;
  return (
    <td className={`num${isBelow ? ' below' : ''}`} title={d ? `vs the rest: ${formatDifference(d)}` : undefined} data-below={isBelow || undefined}>
      {reached.toLocaleString()}{prev !== null && ` (${prev > 0 ? formatRate(reached / prev) : '–'})`}
    </td>
  );
}
