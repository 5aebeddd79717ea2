import { evidenceKinds, type Evidence, type EvidenceKind } from '../../../../../common/persona';
import { evidenceBadges, evidenceLabels } from '../labels';
import { useT } from '../../../i18n';

/**
 * A small badge showing what a claim rests on (research, data, assumption), which opens to change the
 * kind and note the source. Untagged claims show a faint "?" so the gap is visible. On screen the
 * badge is a letter explained on hover; an exported image, which has no hover, spells the kind out.
 */
export function EvidenceControl({ evidence, label, onChange }: { evidence: Evidence | undefined; label: string; onChange: (e: Evidence | null) => void }) {
  const kind = evidence?.kind;
  const t = useT();
  return (
    <details className="evidence">
      <summary className={`evidence-badge evidence-${kind ?? 'none'}`} aria-label={t('personas.evidence.summary', { label, kind: t(kind ? evidenceLabels[kind] : 'personas.evidence.notTagged') })} title={evidence?.source ?? ''}
        data-export-text={kind ? t(evidenceLabels[kind]) : undefined}>
        {kind ? t(evidenceBadges[kind]) : '?'}
      </summary>
      <div className="evidence-pop">
        <select aria-label={t('personas.evidence.kindOf', { label })} value={kind ?? ''} onChange={(e) => {
          const v = e.target.value as EvidenceKind | '';
          onChange(v ? { kind: v, ...(evidence?.source ? { source: evidence.source } : {}) } : null);
        }}>
          <option value="">{t('personas.evidence.notTagged')}</option>
          {evidenceKinds.map((k) => <option key={k} value={k}>{t(evidenceLabels[k])}</option>)}
        </select>
        {kind && (
          <input dir="auto" aria-label={t('personas.evidence.sourceOf', { label })} placeholder={t('personas.evidence.sourceHint')} maxLength={500} value={evidence?.source ?? ''}
            onChange={(e) => onChange({ kind, ...(e.target.value ? { source: e.target.value } : {}) })} />
        )}
      </div>
    </details>
  );
}
