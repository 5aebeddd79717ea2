import { ruleOperators, type Condition, type Duration, type Rule } from '../../../../../common/journey';
import { CommitInput } from '../CommitInput';
import { X } from '../../../ui/icons';

const sourceLabel = { response: 'Response field', personaMatch: 'Persona match score', attribute: 'Attribute' } as const;
const operatorLabel: Record<Rule['operator'], string> = {
  equals: '=', notEquals: '≠', greaterThan: '>', lessThan: '<', atLeast: '≥', atMost: '≤', contains: 'contains', isSet: 'is set',
};

/** Parses typed rule values: numbers stay numbers so "≥ 9" compares numerically. */
function parseValue(text: string): string | number | boolean {
  if (text === 'true' || text === 'false') return text === 'true';
  return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
}

/** Edits rules on response fields, persona match scores and attributes, joined by all/any. */
export function ConditionEditor({ value, onChange, label }: { value: Condition; onChange: (c: Condition) => void; label: string }) {
  const setRule = (i: number, patch: Partial<Rule>) => onChange({ ...value, rules: value.rules.map((r, k) => (k === i ? { ...r, ...patch } : r)) });
  return (
    <fieldset className="condition-editor">
      <legend>{label}</legend>
      <select aria-label={`${label}: match`} value={value.match} onChange={(e) => onChange({ ...value, match: e.target.value as Condition['match'] })}>
        <option value="all">All rules hold</option>
        <option value="any">Any rule holds</option>
      </select>
      {value.rules.map((r, i) => (
        <div key={i} className="rule-row">
          <select aria-label={`Rule ${i + 1} source`} value={r.source} onChange={(e) => setRule(i, { source: e.target.value as Rule['source'] })}>
            {(Object.keys(sourceLabel) as Rule['source'][]).map((s) => <option key={s} value={s}>{sourceLabel[s]}</option>)}
          </select>
          <CommitInput aria-label={`Rule ${i + 1} field`} placeholder={r.source === 'personaMatch' ? 'persona id' : 'field'} value={r.field}
            maxLength={200} onCommit={(field) => setRule(i, { field })} />
          <select aria-label={`Rule ${i + 1} operator`} value={r.operator} onChange={(e) => setRule(i, { operator: e.target.value as Rule['operator'] })}>
            {ruleOperators.map((o) => <option key={o} value={o}>{operatorLabel[o]}</option>)}
          </select>
          {r.operator !== 'isSet' && (
            <CommitInput aria-label={`Rule ${i + 1} value`} placeholder="value" value={r.value === undefined ? '' : String(r.value)}
              onCommit={(t) => setRule(i, { value: parseValue(t) })} />
          )}
          <button type="button" className="ghost" aria-label={`Remove rule ${i + 1}`} onClick={() => onChange({ ...value, rules: value.rules.filter((_, k) => k !== i) })}><X size={14} /></button>
        </div>
      ))}
      <button type="button" className="ghost" onClick={() => onChange({ ...value, rules: [...value.rules, { source: 'response', field: '', operator: 'equals', value: '' }] })}>+ Rule</button>
    </fieldset>
  );
}

/** Edits a duration (amount and unit). */
export function DurationEditor({ value, onChange, label }: { value: Duration; onChange: (d: Duration) => void; label: string }) {
  return (
    <div className="duration-editor" role="group" aria-label={label}>
      <span>{label}</span>
      <input type="number" min={1} max={100000} aria-label={`${label} amount`} value={value.amount}
        onChange={(e) => {
          const n = Math.round(Number(e.target.value));
          if (Number.isFinite(n) && n >= 1 && n <= 100000) onChange({ ...value, amount: n });
        }} />
      <select aria-label={`${label} unit`} value={value.unit} onChange={(e) => onChange({ ...value, unit: e.target.value as Duration['unit'] })}>
        {(['minutes', 'hours', 'days', 'weeks'] as const).map((u) => <option key={u} value={u}>{u}</option>)}
      </select>
    </div>
  );
}
