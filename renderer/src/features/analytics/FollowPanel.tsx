import { useState } from 'react';
import { demographicColumns, type FollowConfig, type FollowMatch } from '../../../../common/analytics/follow';
import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import type { PersonaDoc, PersonaSection } from '../../../../common/persona';
import { useLiveDocument } from '../../db/hooks';
import { useWorkspace } from '../../db/WorkspaceContext';
import { translate, useT } from '../../i18n';
import { showToast } from '../../ui/toast';
import { latestVersion, parsePersona, recordVersion, savePersona } from '../personas/store';
import type { AnalyticsSession } from './analyticsSession';
import { followKinds, followOf, runFollow } from './followRun';
import { usePersonaDrift } from './driftStore';

const choiceTypes = new Set(['category', 'multi']);

/**
 * "Follow data" per demographics or chart section of a persona: while on, the section's values are
 * recomputed from the persona's matched respondents in one dataset (on each snapshot run) and marked
 * as data. Turning it on first records a version "Before following data", so typed values can be
 * restored from History; turning it off keeps the last values.
 */
export function FollowPanel(props: { personaId: string; headers: DatasetHeaderDoc[]; session: AnalyticsSession; timeZone: string }) {
  const { item: doc } = useLiveDocument('personas', props.personaId, parsePersona);
  const drift = usePersonaDrift(props.personaId);
  const t = useT();
  if (!doc) return null;
  const sections = doc.sections.filter((s) => followKinds[s.type]);
  return (
    <section className="panel" aria-labelledby="follow-title">
      <div className="panel-header"><h3 id="follow-title">{t('analytics.follow.title')}</h3></div>
      {sections.length === 0 ? (
        <p className="muted">{t('analytics.follow.noSection')}</p>
      ) : props.headers.length === 0 ? (
        <p className="muted">{t('analytics.follow.noData')}</p>
      ) : (
        <ul className="follow-list">
          {sections.map((s) => <FollowRow key={s.id} doc={doc} section={s} {...props} />)}
        </ul>
      )}
      {drift && drift.followProblems.length > 0 && (
        <ul className="follow-problems" aria-label={t('analytics.follow.problems')}>{drift.followProblems.map((m) => <li key={m} role="status">{m}</li>)}</ul>
      )}
    </section>
  );
}

function FollowRow(props: { doc: PersonaDoc; section: PersonaSection; headers: DatasetHeaderDoc[]; session: AnalyticsSession; timeZone: string }) {
  const { doc, section, headers } = props;
  const db = useWorkspace();
  const t = useT();
  const current = followOf(section);
  const [datasetId, setDatasetId] = useState(current?.datasetId ?? headers[0]?.id ?? '');
  const [match, setMatch] = useState<FollowMatch>(current?.match ?? 'strong');
  const header = headers.find((h) => h.id === datasetId) ?? headers[0];
  const choices = (header?.columns ?? []).filter((c) => choiceTypes.has(c.type));
  const [column, setColumn] = useState(current?.column ?? choices[0]?.key ?? '');
  const [busy, setBusy] = useState(false);
  const kind = followKinds[section.type]!;
  const label = t('analytics.follow.label', { title: section.title, kind });

  const write = async (next: PersonaDoc, done: string) => {
    const saved = await savePersona(db, next);
    if (!saved.ok) return showToast(saved.message, { tone: 'error' });
    const client = props.session.worker;
    if (client) {
      const res = await runFollow(db, client, props.timeZone);
      if (!res.ok) return showToast(res.message, { tone: 'error' });
    }
    showToast(done);
  };
  const setFollow = (follow: FollowConfig | undefined): PersonaDoc => ({
    ...doc,
    sections: doc.sections.map((s) => {
      if (s.id !== section.id) return s;
      const { follow: _old, ...rest } = s.data as Record<string, unknown> & { follow?: unknown };
      return { ...s, data: follow ? { ...rest, follow } : rest };
    }),
  });
  const turnOn = async () => {
    if (!header) return;
    if (kind === 'chart' && !column) return showToast(translate('analytics.follow.noChoice', { dataset: header.name }), { tone: 'error' });
    const columns = kind === 'demographics' ? demographicColumns(header.columns) : undefined;
    if (columns && Object.keys(columns).length === 0) {
      return showToast(translate('analytics.follow.noDemographic', { dataset: header.name }), { tone: 'error' });
    }
    setBusy(true);
    try {
      // What the user typed stays reachable: History → "Before following data" → Restore.
      await recordVersion(db, doc, await latestVersion(db, doc.id), translate('analytics.follow.versionLabel'));
      const config: FollowConfig = { datasetId: header.id, datasetName: header.name.slice(0, 200), match, ...(kind === 'chart' ? { column } : { columns: columns! }) };
      await write(setFollow(config), translate('analytics.follow.on', { title: section.title, dataset: header.name }));
    } finally {
      setBusy(false);
    }
  };
  const turnOff = async () => {
    setBusy(true);
    try {
      await write(setFollow(undefined), translate('analytics.follow.off', { title: section.title }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="follow-row" data-testid={`follow-${section.id}`}>
      <label className="switch">
        <input type="checkbox" checked={current !== null} disabled={busy} aria-label={t('analytics.follow.toggle', { label })}
          onChange={(e) => void (e.target.checked ? turnOn() : turnOff())} />
        {' '}<strong>{label}</strong>
      </label>
      {current ? (
        <p className="muted">
          {t('analytics.follow.follows', { dataset: current.datasetName, match: t('analytics.match', { match: current.match }) })}
          {current.column ? t('analytics.follow.column', { column: current.column }) : current.columns ? t('analytics.follow.columns', { columns: Object.entries(current.columns).map(([f, c]) => `${f} ← ${c}`).join(', ') }) : ''}.
          {section.evidence?.source ? ` ${t('analytics.follow.now', { source: section.evidence.source })}` : ''}
          <br /><span data-testid="follow-values">{valuesText(section)}</span>
        </p>
      ) : (
        <div className="follow-options">
          <label>{t('analytics.follow.dataset')} <select value={header?.id ?? ''} onChange={(e) => setDatasetId(e.target.value)}>{headers.map((h) => <option key={h.id} value={h.id}>{h.name}</option>)}</select></label>
          <label>{t('analytics.follow.matched')} <select value={match} onChange={(e) => setMatch(e.target.value as FollowMatch)}>
            <option value="strong">{t('analytics.match', { match: 'strong' })}</option><option value="covered">{t('analytics.match', { match: 'covered' })}</option>
          </select></label>
          {kind === 'chart' && (
            <label>{t('analytics.follow.columnField')} <select value={column} onChange={(e) => setColumn(e.target.value)}>
              {choices.map((c) => <option key={c.key} value={c.key}>{c.label && c.label !== c.key ? `${c.key}: ${c.label.slice(0, 60)}` : c.key}</option>)}
            </select></label>
          )}
        </div>
      )}
    </li>
  );
}

/** The section's current values in one line, so the user sees what the data wrote. */
function valuesText(section: PersonaSection): string {
  const data = section.data as { points?: { label: string; value: number }[] } & Record<string, unknown>;
  if (Array.isArray(data.points)) return data.points.map((p) => `${p.label} ${p.value} %`).join(' · ');
  return Object.entries(data).filter(([k, v]) => k !== 'follow' && typeof v === 'string' && v !== '').map(([k, v]) => `${k}: ${String(v)}`).join(' · ');
}
