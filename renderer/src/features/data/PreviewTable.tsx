import type { ImportPreview } from '../../../../common/import/importer';
import type { DateOrder } from '../../../../common/import/values';

const shapeNames: Record<string, string> = {
  surveymonkey: 'SurveyMonkey', qualtrics: 'Qualtrics', 'google-forms': 'Google Forms', typeform: 'Typeform', plain: 'Plain table',
};
const delimiterNames: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab' };

/** What was detected in the file, and its first rows as the file has them. */
export function PreviewTable({ preview, fileName, dateOrder }: { preview: ImportPreview; fileName: string; dateOrder: DateOrder }) {
  const headers = preview.shape.headers;
  return (
    <section aria-labelledby="preview-title" className="import-preview">
      <h3 id="preview-title">Preview of {fileName}</h3>
      <dl className="detected">
        <div><dt>Export</dt><dd data-testid="detected-shape">{shapeNames[preview.shape.shape] ?? preview.shape.shape}</dd></div>
        <div><dt>Format</dt><dd>{preview.format.toUpperCase()}</dd></div>
        {preview.encoding && <div><dt>Encoding</dt><dd data-testid="detected-encoding">{preview.encoding.toUpperCase()}</dd></div>}
        {preview.delimiter && <div><dt>Delimiter</dt><dd data-testid="detected-delimiter">{delimiterNames[preview.delimiter] ?? preview.delimiter}</dd></div>}
        <div><dt>Header rows</dt><dd>{preview.shape.headerRows}</dd></div>
        <div><dt>Dates</dt><dd data-testid="detected-date-order">{dateOrder === 'dmy' ? 'day/month/year' : 'month/day/year'}</dd></div>
      </dl>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="First rows of the file">
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
