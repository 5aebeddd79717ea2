import type { ColumnType } from '../../../../common/analytics/rules';
import type { ImportPreview } from '../../../../common/import/importer';
import { attributes } from '../../../../common/import/mapping';
import { Fragment } from 'react';
import { columnTypes, customKey, retyped, typeForKey, type MappingRow } from './mappingModel';
import { ScaleLabels } from './ScaleLabels';

const typeNames: Record<ColumnType, string> = {
  id: 'Respondent id', date: 'Date', number: 'Number', category: 'Category', multi: 'Multi-value', text: 'Free text',
};

/** One row per source column: the attribute it feeds (or none) and the type it is stored as. */
export function MappingTable(props: { preview: ImportPreview; rows: MappingRow[]; onChange: (rows: MappingRow[]) => void }) {
  const { preview, rows, onChange } = props;
  const set = (i: number, patch: Partial<MappingRow>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const retype = (i: number, patch: { key?: string; type: ColumnType }) => onChange(rows.map((r, k) => (k === i ? retyped(r, patch, preview, i) : r)));
  return (
    <section aria-labelledby="mapping-title">
      <h3 id="mapping-title">Column mapping</h3>
      <p className="muted">Suggested from the headers. Choose what each column means and how it is stored; unmapped columns are not imported.</p>
      <div className="table-scroll">
        <table className="data-table mapping-table">
          <thead><tr><th scope="col">Column in the file</th><th scope="col">Example</th><th scope="col">Attribute</th><th scope="col">Type</th></tr></thead>
          <tbody>
            {rows.map((row, i) => {
              const inferred = preview.inferredTypes[i] ?? 'text';
              const custom = customKey(row.source);
              return (
                <Fragment key={row.source}>
                <tr>
                  <th scope="row">{row.source}</th>
                  <td className="muted">{preview.rows.find((r) => (r[i] ?? '').trim() !== '')?.[i] ?? ''}</td>
                  <td>
                    <select aria-label={`Attribute for ${row.source}`} value={row.key}
                      onChange={(e) => retype(i, { key: e.target.value, type: typeForKey(e.target.value, inferred) })}>
                      <option value="">Not imported</option>
                      {attributes.map((a) => <option key={a.key} value={a.key}>{a.label}</option>)}
                      <option value={custom}>Other ({custom})</option>
                    </select>
                  </td>
                  <td>
                    <select aria-label={`Type for ${row.source}`} value={row.type} disabled={row.key === ''}
                      onChange={(e) => retype(i, { type: e.target.value as ColumnType })}>
                      {columnTypes.map((t) => <option key={t} value={t}>{typeNames[t]}{t === inferred ? ' (detected)' : ''}</option>)}
                    </select>
                  </td>
                </tr>
                {row.key !== '' && row.type === 'number' && row.labels && (
                  <tr className="labels-row">
                    <td colSpan={4}><ScaleLabels source={row.source} labels={row.labels} onChange={(labels) => set(i, { labels })} /></td>
                  </tr>
                )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
