import { useEffect, useMemo, useRef, useState } from 'react';
import { readJourneyDoc, readPublishedEntry, sortVersions, type JourneyDoc, type JourneyFlow } from '../../../../../common/journey';
import { isEventDataset } from '../../../../../common/journeyAnalytics';
import type { SimulationReport } from '../../../../../common/flowEngine';
import { useLiveQuery } from '../../../db/hooks';
import { useWorkspace } from '../../../db/WorkspaceContext';
import { readChunks } from '../../data/datasetStore';
import { parseHeader } from '../../data/storedForm';
import { runSimulation, type SimulationRun } from '../../../workers/simulatorClient';
import type { SimPopulation } from '../../../workers/simulatorProtocol';
import { defaultForm, formOptions, sameDesign, type SimForm } from './simForm';
import { SimulatorSettings } from './SimulatorSettings';
import { SimulatorResults } from './SimulatorResults';
import { useT } from '../../../i18n';
import './simulator.css';

/** A finished simulation and the flow it ran, so the canvas shows counts only for what was simulated. */
export interface ShownSimulation {
  report: SimulationReport;
  flow: JourneyFlow;
}

/**
 * "Simulate…": runs the draft or a published version of this journey's flow over a population in a
 * worker, on a simulated clock, sending nothing. Figures appear here; per-step counts on the canvas.
 */
export function SimulatorPanel({ journey, onResult, onSelect, onClose }: {
  journey: JourneyDoc;
  onResult: (shown: ShownSimulation | null) => void;
  onSelect: (nodeId: string) => void;
  onClose: () => void;
}) {
  const db = useWorkspace();
  const t = useT();
  const [source, setSource] = useState<'draft' | number>('draft');
  const versions = useLiveQuery('history', { selector: { entityId: journey.id, kind: 'published', entity: 'journey' } }, readPublishedEntry).items;
  const sorted = useMemo(() => sortVersions(versions), [versions]);
  const flow = source === 'draft' ? journey.flow : sorted.find((v) => v.number === source)?.snapshot.flow ?? journey.flow;
  const [form, setForm] = useState<SimForm>(() => defaultForm(journey.flow));
  const headers = useLiveQuery('datasets', { selector: { kind: 'header' }, sort: [{ id: 'asc' }] }, parseHeader).items;
  const journeys = useLiveQuery('journeys', { selector: {} }, readJourneyDoc).items;
  const [running, setRunning] = useState<{ run: SimulationRun; progress: number } | null>(null);
  const [outcome, setOutcome] = useState<{ report: SimulationReport | null; flow?: JourneyFlow; problem: string | null }>({ report: null, problem: null });
  const runRef = useRef<SimulationRun | null>(null);
  useEffect(() => () => runRef.current?.cancel(), []);

  const start = async () => {
    setOutcome({ report: null, problem: null });
    onResult(null);
    const directory = journeys.filter((j) => j.publishedVersion > 0).map((j) => ({ journeyId: j.id, version: j.publishedVersion }));
    const options = formOptions(form, flow, Date.now(), directory);
    if (!options.ok) return setOutcome({ report: null, problem: options.message });
    let population: SimPopulation;
    if (form.population === 'generated') population = { kind: 'generated', count: form.count };
    else {
      const header = headers.find((h) => h.datasetId === form.datasetId);
      if (!header) return setOutcome({ report: null, problem: t('simulator.dataGone') });
      population = { kind: form.population, header, chunks: await readChunks(db, header) };
    }
    // The draft runs as the version it would be published as, so its A/B arms match that version's.
    const version = source === 'draft' ? journey.publishedVersion + 1 : source;
    const run = runSimulation({ type: 'run', flow, journeyId: journey.id, version, population, options: options.data },
      (progress) => setRunning((r) => (r && r.run === run ? { run, progress } : r)));
    runRef.current = run;
    setRunning({ run, progress: 0 });
    const result = await run.result;
    if (runRef.current !== run) return;
    runRef.current = null;
    setRunning(null);
    if (result.ok) {
      setOutcome({ report: result.data, flow, problem: null });
      onResult({ report: result.data, flow });
    } else setOutcome({ report: null, problem: result.message });
  };
  const cancel = () => {
    runRef.current?.cancel();
    runRef.current = null;
    setRunning(null);
    setOutcome({ report: null, problem: t('simulator.cancelled') });
  };

  return (
    <section className="simulator-panel" aria-label={t('simulator.region')}>
      <header className="sim-head">
        <h3>{t('simulator.title')}</h3>
        <button type="button" className="ghost" onClick={() => { cancel(); onResult(null); onClose(); }} aria-label={t('simulator.closeLabel')}>{t('simulator.close')}</button>
      </header>
      <p className="muted">{t('simulator.intro')}</p>
      <label>{t('simulator.flow')}{' '}
        <select aria-label={t('simulator.flowLabel')} value={String(source)} onChange={(e) => setSource(e.target.value === 'draft' ? 'draft' : Number(e.target.value))}>
          <option value="draft">{t('simulator.draft')}</option>
          {sorted.map((v) => <option key={v.number} value={v.number}>{t('simulator.version', { number: v.number })}</option>)}
        </select>
      </label>
      <SimulatorSettings form={form} setForm={setForm} flow={flow}
        surveys={headers.filter((h) => !isEventDataset(h))} logs={headers.filter(isEventDataset)} disabled={running !== null} />
      <div className="toolbar">
        {running
          ? <><button type="button" onClick={cancel}>{t('simulator.cancel')}</button><span role="status">{t('simulator.progress', { fraction: running.progress })}</span></>
          : <button type="button" className="primary" onClick={() => void start()}>{t('simulator.run')}</button>}
      </div>
      {outcome.problem && <p className="error" role="alert">{outcome.problem}</p>}
      {outcome.report && source === 'draft' && !sameDesign(outcome.flow ?? flow, journey.flow) && (
        <p className="muted" role="note">{t('simulator.stale')}</p>
      )}
      {outcome.report && <SimulatorResults report={outcome.report} nodes={flow.nodes} onSelect={onSelect} />}
    </section>
  );
}

/** The flow toolbar's "Simulate…" button and the note on what the canvas does and does not send. */
export function SimulateButton({ onClick, disabled }: { onClick: () => void; disabled: boolean }) {
  const t = useT();
  return (
    <>
      <button type="button" onClick={onClick} disabled={disabled}>{t('simulator.open')}</button>
      <span className="muted design-note">{t('simulator.canvasNote')}</span>
    </>
  );
}
