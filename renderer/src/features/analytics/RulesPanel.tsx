import { useState } from 'react';
import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import { validateRules, type ColumnType } from '../../../../common/analytics/rules';
import { savePersonaAnalytics } from './personaRules';
import { useWorkspace } from '../../db/WorkspaceContext';
import { translate, useT } from '../../i18n';
import { showToast } from '../../ui/toast';
import type { AnalyticsPersona } from './personaModel';
import { RuleRow } from './RuleRow';
import { useRuleProblemWords } from './ruleProblemWords';
import { draftsOf, newDraft, problemsByRule, ruleColumns, rulesOf, type DraftRule } from './ruleDrafts';

/**
 * A persona's mapping rules, dataset choice and snapshot switch. Saving validates with the engine's
 * validator (against the mapped columns when datasets exist) and writes only a valid list.
 */
export function RulesPanel({ persona, headers }: { persona: AnalyticsPersona; headers: DatasetHeaderDoc[] }) {
  const db = useWorkspace();
  const t = useT();
  const words = useRuleProblemWords();
  const [drafts, setDrafts] = useState<DraftRule[]>(() => draftsOf(persona.rules));
  const [datasetIds, setDatasetIds] = useState<string[]>(persona.datasetIds);
  const [snapshots, setSnapshots] = useState(persona.snapshotsEnabled);
  // The Evolution panel can turn snapshots on too: follow the stored switch when it changes, so saving
  // rules never turns it back (state adjusted during render, as React advises for a changed prop).
  const [stored, setStored] = useState(persona.snapshotsEnabled);
  if (stored !== persona.snapshotsEnabled) {
    setStored(persona.snapshotsEnabled);
    setSnapshots(persona.snapshotsEnabled);
  }
  const columns = ruleColumns(headers);
  const context = headers.length > 0 ? { columns: Object.fromEntries(columns.map((c) => [c.key, c.type])) as Record<string, ColumnType> } : {};
  const rules = rulesOf(drafts);
  const problems = validateRules(rules, context);
  const byRule = problemsByRule(problems);

  const save = async () => {
    if (problems.length > 0) {
      showToast(translate('analytics.rules.tooMany', { count: problems.length }), { tone: 'error', ms: 6000 });
      return;
    }
    const res = await savePersonaAnalytics(db, persona.id, { rules, datasetIds, snapshotsEnabled: snapshots }, context);
    if (res.ok) showToast(translate('analytics.rules.saved', { count: res.data, name: persona.name }));
    else showToast(res.message, { tone: 'error' });
  };

  return (
    <section className="panel rules-panel" aria-labelledby="rules-title">
      <h2 id="rules-title">{t('analytics.rules.title', { name: persona.name })}</h2>
      <p className="muted">{t('analytics.rules.intro')}</p>
      {drafts.length === 0 && <p>{t('analytics.rules.none')}</p>}
      <ol className="rule-list">
        {drafts.map((d, i) => (
          <RuleRow key={d.id + i} draft={d} index={i} columns={columns} problems={byRule.get(i) ?? []}
            onChange={(next) => setDrafts(drafts.map((x, k) => (k === i ? next : x)))}
            onRemove={() => setDrafts(drafts.filter((_, k) => k !== i))} />
        ))}
      </ol>
      {(byRule.get(-1) ?? []).map((p) => <p key={p.problem.message} className="error-text">{words(p.problem)}</p>)}
      <button type="button" onClick={() => setDrafts([...drafts, newDraft(drafts, columns)])}>{t('analytics.rules.add')}</button>

      <fieldset className="dataset-choice">
        <legend>{t('analytics.rules.datasets')}</legend>
        <label><input type="radio" name="dataset-scope" checked={datasetIds.length === 0} onChange={() => setDatasetIds([])} /> {t('analytics.rules.allDatasets')}</label>
        {headers.map((h) => (
          <label key={h.datasetId}>
            <input type="checkbox" checked={datasetIds.includes(h.datasetId)}
              onChange={(e) => setDatasetIds(e.target.checked ? [...datasetIds, h.datasetId] : datasetIds.filter((x) => x !== h.datasetId))} /> {h.name}
          </label>
        ))}
      </fieldset>
      <label className="switch"><input type="checkbox" checked={snapshots} onChange={(e) => setSnapshots(e.target.checked)} /> {t('analytics.rules.snapshots')}</label>
      <div className="actions">
        <button type="button" className="primary" onClick={() => void save()}>{t('analytics.rules.save')}</button>
      </div>
    </section>
  );
}
