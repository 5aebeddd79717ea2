import { useT } from '../../i18n';

/** A row of key figures; each card is a labelled group so screen readers read label and value together. */
export function KpiCards({ items }: { items: { label: string; value: string; hint?: string; id: string }[] }) {
  const t = useT();
  return (
    <ul className="kpis" aria-label={t('analytics.kpi.group')}>
      {items.map((k) => (
        <li key={k.id} className="kpi" data-testid={`kpi-${k.id}`} aria-label={t('analytics.kpi.aria', { label: k.label, value: k.value })}>
          <span className="kpi-label">{k.label}</span>
          <span className="kpi-value">{k.value}</span>
          {k.hint && <span className="kpi-hint">{k.hint}</span>}
        </li>
      ))}
    </ul>
  );
}
