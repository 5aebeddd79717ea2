import type { ColumnType } from '../../../../common/analytics/rules';
import type { ImportPreview } from '../../../../common/import/importer';
import { attributes } from '../../../../common/import/mapping';
import { Fragment } from 'react';
import { useT, type MessageId } from '../../i18n';
import { attributeLabelId, columnTypes, customKey, retyped, typeForKey, type MappingRow } from './mappingModel';
import { ScaleLabels } from './ScaleLabels';

const typeNames: Record<ColumnType, MessageId> = {
  id: 'data.type.id', date: 'data.type.date', number: 'data.type.number', category: 'data.type.category', multi: 'data.type.multi', text: 'data.type.text',
};

/** One row per source column: the attribute it feeds (or none) and the type it is stored as. */
export function MappingTable(props: { preview: ImportPreview; rows: MappingRow[]; onChange: (rows: MappingRow[]) => void }) {
  const t = useT();
  const { preview, rows, onChange } = props;
  const set = (i: number, patch: Partial<MappingRow>) => onChange(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  const retype = (i: number, patch: { key?: string; type: ColumnType }) => onChange(rows.map((r, k) => (k === i ? retyped(r, patch, preview, i) : r)));
  return (
    <section aria-labelledby="mapping-title">
      <h3 id="mapping-title">{t('data.mapping.title')}</h3>
      <p className="muted">{t('data.mapping.hint')}</p>
      <div className="table-scroll">
        <table className="data-table mapping-table">
          <thead><tr><th scope="col">{t('data.mapping.column')}</th><th scope="col">{t('data.mapping.example')}</th><th scope="col">{t('data.mapping.attribute')}</th><th scope="col">{t('data.mapping.type')}</th></tr></thead>
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
                    <select aria-label={t('data.mapping.attributeFor', { source: row.source })} value={row.key}
                      onChange={(e) => retype(i, { key: e.target.value, type: typeForKey(e.target.value, inferred) })}>
                      <option value="">{t('data.mapping.notImported')}</option>
                      {attributes.map((a) => <option key={a.key} value={a.key}>{t(attributeLabelId(a.key))}</option>)}
                      <option value={custom}>{t('data.mapping.other', { key: custom })}</option>
                    </select>
                  </td>
                  <td>
                    <select aria-label={t('data.mapping.typeFor', { source: row.source })} value={row.type} disabled={row.key === ''}
                      onChange={(e) => retype(i, { type: e.target.value as ColumnType })}>
                      {columnTypes.map((type) => <option key={type} value={type}>{type === inferred ? t('data.mapping.detected', { type: t(typeNames[type]) }) : t(typeNames[type])}</option>)}
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
