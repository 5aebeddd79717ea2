import type { Rule } from '../../../../common/analytics/rules';
import { columnsFor, type DraftRule, type RuleColumn } from './ruleDrafts';

const kindNames: Record<Rule['kind'], string> = { range: 'Numeric range', oneOf: 'One of', overlap: 'Contains any of' };

/** One rule's fields; problems are shown under the rule and tied to their field. */
export function RuleRow(props: {
  draft: DraftRule; index: number; columns: RuleColumn[]; problems: { field: string; message: string }[];
  onChange: (d: DraftRule) => void; onRemove: () => void;
}) {
  const { draft, index, problems } = props;
  const n = index + 1;
  const set = (patch: Partial<DraftRule>) => props.onChange({ ...draft, ...patch });
  const usable = columnsFor(draft.kind, props.columns);
  const options = usable.some((c) => c.key === draft.column) || draft.column === '' ? usable : [...usable, { key: draft.column, type: 'text' as const, label: draft.column }];
  const errId = `rule-${n}-problems`;
  const invalid = (field: string) => problems.some((p) => p.field === field) || undefined;
  return (
    <li className="rule-row" aria-label={`Rule ${n}`}>
      <label>Kind
        <select aria-label={`Rule ${n} kind`} value={draft.kind}
          onChange={(e) => {
            const kind = e.target.value as Rule['kind'];
            const fits = columnsFor(kind, props.columns);
            set({ kind, column: fits.some((c) => c.key === draft.column) ? draft.column : fits[0]?.key ?? '' });
          }}>
          {(Object.keys(kindNames) as Rule['kind'][]).map((k) => <option key={k} value={k}>{kindNames[k]}</option>)}
        </select>
      </label>
      <label>Column
        <select aria-label={`Rule ${n} column`} value={draft.column} aria-invalid={invalid('column')} aria-describedby={errId} onChange={(e) => set({ column: e.target.value })}>
          <option value="">Choose…</option>
          {options.map((c) => <option key={c.key} value={c.key}>{c.label === c.key ? c.key : `${c.label} (${c.key})`}</option>)}
        </select>
      </label>
      {draft.kind === 'range' ? (
        <>
          <label>Min <input dir="auto" aria-label={`Rule ${n} minimum`} inputMode="decimal" size={6} value={draft.min} aria-invalid={invalid('min')} aria-describedby={errId} onChange={(e) => set({ min: e.target.value })} /></label>
          <label>Max <input dir="auto" aria-label={`Rule ${n} maximum`} inputMode="decimal" size={6} value={draft.max} aria-invalid={invalid('max')} aria-describedby={errId} onChange={(e) => set({ max: e.target.value })} /></label>
        </>
      ) : (
        <label className="grow">Values (comma-separated)
          <input dir="auto" aria-label={`Rule ${n} values`} value={draft.values} aria-invalid={invalid('values')} aria-describedby={errId} onChange={(e) => set({ values: e.target.value })} />
        </label>
      )}
      <label>Weight <input dir="auto" aria-label={`Rule ${n} weight`} inputMode="decimal" size={4} placeholder="1" value={draft.weight} aria-invalid={invalid('weight')} aria-describedby={errId} onChange={(e) => set({ weight: e.target.value })} /></label>
      <button type="button" className="ghost" aria-label={`Remove rule ${n}`} onClick={props.onRemove}>Remove</button>
      <ul id={errId} className="error-text rule-problems">
        {problems.map((p, i) => <li key={i}>{p.message}</li>)}
      </ul>
    </li>
  );
}
