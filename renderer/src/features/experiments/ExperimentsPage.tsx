import { useMemo, useState } from 'react';
import { blankExperiment, experimentProblems } from '../../../../common/experiments/model';
import type { Experiment } from '../../../../common/experiments/model';
import type { MemoText } from '../../../../common/experiments/memo';
import type { VerdictKind } from '../../../../common/experiments/verdict';
import { decide } from '../../../../common/experiments/verdict';
import { memoText } from '../../../../common/experiments/memo';
import { buildMemoPdf } from '../../../../common/experiments/memoPdf';
import { usePlatform } from '../../platform';
import { loadPdfFonts } from '../exports/fonts';
import { isEventDataset } from '../../../../common/journeyAnalytics/eventStore';
import { navigate } from '../../app/route';
import { useLiveQuery } from '../../db/hooks';
import { useWorkspace } from '../../db/WorkspaceContext';
import { EmptyState } from '../../ui/States';
import { showToast } from '../../ui/toast';
import { parseHeader } from '../data/storedForm';
import { ExperimentForm } from './ExperimentForm';
import { Memo, PlannerView, ResultsTables } from './ResultsView';
import { parseExperiment } from './storedExperiment';
import { useExperimentFigures } from './useExperimentFigures';
import './experiments.css';

/** Experiments (issue 17): the list, and the open experiment's form, planner, results and memo. */
export default function ExperimentsPage({ path }: { path: string[] }) {
  const db = useWorkspace();
  const { items } = useLiveQuery('experiments', { selector: {}, sort: [{ id: 'asc' }] }, parseExperiment);
  const open = items.find((x) => x.id === path[0]) ?? null;
  const create = async () => {
    const id = `exp-${Date.now().toString(36)}`;
    await db.experiments.insert({ ...blankExperiment(id, Date.now()) });
    navigate('experiments', id);
  };
  return (
    <section className="experiments-page">
      <header className="page-header">
        <h1>Experiments</h1>
        <button type="button" className="primary" onClick={() => void create()}>New experiment</button>
      </header>
      <nav className="exp-list" aria-label="Experiments">
        {items.map((x) => <a key={x.id} href={`#/experiments/${x.id}`} aria-current={x.id === open?.id ? 'page' : undefined}>{x.name}</a>)}
      </nav>
      {open ? <ExperimentScreen key={`${open.id}:${open.updatedAt}`} stored={open} /> : items.length === 0 && (
        <EmptyState title="No experiments yet">Import an event log with an arm column on the Data screen, then create an experiment to plan it and read its result.</EmptyState>
      )}
    </section>
  );
}

function ExperimentScreen({ stored }: { stored: Experiment }) {
  const db = useWorkspace();
  const platform = usePlatform();
  // Remounted (see the key) when the stored experiment changes, so the draft starts from it.
  const [draft, setDraft] = useState(stored);
  // Results are as of opening (or the last save): fixed-horizon validity depends on this time.
  const [now] = useState(() => Date.now());
  const { items: headers } = useLiveQuery('datasets', { selector: { kind: 'header' }, sort: [{ id: 'asc' }] }, parseHeader);
  const logs = headers.filter(isEventDataset);
  const header = logs.find((h) => h.datasetId === draft.datasetId) ?? null;
  const valid = experimentProblems(stored).length === 0;
  const { log, figures, loading, computing, error } = useExperimentFigures(header, valid ? stored : null, now);
  const problems = experimentProblems(draft);
  const dirty = JSON.stringify(draft) !== JSON.stringify(stored);
  const save = async () => {
    if (problems.length) return;
    await db.experiments.upsert({ ...draft, updatedAt: Date.now() });
    showToast('Experiment saved.');
  };
  const savePdf = async (memo: MemoText, kind: VerdictKind) => {
    try {
      const bytes = buildMemoPdf(memo, kind, await loadPdfFonts(JSON.stringify(memo)));
      const saved = await platform.saveFile({ suggestedName: `${stored.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'experiment'} memo.pdf`, kind: 'pdf', bytes });
      if (!saved.ok) showToast(saved.message, { tone: 'error' });
    } catch (error) {
      showToast(`The memo PDF could not be made: ${error instanceof Error ? error.message : String(error)}`, { tone: 'error' });
    }
  };
  const computed = useMemo(() => {
    if (!figures) return null;
    const verdict = decide(stored, figures.results);
    return { ...figures, verdict, memo: memoText(stored, figures.results, verdict) };
  }, [figures, stored]);
  return (
    <div className="experiment-screen">
      <ExperimentForm draft={draft} logs={logs} log={log} onChange={setDraft} />
      {problems.length > 0 && <ul className="form-problems">{problems.map((p) => <li key={p} className="error-text">{p}</li>)}</ul>}
      <div className="actions">
        <button type="button" className="primary" disabled={!dirty || problems.length > 0} onClick={() => void save()}>Save</button>
        {dirty && <span className="muted">Results show the saved experiment; save to update them.</span>}
      </div>
      {loading && <p className="muted" role="status">Reading the event log…</p>}
      {computing && <p className="muted" role="status">Computing the results…</p>}
      {error && <p className="error-text">{error}</p>}
      {!header && draft.datasetId && <p className="error-text">The chosen event log no longer exists; choose another.</p>}
      {computed && (
        <>
          {computed.plan.ok ? <PlannerView e={stored} plan={computed.plan.plan} /> : <p className="warning-text">Planner: {computed.plan.message}</p>}
          <ResultsTables e={stored} r={computed.results} />
          <Memo memo={computed.memo} kind={computed.verdict.kind} onPdf={() => void savePdf(computed.memo, computed.verdict.kind)} />
        </>
      )}
    </div>
  );
}
