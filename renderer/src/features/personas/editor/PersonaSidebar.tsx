import { useState } from 'react';
import { PersonaJourneys } from '../../journeys/PersonaJourneys';
import { countEvidence, evidenceCoverage, personaStatuses, type ExpectedMetrics, type PersonaChange, type PersonaDoc } from '../../../../../common/persona';
import { evidenceLabels, statusLabels } from '../labels';
import { X } from '../../../ui/icons';

// Each target in the unit of the figure it is compared with (common/analytics/liveFigures.ts).
const targets: { key: keyof ExpectedMetrics; label: string; min: number; max: number; step?: number; title: string }[] = [
  { key: 'satisfaction', label: 'CSAT %', min: 0, max: 100, title: 'Share of satisfaction answers of 4 or 5 on the 1–5 scale' },
  { key: 'loyalty', label: 'Loyalty (NPS)', min: -100, max: 100, title: '% promoters (9–10) minus % detractors (0–6)' },
  { key: 'trust', label: 'Trust %', min: 0, max: 100, title: 'Share of trust answers of 4 or 5 on the 1–5 scale' },
  { key: 'ces', label: 'CES', min: 0, max: 10, step: 0.1, title: 'Mean effort answer to stay at or under (lower means less effort)' },
];

/** Persona fields beside the canvas: status, tags, owner, domain, metric targets, evidence and journeys. */
export function PersonaSidebar({ doc, edit }: { doc: PersonaDoc; edit: (c: PersonaChange) => void }) {
  const [tag, setTag] = useState('');
  const counts = countEvidence(doc);
  const set = (fields: Partial<PersonaDoc>) => edit({ kind: 'setFields', fields });
  const addTag = () => {
    const t = tag.trim().slice(0, 60);
    if (t && !doc.tags.includes(t) && doc.tags.length < 50) set({ tags: [...doc.tags, t] });
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
    <aside className="persona-sidebar" aria-label="Persona details">
      <label>Status
        <select aria-label="Status" value={doc.status} onChange={(e) => set({ status: e.target.value as PersonaDoc['status'] })}>
          {personaStatuses.map((s) => <option key={s} value={s}>{statusLabels[s]}</option>)}
        </select>
      </label>
      <div>
        <span className="field-label">Tags</span>
        <ul className="tag-list">
          {doc.tags.map((t) => (
            <li key={t} className="tag">{t} <button type="button" className="ghost" aria-label={`Remove tag ${t}`} onClick={() => set({ tags: doc.tags.filter((x) => x !== t) })}><X size={14} /></button></li>
          ))}
        </ul>
        <input dir="auto" aria-label="Add tag" placeholder="Add tag, press Enter" value={tag} maxLength={60} onChange={(e) => setTag(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && addTag()} />
      </div>
      <label>Owner <input dir="auto" aria-label="Owner" maxLength={120} value={doc.owner} onChange={(e) => set({ owner: e.target.value })} /></label>
      <label>Domain <input dir="auto" aria-label="Domain" maxLength={120} value={doc.domain} onChange={(e) => set({ domain: e.target.value })} /></label>
      <fieldset>
        <legend>Metric targets</legend>
        {targets.map((t) => (
          <label key={t.key} title={t.title}>{t.label}
            <input type="number" min={t.min} max={t.max} step={t.step} aria-label={`Target ${t.label}`} value={doc.expectedMetrics[t.key] ?? ''} onChange={(e) => setTarget(t.key, e.target.value)} />
          </label>
        ))}
        {doc.expectedMetrics.effort !== undefined && (
          // Kept from before CES targets: no figure is an effort percentage, so it is shown, never compared.
          <p className="muted" data-testid="old-effort-target">
            Earlier “Effort %” target: {doc.expectedMetrics.effort}. Effort is now shown as CES (the mean effort answer); set a CES target instead.{' '}
            <button type="button" className="ghost" onClick={() => setTarget('effort', '')}>Remove old target</button>
          </p>
        )}
      </fieldset>
      <section aria-label="Evidence" className="evidence-summary">
        <h3>Evidence</h3>
        <p>{Math.round(evidenceCoverage(counts) * 100)}% of {counts.total} claims backed by research or data</p>
        <ul>
          {(['research', 'data', 'assumption'] as const).map((k) => <li key={k}><span className={`evidence-badge evidence-${k}`}>{evidenceLabels[k].slice(0, 1)}</span> {evidenceLabels[k]}: {counts[k]}</li>)}
          <li><span className="evidence-badge evidence-none">?</span> Not tagged: {counts.untagged}</li>
        </ul>
      </section>
      <PersonaJourneys personaId={doc.id} />
    </aside>
  );
}
