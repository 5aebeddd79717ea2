import { useT } from '../../i18n';

/**
 * The answer labels of a number column ("Very satisfied" → 5) as the import will read them: shown
 * so the user can see the mapping, each number editable.
 */
export function ScaleLabels(props: { source: string; labels: Record<string, number>; onChange: (labels: Record<string, number>) => void }) {
  const t = useT();
  const { source, labels, onChange } = props;
  // In the suggestion's order (least favourable first); never re-sorted while the user types.
  const entries = Object.entries(labels);
  return (
    <fieldset className="scale-labels">
      <legend>{t('data.scale.legend')}</legend>
      {entries.map(([label, n]) => (
        <label key={label}>
          <span>{label}</span>
          <input type="number" step="any" aria-label={t('data.scale.numberFor', { label, source })}
            value={Number.isFinite(n) ? n : ''}
            onChange={(e) => onChange({ ...labels, [label]: e.target.value === '' ? Number.NaN : Number(e.target.value) })} />
        </label>
      ))}
    </fieldset>
  );
}
