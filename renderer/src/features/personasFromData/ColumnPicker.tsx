import type { DatasetColumn } from '../../../../common/analytics/format';

/** Columns a grouping can use: numbers and choices; open text only feeds the phrases. */
export const groupable = (c: DatasetColumn) => c.type === 'number' || c.type === 'category' || c.type === 'multi';
export const textual = (c: DatasetColumn) => c.type === 'text';

const typeName: Record<string, string> = { number: 'number', category: 'single choice', multi: 'multiple choice', text: 'open text' };

/** Checkboxes for one group of columns, with "all" and "none". */
export function ColumnPicker({ legend, columns, chosen, onChange, disabled }: {
  legend: string; columns: DatasetColumn[]; chosen: ReadonlySet<string>; onChange: (next: Set<string>) => void; disabled: boolean;
}) {
  const toggle = (key: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key); else next.delete(key);
    onChange(next);
  };
  return (
    <fieldset className="column-picker" disabled={disabled}>
      <legend>{legend}</legend>
      <div className="picker-actions">
        <button type="button" onClick={() => onChange(new Set(columns.map((c) => c.key)))}>All</button>
        <button type="button" onClick={() => onChange(new Set())}>None</button>
        <span className="muted">{chosen.size} of {columns.length} chosen</span>
      </div>
      <ul>
        {columns.map((c) => (
          <li key={c.key}>
            <label>
              <input type="checkbox" checked={chosen.has(c.key)} onChange={(e) => toggle(c.key, e.target.checked)} />
              <span className="column-name">{c.label || c.key}</span>
              <span className="muted"> · {typeName[c.type] ?? c.type}{c.label && c.label !== c.key ? ` · ${c.key}` : ''}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
