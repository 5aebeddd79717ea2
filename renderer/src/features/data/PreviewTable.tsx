import type { ImportPreview } from '../../../../common/import/importer';
import type { DateOrder } from '../../../../common/import/values';
import { useT, type MessageId } from '../../i18n';

// Product names stay as their makers write them; only the generic shape is translated.
const shapeNames: Record<string, string> = {
  surveymonkey: 'SurveyMonkey', qualtrics: 'Qualtrics', 'google-forms': 'Google Forms', typeform: 'Typeform',
};
const delimiterNames: Record<string, MessageId> = { ',': 'data.preview.comma', ';': 'data.preview.semicolon', '\t': 'data.preview.tab' };

/** What was detected in the file, and its first rows as the file has them. */
export function PreviewTable({ preview, fileName, dateOrder }: { preview: ImportPreview; fileName: string; dateOrder: DateOrder }) {
  const t = useT();
  const headers = preview.shape.headers;
  const shape = preview.shape.shape === 'plain' ? t('data.preview.plainTable') : shapeNames[preview.shape.shape] ?? preview.shape.shape;
  const delimiter = preview.delimiter ? delimiterNames[preview.delimiter] : undefined;
  return (
    <section aria-labelledby="preview-title" className="import-preview">
      <h3 id="preview-title">{t('data.preview.title', { name: fileName })}</h3>
      <dl className="detected">
        <div><dt>{t('data.preview.export')}</dt><dd data-testid="detected-shape">{shape}</dd></div>
        <div><dt>{t('data.preview.format')}</dt><dd>{preview.format.toUpperCase()}</dd></div>
        {preview.encoding && <div><dt>{t('data.preview.encoding')}</dt><dd data-testid="detected-encoding">{preview.encoding.toUpperCase()}</dd></div>}
        {preview.delimiter && <div><dt>{t('data.preview.delimiter')}</dt><dd data-testid="detected-delimiter">{delimiter ? t(delimiter) : preview.delimiter}</dd></div>}
        <div><dt>{t('data.preview.headerRows')}</dt><dd>{preview.shape.headerRows}</dd></div>
        <div><dt>{t('data.preview.dates')}</dt><dd data-testid="detected-date-order">{dateOrder === 'dmy' ? t('data.preview.dmy') : t('data.preview.mdy')}</dd></div>
      </dl>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('data.preview.firstRows')}>
        <table className="data-table">
          <thead><tr>{headers.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
          <tbody>
            {preview.rows.slice(0, 8).map((row, r) => (
              <tr key={r}>{headers.map((h, c) => <td key={h}>{row[c] ?? ''}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
