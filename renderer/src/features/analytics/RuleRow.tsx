import type { Rule, RuleProblem } from '../../../../common/analytics/rules';
import { useT } from '../../i18n';
import { useRuleProblemWords } from './ruleProblemWords';
import { columnsFor, type DraftRule, type RuleColumn } from './ruleDrafts';

const kinds: Rule['kind'][] = ['range', 'oneOf', 'overlap'];

/** One rule's fields; problems are shown under the rule and tied to their field. */
export function RuleRow(props: {
  draft: DraftRule; index: number; columns: RuleColumn[]; problems: { field: string; problem: RuleProblem }[];
  onChange: (d: DraftRule) => void; onRemove: () => void;
}) {
  const { draft, index, problems } = props;
  const n = index + 1;
  const t = useT();
  const words = useRuleProblemWords();
  const set = (patch: Partial<DraftRule>) => props.onChange({ ...draft, ...patch });
  const usable = columnsFor(draft.kind, props.columns);
  const options = usable.some((c) => c.key === draft.column) || draft.column === '' ? usable : [...usable, { key: draft.column, type: 'text' as const, label: draft.column }];
  const errId = `rule-${n}-problems`;
  const invalid = (field: string) => problems.some((p) => p.field === field) || undefined;
  return (
    <li className="rule-row" aria-label={t('analytics.rule.label', { n })}>
      <label>{t('analytics.rule.kind')}
        <select aria-label={t('analytics.rule.kindLabel', { n })} value={draft.kind}
          onChange={(e) => {
            const kind = e.target.value as Rule['kind'];
            const fits = columnsFor(kind, props.columns);
            set({ kind, column: fits.some((c) => c.key === draft.column) ? draft.column : fits[0]?.key ?? '' });
          }}>
          {kinds.map((k) => <option key={k} value={k}>{t('analytics.rule.kindName', { kind: k })}</option>)}
        </select>
      </label>
      <label>{t('analytics.rule.column')}
        <select aria-label={t('analytics.rule.columnLabel', { n })} value={draft.column} aria-invalid={invalid('column')} aria-describedby={errId} onChange={(e) => set({ column: e.target.value })}>
          <option value="">{t('analytics.rule.choose')}</option>
          {options.map((c) => <option key={c.key} value={c.key}>{c.label === c.key ? c.key : `${c.label} (${c.key})`}</option>)}
        </select>
      </label>
      {draft.kind === 'range' ? (
        <>
          <label>{t('analytics.rule.min')} <input dir="auto" aria-label={t('analytics.rule.minLabel', { n })} inputMode="decimal" size={6} value={draft.min} aria-invalid={invalid('min')} aria-describedby={errId} onChange={(e) => set({ min: e.target.value })} /></label>
          <label>{t('analytics.rule.max')} <input dir="auto" aria-label={t('analytics.rule.maxLabel', { n })} inputMode="decimal" size={6} value={draft.max} aria-invalid={invalid('max')} aria-describedby={errId} onChange={(e) => set({ max: e.target.value })} /></label>
        </>
      ) : (
        <label className="grow">{t('analytics.rule.values')}
          <input dir="auto" aria-label={t('analytics.rule.valuesLabel', { n })} value={draft.values} aria-invalid={invalid('values')} aria-describedby={errId} onChange={(e) => set({ values: e.target.value })} />
        </label>
      )}
      <label>{t('analytics.rule.weight')} <input dir="auto" aria-label={t('analytics.rule.weightLabel', { n })} inputMode="decimal" size={4} placeholder="1" value={draft.weight} aria-invalid={invalid('weight')} aria-describedby={errId} onChange={(e) => set({ weight: e.target.value })} /></label>
      <button type="button" className="ghost" aria-label={t('analytics.rule.removeLabel', { n })} onClick={props.onRemove}>{t('analytics.rule.remove')}</button>
      <ul id={errId} className="error-text rule-problems">
        {problems.map((p, i) => <li key={i}>{words(p.problem)}</li>)}
      </ul>
    </li>
  );
}
