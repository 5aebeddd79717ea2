import { ruleOperators, type Condition, type Duration, type Rule } from '../../../../../common/journey';
import { CommitInput } from '../CommitInput';
import { X } from '../../../ui/icons';
import { useT, type MessageId } from '../../../i18n';
import { operatorText, unitNameKey } from './labels';

const sourceKey: Record<Rule['source'], MessageId> = {
  response: 'journeyFlow.rule.response', personaMatch: 'journeyFlow.rule.personaMatch', attribute: 'journeyFlow.rule.attribute',
};

/** Parses typed rule values: numbers stay numbers so "≥ 9" compares numerically. */
function parseValue(text: string): string | number | boolean {
  if (text === 'true' || text === 'false') return text === 'true';
  return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
}

/** Edits rules on response fields, persona match scores and attributes, joined by all/any. */
export function ConditionEditor({ value, onChange, label }: { value: Condition; onChange: (c: Condition) => void; label: string }) {
  const t = useT();
  const setRule = (i: number, patch: Partial<Rule>) => onChange({ ...value, rules: value.rules.map((r, k) => (k === i ? { ...r, ...patch } : r)) });
  return (
    <fieldset className="condition-editor">
      <legend>{label}</legend>
      <select aria-label={t('journeyFlow.rule.match', { label })} value={value.match} onChange={(e) => onChange({ ...value, match: e.target.value as Condition['match'] })}>
        <option value="all">{t('journeyFlow.rule.all')}</option>
        <option value="any">{t('journeyFlow.rule.any')}</option>
      </select>
      {value.rules.map((r, i) => (
        <div key={i} className="rule-row">
          <select aria-label={t('journeyFlow.rule.source', { n: i + 1 })} value={r.source} onChange={(e) => setRule(i, { source: e.target.value as Rule['source'] })}>
            {(Object.keys(sourceKey) as Rule['source'][]).map((s) => <option key={s} value={s}>{t(sourceKey[s])}</option>)}
          </select>
          <CommitInput aria-label={t('journeyFlow.rule.field', { n: i + 1 })} placeholder={t(r.source === 'personaMatch' ? 'journeyFlow.rule.personaId' : 'journeyFlow.rule.fieldPlaceholder')} value={r.field}
            maxLength={200} onCommit={(field) => setRule(i, { field })} />
          <select aria-label={t('journeyFlow.rule.operator', { n: i + 1 })} value={r.operator} onChange={(e) => setRule(i, { operator: e.target.value as Rule['operator'] })}>
            {ruleOperators.map((o) => <option key={o} value={o}>{operatorText(t, o)}</option>)}
          </select>
          {r.operator !== 'isSet' && (
            <CommitInput aria-label={t('journeyFlow.rule.value', { n: i + 1 })} placeholder={t('journeyFlow.rule.valuePlaceholder')} value={r.value === undefined ? '' : String(r.value)}
              onCommit={(t) => setRule(i, { value: parseValue(t) })} />
          )}
          <button type="button" className="ghost" aria-label={t('journeyFlow.rule.remove', { n: i + 1 })} onClick={() => onChange({ ...value, rules: value.rules.filter((_, k) => k !== i) })}><X size={14} /></button>
        </div>
      ))}
      <button type="button" className="ghost" onClick={() => onChange({ ...value, rules: [...value.rules, { source: 'response', field: '', operator: 'equals', value: '' }] })}>{t('journeyFlow.rule.add')}</button>
    </fieldset>
  );
}

/** Edits a duration (amount and unit). */
export function DurationEditor({ value, onChange, label }: { value: Duration; onChange: (d: Duration) => void; label: string }) {
  const t = useT();
  return (
    <div className="duration-editor" role="group" aria-label={label}>
      <span>{label}</span>
      <input type="number" min={1} max={100000} aria-label={t('journeyFlow.duration.amount', { label })} value={value.amount}
        onChange={(e) => {
          const n = Math.round(Number(e.target.value));
          if (Number.isFinite(n) && n >= 1 && n <= 100000) onChange({ ...value, amount: n });
        }} />
      <select aria-label={t('journeyFlow.duration.unit', { label })} value={value.unit} onChange={(e) => onChange({ ...value, unit: e.target.value as Duration['unit'] })}>
        {(['minutes', 'hours', 'days', 'weeks'] as const).map((u) => <option key={u} value={u}>{t(unitNameKey[u])}</option>)}
      </select>
    </div>
  );
}
