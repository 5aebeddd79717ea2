import { evidenceKinds, type Evidence, type EvidenceKind } from '../../../../../common/persona';
import { evidenceLabels } from '../labels';

/**
 * A small badge showing what a claim rests on (research, data, assumption), which opens to change the
 * kind and note the source. Untagged claims show a faint "?" so the gap is visible. On screen the
 * badge is a letter explained on hover; an exported image, which has no hover, spells the kind out.
 */
export function EvidenceControl({ evidence, label, onChange }: { evidence: Evidence | undefined; label: string; onChange: (e: Evidence | null) => void }) {
  const kind = evidence?.kind;
  return (
    <details className="evidence">
      <summary className={`evidence-badge evidence-${kind ?? 'none'}`} aria-label={`${label}: ${kind ? evidenceLabels[kind] : 'not tagged'}`} title={evidence?.source ?? ''}
        data-export-text={kind ? evidenceLabels[kind] : undefined}>
        {kind ? evidenceLabels[kind].slice(0, 1) : '?'}
      </summary>
      <div className="evidence-pop">
        <select aria-label={`${label} kind`} value={kind ?? ''} onChange={(e) => {
          const v = e.target.value as EvidenceKind | '';
          onChange(v ? { kind: v, ...(evidence?.source ? { source: evidence.source } : {}) } : null);
        }}>
          <option value="">Not tagged</option>
          {evidenceKinds.map((k) => <option key={k} value={k}>{evidenceLabels[k]}</option>)}
        </select>
        {kind && (
          <input dir="auto" aria-label={`${label} source`} placeholder="Source, e.g. interviews May 2026" maxLength={500} value={evidence?.source ?? ''}
            onChange={(e) => onChange({ kind, ...(e.target.value ? { source: e.target.value } : {}) })} />
        )}
      </div>
    </details>
  );
}
