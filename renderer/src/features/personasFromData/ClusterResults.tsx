import { useState } from 'react';
import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import type { Result } from '../../../../common/result';
import { navigate } from '../../app/route';
import { useWorkspace } from '../../db/WorkspaceContext';
import { translate, useT } from '../../i18n';
import { showToast } from '../../ui/toast';
import type { ClusterView, FindOutcome } from '../../workers/clusterProtocol';
import { ClusterCard } from './ClusterCard';
import { EvidenceChart } from './EvidenceChart';
import { addGroupSegment } from '../segments/segmentStore';
import { saveClusterDraft } from './saveDraft';

/** The evidence for k, the problems met, and a card per group with its draft button. */
export function ClusterResults({ header, outcome, view, labelOf, textColumns, onView }: {
  header: DatasetHeaderDoc; outcome: FindOutcome; view: ClusterView; labelOf: (key: string) => string; textColumns: string[];
  onView: (k: number) => Promise<Result<ClusterView>>;
}) {
  const t = useT();
  const db = useWorkspace();
  // Drafts created in this search, by "k:group", so a second click opens instead of duplicating.
  const [created, setCreated] = useState(() => new Map<string, string>());
  const [busy, setBusy] = useState(false);

  const create = async (cluster: number): Promise<string | null> => {
    const saved = await saveClusterDraft(db, header, view, cluster, textColumns);
    if (!saved.ok) {
      showToast(translate('findPersonas.results.draftFailed', { group: cluster + 1, error: saved.message }), { tone: 'error' });
      return null;
    }
    setCreated((m) => new Map(m).set(`${view.k}:${cluster}`, saved.data.id));
    return saved.data.id;
  };

  const createOne = async (cluster: number) => {
    setBusy(true);
    const id = await create(cluster);
    setBusy(false);
    if (id) showToast(translate('findPersonas.results.draftCreated', { group: cluster + 1 }), { action: { label: translate('findPersonas.results.open'), run: () => navigate('personas', id) } });
  };

  // A group's derived rules as a saved segment (Analytics → Segments), kept even if no draft is made.
  const saveSegment = async (cluster: number) => {
    const label = translate('findPersonas.results.segmentName', { group: cluster + 1, k: view.k, name: header.name });
    const res = await addGroupSegment(db, view.rules[cluster] ?? [], label, header.id);
    if (!res.ok) return showToast(res.message, { tone: 'error' });
    showToast(translate('findPersonas.results.segmentSaved', { name: res.data.name }), { action: { label: translate('findPersonas.results.open'), run: () => navigate('analytics', 'segments') } });
  };

  const createAll = async () => {
    setBusy(true);
    let made = 0;
    for (const p of view.profiles) {
      if (created.has(`${view.k}:${p.cluster}`)) continue;
      if (await create(p.cluster)) made++;
    }
    setBusy(false);
    showToast(translate('findPersonas.results.createdAll', { count: made }));
  };

  const show = async (k: number) => {
    setBusy(true);
    const result = await onView(k);
    setBusy(false);
    if (!result.ok) showToast(result.message, { tone: 'error' });
  };

  const remaining = view.profiles.filter((p) => !created.has(`${view.k}:${p.cluster}`)).length;
  return (
    <section className="cluster-results" aria-label={t('findPersonas.results.label')}>
      {outcome.evidence.length > 1 && <EvidenceChart evidence={outcome.evidence} proposedK={outcome.proposedK} shownK={view.k} onShow={(k) => void show(k)} busy={busy} />}
      {outcome.problems.length > 0 && (
        <div className="warning-panel panel" role="note">
          <p className="warning-text">{t('findPersonas.results.problems')}</p>
          <ul className="review-list">{outcome.problems.map((p) => <li key={p.column}>{t('findPersonas.results.problem', { ...p, column: labelOf(p.column) })}</li>)}</ul>
        </div>
      )}
      <div className="panel-header">
        <h2>{t('findPersonas.results.heading', { k: view.k, rows: view.rows })}</h2>
        <button type="button" disabled={busy || remaining === 0} onClick={() => void createAll()}>{t('findPersonas.results.createAll', { count: remaining })}</button>
      </div>
      <div className="cluster-grid">
        {view.profiles.map((p) => (
          <ClusterCard key={`${view.k}:${p.cluster}`} profile={p} ruleCount={view.rules[p.cluster]!.length} recovery={view.recovery[p.cluster]!}
            representatives={view.representatives[p.cluster]!} labelOf={labelOf} created={created.get(`${view.k}:${p.cluster}`) ?? null}
            creating={busy} onCreate={() => void createOne(p.cluster)} onSegment={() => void saveSegment(p.cluster)} />
        ))}
      </div>
    </section>
  );
}
