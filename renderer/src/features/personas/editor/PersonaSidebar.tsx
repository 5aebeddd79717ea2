import { useState } from 'react';
import { PersonaJourneys } from '../../journeys/PersonaJourneys';
import { countEvidence, evidenceCoverage, personaStatuses, type ExpectedMetrics, type PersonaChange, type PersonaDoc } from '../../../../../common/persona';
import { evidenceBadges, evidenceLabels, statusLabels } from '../labels';
import { X } from '../../../ui/icons';
import { useT, type MessageId } from '../../../i18n';

// Each target in the unit of the figure it is compared with (common/analytics/liveFigures.ts).
const targets: { key: keyof ExpectedMetrics; label: MessageId; min: number; max: number; step?: number; title: MessageId }[] = [
  { key: 'satisfaction', label: 'personas.metric.satisfaction', min: 0, max: 100, title: 'personas.metric.satisfactionHint' },
  { key: 'loyalty', label: 'personas.metric.loyalty', min: -100, max: 100, title: 'personas.metric.loyaltyHint' },
  { key: 'trust', label: 'personas.metric.trust', min: 0, max: 100, title: 'personas.metric.trustHint' },
  { key: 'ces', label: 'personas.metric.ces', min: 0, max: 10, step: 0.1, title: 'personas.metric.cesHint' },
];

/** Persona fields beside the canvas: status, tags, owner, domain, metric targets, evidence and journeys. */
export function PersonaSidebar({ doc, edit }: { doc: PersonaDoc; edit: (c: PersonaChange) => void }) {
  const [tag, setTag] = useState('');
  const t = useT();
  const counts = countEvidence(doc);
  const set = (fields: Partial<PersonaDoc>) => edit({ kind: 'setFields', fields });
  const addTag = () => {
    const added = tag.trim().slice(0, 60);
    if (added && !doc.tags.includes(added) && doc.tags.length < 50) set({ tags: [...doc.tags, added] });
    setTag('');
  };
  const setTarget = (key: keyof ExpectedMetrics, raw: string) => {
    const next = { ...doc.expectedMetrics };
    const n = Number(raw);
    if (raw === '' || !Number.isFinite(n)) delete next[key];
    else next[key] = n;
    set({ expectedMetrics: next });
  };
  return (
    <aside className="persona-sidebar" aria-label={t('personas.sidebar.label')}>
      <label>{t('personas.sidebar.status')}
        <select aria-label={t('personas.sidebar.status')} value={doc.status} onChange={(e) => set({ status: e.target.value as PersonaDoc['status'] })}>
          {personaStatuses.map((s) => <option key={s} value={s}>{t(statusLabels[s])}</option>)}
        </select>
      </label>
      <div>
        <span className="field-label">{t('personas.sidebar.tags')}</span>
        <ul className="tag-list">
          {doc.tags.map((tagged) => (
            <li key={tagged} className="tag">{tagged} <button type="button" className="ghost" aria-label={t('personas.sidebar.removeTag', { tag: tagged })} onClick={() => set({ tags: doc.tags.filter((x) => x !== tagged) })}><X size={14} /></button></li>
          ))}
        </ul>
        <input dir="auto" aria-label={t('personas.sidebar.addTag')} placeholder={t('personas.sidebar.addTagHint')} value={tag} maxLength={60} onChange={(e) => setTag(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && addTag()} />
      </div>
      <label>{t('personas.sidebar.owner')} <input dir="auto" aria-label={t('personas.sidebar.owner')} maxLength={120} value={doc.owner} onChange={(e) => set({ owner: e.target.value })} /></label>
      <label>{t('personas.sidebar.domain')} <input dir="auto" aria-label={t('personas.sidebar.domain')} maxLength={120} value={doc.domain} onChange={(e) => set({ domain: e.target.value })} /></label>
      <fieldset>
        <legend>{t('personas.sidebar.targets')}</legend>
        {targets.map((m) => (
          <label key={m.key} title={t(m.title)}>{t(m.label)}
            <input type="number" min={m.min} max={m.max} step={m.step} aria-label={t('personas.sidebar.target', { metric: t(m.label) })} value={doc.expectedMetrics[m.key] ?? ''} onChange={(e) => setTarget(m.key, e.target.value)} />
          </label>
        ))}
        {doc.expectedMetrics.effort !== undefined && (
          // Kept from before CES targets: no figure is an effort percentage, so it is shown, never compared.
          <p className="muted" data-testid="old-effort-target">
            {t('personas.sidebar.oldEffort', { value: doc.expectedMetrics.effort })}{' '}
            <button type="button" className="ghost" onClick={() => setTarget('effort', '')}>{t('personas.sidebar.removeOldTarget')}</button>
          </p>
        )}
      </fieldset>
      <section aria-label={t('personas.sidebar.evidence')} className="evidence-summary">
        <h3>{t('personas.sidebar.evidence')}</h3>
        <p>{t('personas.sidebar.coverage', { share: Math.round(evidenceCoverage(counts) * 100) / 100, total: counts.total })}</p>
        <ul>
          {(['research', 'data', 'assumption'] as const).map((k) => <li key={k}><span className={`evidence-badge evidence-${k}`}>{t(evidenceBadges[k])}</span> {t('personas.sidebar.evidenceCount', { kind: t(evidenceLabels[k]), count: counts[k] })}</li>)}
          <li><span className="evidence-badge evidence-none">?</span> {t('personas.sidebar.untagged', { count: counts.untagged })}</li>
        </ul>
      </section>
      <PersonaJourneys personaId={doc.id} />
    </aside>
  );
}
