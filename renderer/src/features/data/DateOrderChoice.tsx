import type { ImportPreview } from '../../../../common/import/importer';
import type { DateOrder } from '../../../../common/import/values';

/**
 * How dates like 05/03/2024 are read. The guess from the file is preselected; when no date in the
 * first rows has a day above 12 the guess is only a default, and the user is asked to check it.
 */
export function DateOrderChoice({ preview, value, onChange }: { preview: ImportPreview; value: DateOrder; onChange: (order: DateOrder) => void }) {
  return (
    <div className="date-order">
      <label htmlFor="date-order">Dates in this file</label>
      <select id="date-order" value={value} onChange={(e) => onChange(e.target.value === 'dmy' ? 'dmy' : 'mdy')}>
        <option value="mdy">Month first (05/03/2024 is 3 May)</option>
        <option value="dmy">Day first (05/03/2024 is 5 March)</option>
      </select>
      {preview.dateOrderAmbiguous && (
        <p className="warning-text" role="note">No date in the first rows has a day above 12, so the order cannot be told from the file: check it.</p>
      )}
    </div>
  );
}
