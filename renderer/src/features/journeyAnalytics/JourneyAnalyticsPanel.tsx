import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { JourneyChange, JourneyMap } from '../../../../common/journey';
import { cardSpecsOf, isEventDataset, type JourneyFigures } from '../../../../common/journeyAnalytics';
import { pathText } from '../../../../common/journeyAnalytics/report';
import { useLiveQuery } from '../../db/hooks';
import { useWorkspace } from '../../db/WorkspaceContext';
import { FormattedMessage, useT } from '../../i18n';
import type { LoadedLog } from '../../workers/journeyProtocol';
import { readChunks } from '../data/datasetStore';
import { parseHeader } from '../data/storedForm';
import { MapAnalyticsContext } from './analyticsState';
import { ComparePanel } from './ComparePanel';
import { PersonasPanel } from './PersonasPanel';
import { StageMoves } from './StageMoves';
import { TimeDistribution } from './TimeDistribution';
import { usePersonaReport } from './usePersonaReport';
import { heatMeasures, type HeatMeasure } from './heat';
import { useJourneyFormat } from './journeyFormat';
import { useSharedJourneyWorker } from './useJourneyWorker';
import { addEventToCard, cardTargets, withEventName } from './addTargets';
import { logKeyOf } from '../../workers/sharedJourneyClient';
import './journeyAnalytics.css';

// Bold figures inside the summary's sentences.
const b = (chunks: ReactNode[]) => <strong>{chunks}</strong>;

/**
 * Journey analytics around the map (issue 14): choose an event log, and the map shows the funnel,
 * the heat overlay and each stage's event rules; beside it the summary, unmatched events (to finish
 * the mapping) and the top paths. Figures come from the journey worker and follow every rule edit.
 */
export function JourneyAnalyticsPanel({ map, dispatch, children }: { map: JourneyMap; dispatch: (...c: JourneyChange[]) => boolean; children: ReactNode }) {
  const t = useT();
  const fmt = useJourneyFormat();
  const stages = map.stages;
  const db = useWorkspace();
  const worker = useSharedJourneyWorker();
  const { items } = useLiveQuery('datasets', { selector: { kind: 'header' }, sort: [{ id: 'asc' }] }, parseHeader);
  const logs = items.filter(isEventDataset);
  const surveys = useMemo(() => items.filter((h) => !isEventDataset(h)), [items]);
  // The chosen log is a setting of the journey, so exports and teammates read the same one.
  const datasetId = map.analytics?.eventDatasetId ?? '';
  const setDatasetId = (id: string) => dispatch({ type: 'setAnalytics', patch: { eventDatasetId: id || null } });
  // Results are kept with the key they belong to, so a change of log never shows the old one's figures.
  const [loaded, setLoaded] = useState<{ key: string; log: LoadedLog | null; problem: string | null } | null>(null);
  const [computed, setComputed] = useState<{ key: string; figures: JourneyFigures | null; problem: string | null } | null>(null);
  const [measure, setMeasure] = useState<HeatMeasure>('reach');
  const [inactiveDays, setInactiveDays] = useState(30);
  const header = logs.find((l) => l.datasetId === datasetId) ?? null;
  const loadKey = header ? logKeyOf(header) : '';

  useEffect(() => {
    if (!header) return;
    let live = true;
    void worker().loadLog(loadKey, async () => [{ header, chunks: await readChunks(db, header) }]).then((res) => {
      if (live) setLoaded({ key: loadKey, log: res.ok ? res.data : null, problem: res.ok ? null : res.message });
    });
    return () => { live = false; };
    // header is identified by loadKey
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [worker, db, loadKey]);
  const log = loaded?.key === loadKey ? loaded.log : null;

  const spec = useMemo(() => stages.map((s) => ({ id: s.id, name: s.name, ...(s.events ? { events: s.events } : {}) })), [stages]);
  // Touchpoint cards with rules are counted in the same worker pass; a card text edit changes nothing here.
  const cards = useMemo(() => cardSpecsOf(map), [map]);
  const specKey = JSON.stringify([spec, cards]);
  useEffect(() => {
    if (!log) return;
    let live = true;
    const timer = window.setTimeout(() => {
      void worker().analyse(log.key, spec, { inactiveAfterMs: inactiveDays * 86_400_000, topPaths: 10, cards }).then((res) => {
        if (live) setComputed({ key: log.key, figures: res.ok ? res.data : null, problem: res.ok ? null : res.message });
      });
    }, 150);
    return () => { live = false; window.clearTimeout(timer); };
    // spec and cards are identified by specKey
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [worker, log, specKey, inactiveDays]);

  const figures = log && computed?.key === log.key ? computed.figures : null;
  const problem = (loaded?.key === loadKey ? loaded.problem : null) ?? (log && computed?.key === log.key ? computed.problem : null);
  const personas = usePersonaReport(worker, log, map, surveys);
  const sentiment = personas.report?.sentiment ?? null;
  const survey = personas.survey;
  const context = useMemo(() => (log ? {
    log, figures, measure, dispatch, survey, sentiment, stageQuestions: map.analytics?.stageQuestions ?? {},
    cardFigures: new Map((figures?.cards ?? []).map((c) => [c.cardId, c])),
  } : null), [log, figures, measure, dispatch, survey, sentiment, map.analytics?.stageQuestions]);
  const names = stages.map((s) => s.name);
  const cardsToAdd = useMemo(() => cardTargets(map), [map]);
  // Option values: "s<index>" for a stage, "c<index>" for a card (ids are free text, indexes are not).
  const addTo = (value: string, name: string) => {
    const at = Number(value.slice(1));
    if (value.startsWith('s') && stages[at]) {
      dispatch({ type: 'updateStage', stageId: stages[at].id, patch: { events: withEventName(stages[at], name) } });
    } else if (value.startsWith('c') && cardsToAdd[at]) {
      dispatch(addEventToCard(map, cardsToAdd[at], name));
    }
  };
  const cardLabel = (c: (typeof cardsToAdd)[number]) => t('journeyAnalytics.unmatched.cardOption', {
    stage: c.stage.name,
    card: c.card.text.trim().slice(0, 60) || t('journeyAnalytics.unmatched.cardUnnamed', { lane: c.lane.name, n: c.n }),
  });

  return (
    <MapAnalyticsContext.Provider value={context}>
      <section className="journey-analytics" aria-label={t('journeyAnalytics.panel.region')}>
        <div className="toolbar">
          <label>{t('journeyAnalytics.panel.eventData')}{' '}
            <select value={datasetId} onChange={(e) => setDatasetId(e.target.value)} aria-label={t('journeyAnalytics.panel.eventData')}>
              <option value="">{t(logs.length === 0 ? 'journeyAnalytics.panel.noLogs' : 'journeyAnalytics.panel.noLog')}</option>
              {logs.map((l) => <option key={l.datasetId} value={l.datasetId}>{t('journeyAnalytics.panel.logOption', { name: l.name, count: l.rowCount })}</option>)}
            </select>
          </label>
          {log && (
            <>
              <label>{t('journeyAnalytics.panel.heat')}{' '}
                <select aria-label={t('journeyAnalytics.panel.heatMeasure')} value={measure} onChange={(e) => setMeasure(e.target.value as HeatMeasure)}>
                  {heatMeasures.map((m) => <option key={m.key} value={m.key}>{t(m.label)}</option>)}
                </select>
              </label>
              <label>{t('journeyAnalytics.panel.inactiveAfter')}{' '}
                <input type="number" min={1} max={3650} value={inactiveDays} aria-label={t('journeyAnalytics.panel.inactiveDays')}
                  onChange={(e) => { const v = Number(e.target.value); if (v >= 1 && v <= 3650) setInactiveDays(Math.round(v)); }} /> {t('journeyAnalytics.panel.days')}
              </label>
              <span className="muted">{t(heatMeasures.find((m) => m.key === measure)!.legend)}</span>
            </>
          )}
        </div>
        {header && !log && !problem && <p role="status">{t('journeyAnalytics.panel.loading', { name: header.name })}</p>}
        {problem && <p className="error" role="alert">{problem}</p>}
        {log && figures && (
          <div className="analytics-summary" data-testid="journey-summary">
            <span><FormattedMessage id="journeyAnalytics.summary.customers" values={{ count: figures.customers, b }} /></span>
            <span><FormattedMessage id="journeyAnalytics.summary.completed" values={{ count: figures.completed, rate: fmt.rate(figures.completionRate), b }} /></span>
            <span><FormattedMessage id="journeyAnalytics.summary.time" values={{ median: fmt.duration(figures.timeToComplete.median), p90: fmt.duration(figures.timeToComplete.p90), b }} /></span>
            <span><FormattedMessage id="journeyAnalytics.summary.inactive" values={{ count: figures.inactive, b }} /></span>
          </div>
        )}
      </section>
      {children}
      {log && figures && (
        <div className="analytics-lists">
          <section aria-label={t('journeyAnalytics.unmatched.title')}>
            <h3>{t('journeyAnalytics.unmatched.title')}</h3>
            {figures.unmatched.length === 0 ? <p className="muted">{t('journeyAnalytics.unmatched.none')}</p> : (
              <table className="data-table">
                <tbody>
                  {figures.unmatched.slice(0, 15).map((u) => (
                    <tr key={u.name}>
                      <th scope="row">{u.name}</th><td className="num">{fmt.count(u.count)}</td>
                      <td>
                        {cardsToAdd.length === 0 ? (
                          <select aria-label={t('journeyAnalytics.unmatched.addTo', { event: u.name })} value="" onChange={(e) => addTo(e.target.value, u.name)}>
                            <option value="">{t('journeyAnalytics.unmatched.add')}</option>
                            {stages.map((s, i) => <option key={s.id} value={`s${i}`}>{s.name}</option>)}
                          </select>
                        ) : (
                          <select aria-label={t('journeyAnalytics.unmatched.addToAny', { event: u.name })} value="" onChange={(e) => addTo(e.target.value, u.name)}>
                            <option value="">{t('journeyAnalytics.unmatched.addAny')}</option>
                            <optgroup label={t('journeyAnalytics.unmatched.stagesGroup')}>
                              {stages.map((s, i) => <option key={s.id} value={`s${i}`}>{s.name}</option>)}
                            </optgroup>
                            <optgroup label={t('journeyAnalytics.unmatched.cardsGroup')}>
                              {cardsToAdd.map((c, i) => <option key={c.card.id} value={`c${i}`}>{cardLabel(c)}</option>)}
                            </optgroup>
                          </select>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section aria-label={t('journeyAnalytics.paths.title')}>
            <h3>{t('journeyAnalytics.paths.title')} <span className="muted">{t('journeyAnalytics.paths.distinct', { count: figures.pathCount })}</span></h3>
            <ol className="path-list">
              {figures.topPaths.map((p, i) => (
                <li key={i}>
                  <span>{pathText(p, names)}</span> <strong>{fmt.count(p.customers)}</strong>
                  {p.loops && <span className="chip">{t('journeyAnalytics.paths.loop')}</span>}{p.skips && <span className="chip">{t('journeyAnalytics.paths.skips')}</span>}{p.completes && <span className="chip">{t('journeyAnalytics.paths.completes')}</span>}
                </li>
              ))}
            </ol>
          </section>
          <StageMoves figures={figures} names={names} />
          <TimeDistribution figures={figures} />
          <PersonasPanel state={personas} map={map} surveys={surveys} dispatch={dispatch} />
          <ComparePanel key={log.key} log={log} stages={spec} worker={worker} inactiveAfterMs={inactiveDays * 86_400_000} />
        </div>
      )}
    </MapAnalyticsContext.Provider>
  );
}
