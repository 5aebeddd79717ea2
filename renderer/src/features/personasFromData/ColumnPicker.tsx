import type { DatasetColumn } from '../../../../common/analytics/format';
import { useT } from '../../i18n';

/** Columns a grouping can use: numbers and choices; open text only feeds the phrases. */
export const groupable = (c: DatasetColumn) => c.type === 'number' || c.type === 'category' || c.type === 'multi';
export const textual = (c: DatasetColumn) => c.type === 'text';

/** Checkboxes for one group of columns, with "all" and "none". */
export function ColumnPicker({ legend, columns, chosen, onChange, disabled }: {
  legend: string; columns: DatasetColumn[]; chosen: ReadonlySet<string>; onChange: (next: Set<string>) => void; disabled: boolean;
}) {
  const t = useT();
  const toggle = (key: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key); else next.delete(key);
    onChange(next);
  };
  return (
    <fieldset className="column-picker" disabled={disabled}>
      <legend>{legend}</legend>
      <div className="picker-actions">
        <button type="button" onClick={() => onChange(new Set(columns.map((c) => c.key)))}>{t('findPersonas.picker.all')}</button>
        <button type="button" onClick={() => onChange(new Set())}>{t('findPersonas.picker.none')}</button>
        <span className="muted">{t('findPersonas.picker.chosen', { count: chosen.size, total: columns.length })}</span>
      </div>
      <ul>
        {columns.map((c) => (
          <li key={c.key}>
            <label>
              <input type="checkbox" checked={chosen.has(c.key)} onChange={(e) => toggle(c.key, e.target.checked)} />
              <span className="column-name">{c.label || c.key}</span>
              <span className="muted"> · {t('findPersonas.picker.type', { type: c.type })}{c.label && c.label !== c.key ? ` · ${c.key}` : ''}</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
