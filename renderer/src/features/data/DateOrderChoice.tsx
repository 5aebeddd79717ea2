import type { ImportPreview } from '../../../../common/import/importer';
import type { DateOrder } from '../../../../common/import/values';
import { useT } from '../../i18n';

/**
 * How dates like 05/03/2024 are read. The guess from the file is preselected; when no date in the
 * first rows has a day above 12 the guess is only a default, and the user is asked to check it.
 */
export function DateOrderChoice({ preview, value, onChange }: { preview: ImportPreview; value: DateOrder; onChange: (order: DateOrder) => void }) {
  const t = useT();
  return (
    <div className="date-order">
      <label htmlFor="date-order">{t('data.dateOrder.label')}</label>
      <select id="date-order" value={value} onChange={(e) => onChange(e.target.value === 'dmy' ? 'dmy' : 'mdy')}>
        <option value="mdy">{t('data.dateOrder.mdy')}</option>
        <option value="dmy">{t('data.dateOrder.dmy')}</option>
      </select>
      {preview.dateOrderAmbiguous && (
        <p className="warning-text" role="note">{t('data.dateOrder.ambiguous')}</p>
      )}
    </div>
  );
}
