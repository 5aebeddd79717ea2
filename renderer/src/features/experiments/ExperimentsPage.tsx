import { useMemo, useState } from 'react';
import { blankExperiment, experimentLimits, experimentProblems } from '../../../../common/experiments/model';
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
import { activeLocale, translate, useFormat, useT } from '../../i18n';
import { exportText, reportCatalogueText } from '../../../../common/i18n/exportText';
import { formattersFor } from '../../../../common/i18n/format';
import type { PlanProblem } from '../../../../common/experiments/plan';
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
  const t = useT();
  const { items } = useLiveQuery('experiments', { selector: {}, sort: [{ id: 'asc' }] }, parseExperiment);
  const open = items.find((x) => x.id === path[0]) ?? null;
  const create = async () => {
    const id = `exp-${Date.now().toString(36)}`;
    await db.experiments.insert({ ...blankExperiment(id, Date.now(), t('experiments.new.name'), [t('experiments.new.control'), t('experiments.new.variant')]) });
    navigate('experiments', id);
  };
  return (
    <section className="experiments-page">
      <header className="page-header">
        <h1>{t('experiments.title')}</h1>
        <button type="button" className="primary" onClick={() => void create()}>{t('experiments.new')}</button>
      </header>
      <nav className="exp-list" aria-label={t('experiments.list')}>
        {items.map((x) => <a key={x.id} href={`#/experiments/${x.id}`} aria-current={x.id === open?.id ? 'page' : undefined}>{x.name}</a>)}
      </nav>
      {open ? <ExperimentScreen key={`${open.id}:${open.updatedAt}`} stored={open} /> : items.length === 0 && (
        <EmptyState title={t('experiments.empty.title')}>{t('experiments.empty.body')}</EmptyState>
      )}
    </section>
  );
}

/** Why the planner has no plan, in the screen's language. */
function planProblemText(t: ReturnType<typeof useT>, problem: PlanProblem): string {
  const { baseline, effect } = problem.values;
  const pct = (x: unknown) => (typeof x === 'number' ? formattersFor(activeLocale()).percent(x, 1) : '');
  const points = typeof effect === 'number' ? formattersFor(activeLocale()).number(100 * effect, 1) : '';
  return t('experiments.planProblem', { ...problem.values, code: problem.code, baseline: pct(baseline), effect: points });
}

function ExperimentScreen({ stored }: { stored: Experiment }) {
  const db = useWorkspace();
  const platform = usePlatform();
  const t = useT();
  // The memo speaks the app's language on screen and in its PDF.
  const text = exportText(useFormat().locale);
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
    showToast(translate('experiments.saved'));
  };
  const savePdf = async (memo: MemoText, kind: VerdictKind) => {
    try {
      const bytes = buildMemoPdf(memo, kind, await loadPdfFonts(JSON.stringify(memo) + reportCatalogueText(text.locale)), text);
      const saved = await platform.saveFile({ suggestedName: translate('experiments.memo.fileName', { name: stored.name.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || translate('experiments.memo.fileFallback') }), kind: 'pdf', bytes });
      if (!saved.ok) showToast(saved.message, { tone: 'error' });
    } catch (error) {
      showToast(translate('experiments.memo.failed', { error: error instanceof Error ? error.message : String(error) }), { tone: 'error' });
    }
  };
  const computed = useMemo(() => {
    if (!figures) return null;
    const verdict = decide(stored, figures.results, text);
    return { ...figures, verdict, memo: memoText(stored, figures.results, verdict, text) };
  }, [figures, stored, text]);
  return (
    <div className="experiment-screen">
      <ExperimentForm draft={draft} logs={logs} log={log} onChange={setDraft} />
      {problems.length > 0 && <ul className="form-problems">{problems.map((p) => <li key={p} className="error-text">{t('experiments.problem', { code: p, max: experimentLimits.arms })}</li>)}</ul>}
      <div className="actions">
        <button type="button" className="primary" disabled={!dirty || problems.length > 0} onClick={() => void save()}>{t('experiments.save')}</button>
        {dirty && <span className="muted">{t('experiments.unsaved')}</span>}
      </div>
      {loading && <p className="muted" role="status">{t('experiments.reading')}</p>}
      {computing && <p className="muted" role="status">{t('experiments.computing')}</p>}
      {error && <p className="error-text">{error}</p>}
      {!header && draft.datasetId && <p className="error-text">{t('experiments.logGone')}</p>}
      {computed && (
        <>
          {computed.plan.ok ? <PlannerView e={stored} plan={computed.plan.plan} /> : <p className="warning-text">{t('experiments.plannerProblem', { message: planProblemText(t, computed.plan) })}</p>}
          <ResultsTables e={stored} r={computed.results} />
          <Memo memo={computed.memo} kind={computed.verdict.kind} onPdf={() => void savePdf(computed.memo, computed.verdict.kind)} />
        </>
      )}
    </div>
  );
}
