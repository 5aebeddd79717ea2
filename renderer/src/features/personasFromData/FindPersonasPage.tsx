/**
 * "Find personas in this data": pick the columns, group the respondents in a worker (k-prototypes,
 * see common/clustering), read the evidence for the number of groups, look at each group and turn it
 * into a persona draft in one click. Nothing is written until a draft is created.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import { maxClusterColumns } from '../../../../common/clustering/features';
import { maxK } from '../../../../common/clustering/findPersonas';
import { useLiveQuery } from '../../db/hooks';
import { useWorkspace } from '../../db/WorkspaceContext';
import { routeHash } from '../../app/route';
import { translate, useFormat, useT } from '../../i18n';
import { EmptyState, Loading } from '../../ui/States';
import { createClusterClient, type ClusterClient } from '../../workers/clusterClient';
import type { ClusterView, FindOutcome } from '../../workers/clusterProtocol';
import { ProgressBar } from '../data/ProgressBar';
import { parseHeader } from '../data/storedForm';
import { ClusterResults } from './ClusterResults';
import { ColumnPicker, groupable, textual } from './ColumnPicker';
import { runSearch } from './runSearch';
import './personasFromData.css';

type Phase =
  | { kind: 'choosing'; error?: string }
  | { kind: 'running'; fraction: number; cancel: () => void }
  | { kind: 'done'; outcome: FindOutcome; view: ClusterView };

export function FindPersonasPage({ datasetId }: { datasetId: string }) {
  const { items, loading } = useLiveQuery('datasets', { selector: { kind: 'header', datasetId } }, parseHeader);
  const header = items[0];
  const t = useT();
  if (loading) return <Loading />;
  if (!header) return <EmptyState title={t('findPersonas.notFound.title')}>{t('findPersonas.notFound.body')} <a href={routeHash('data')}>{t('findPersonas.back')}</a></EmptyState>;
  return <FindPersonas key={header.id} header={header} />;
}

function FindPersonas({ header }: { header: DatasetHeaderDoc }) {
  const t = useT();
  const f = useFormat();
  const db = useWorkspace();
  const usable = useMemo(() => header.columns.filter(groupable), [header]);
  const texts = useMemo(() => header.columns.filter(textual), [header]);
  const [columns, setColumns] = useState(() => new Set(usable.slice(0, maxClusterColumns).map((c) => c.key)));
  const [textColumns, setTextColumns] = useState(() => new Set(texts.map((c) => c.key)));
  const [k, setK] = useState<number | null>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'choosing' });
  const client = useRef<ClusterClient | null>(null);
  // Answers of a search the user stopped (or replaced) must not overwrite the screen.
  const runId = useRef(0);
  useEffect(() => () => client.current?.dispose(), []);
  const labelOf = useMemo(() => {
    const labels = new Map(header.columns.map((c) => [c.key, c.label || c.key]));
    return (key: string) => labels.get(key) ?? key;
  }, [header]);

  const problem = columns.size === 0 ? t('findPersonas.chooseOne')
    : columns.size > maxClusterColumns ? t('findPersonas.tooMany', { max: maxClusterColumns, count: columns.size }) : null;

  const start = () => {
    if (problem) return;
    client.current ??= createClusterClient();
    const request = { columns: [...columns], textColumns: [...textColumns], k, seed: 1 };
    const id = ++runId.current;
    const current = () => runId.current === id;
    void runSearch(db, client.current, header, request, {
      onStart: (cancel) => current() && setPhase({ kind: 'running', fraction: 0, cancel: () => { runId.current++; cancel(); } }),
      onProgress: (fraction) => current() && setPhase((p) => (p.kind === 'running' ? { ...p, fraction } : p)),
    }).then((result) => {
      if (current()) setPhase(result.ok ? { kind: 'done', outcome: result.data, view: result.data.view } : { kind: 'choosing', error: result.message });
    });
  };

  const running = phase.kind === 'running';
  return (
    <section className="find-personas">
      <header className="page-header">
        <h1>{t('findPersonas.title', { name: header.name })}</h1>
        <a href={routeHash('data')}>{t('findPersonas.back')}</a>
      </header>
      <p className="muted">{t('findPersonas.intro', { count: header.rowCount })}</p>
      <div className="find-form">
        {usable.length === 0
          ? <p className="error-text">{t('findPersonas.noColumns')}</p>
          : <ColumnPicker legend={t('findPersonas.groupBy')} columns={usable} chosen={columns} onChange={setColumns} disabled={running} />}
        {texts.length > 0 && <ColumnPicker legend={t('findPersonas.phraseColumns')} columns={texts} chosen={textColumns} onChange={setTextColumns} disabled={running} />}
        <label className="k-choice">
          {t('findPersonas.k.label')}{' '}
          <select value={k ?? 'auto'} disabled={running} onChange={(e) => setK(e.target.value === 'auto' ? null : Number(e.target.value))}>
            <option value="auto">{t('findPersonas.k.auto', { min: 2, max: maxK })}</option>
            {Array.from({ length: maxK - 1 }, (_, i) => i + 2).map((n) => <option key={n} value={n}>{f.integer(n)}</option>)}
          </select>
        </label>
        {problem && <p className="error-text" role="alert">{problem}</p>}
        {phase.kind === 'choosing' && phase.error && <p className="error-text" role="alert">{phase.error}</p>}
        {running
          ? <ProgressBar label={t('findPersonas.running')} fraction={phase.fraction} onCancel={() => { phase.cancel(); setPhase({ kind: 'choosing', error: translate('findPersonas.stopped') }); }} />
          : <div className="actions"><button type="button" className="primary" disabled={problem !== null || usable.length === 0} onClick={start}>{t('findPersonas.find')}</button></div>}
      </div>
      {phase.kind === 'done' && (
        <ClusterResults header={header} outcome={phase.outcome} view={phase.view} labelOf={labelOf} textColumns={[...textColumns]}
          onView={async (next) => {
            const result = await client.current!.view(next);
            if (result.ok) setPhase({ ...phase, view: result.data });
            return result;
          }} />
      )}
    </section>
  );
}
