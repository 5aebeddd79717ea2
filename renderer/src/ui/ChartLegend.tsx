import type { LegendPayload } from 'recharts';

/**
 * A chart's legend: a colour swatch (decorative, hidden from screen readers) and the series name.
 * Replaces recharts' own, whose icons carry an English aria-label ("… legend icon") that a screen
 * reader speaks beside the name in every language.
 */
export function ChartLegend({ payload }: { payload?: readonly LegendPayload[] }) {
  return (
    <ul className="chart-legend">
      {payload?.map((entry, i) => (
        <li key={i}>
          <span className="chart-legend-swatch" aria-hidden="true" style={{ background: entry.color }} />
          {String(entry.value ?? '')}
        </li>
      ))}
    </ul>
  );
}
