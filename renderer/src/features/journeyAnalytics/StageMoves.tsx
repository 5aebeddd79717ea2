import type { JourneyFigures } from '../../../../common/journeyAnalytics';
import { useT } from '../../i18n';

/** Moves listed beside the top paths (the rest are in the report and the workbook). */
const listed = 12;

/**
 * Skips and loops as moves between two stages: who went from a stage straight past the next one, or
 * back to an earlier one, most customers first. Moves into the next stage are the funnel's business
 * and are left out here. The same transitions label the flow view's edges.
 */
export function StageMoves({ figures, names }: { figures: JourneyFigures; names: readonly string[] }) {
  const t = useT();
  const moves = figures.transitions
    .filter((m) => m.to !== m.from + 1)
    .sort((a, b) => b.customers - a.customers || b.moves - a.moves || a.from - b.from || a.to - b.to)
    .slice(0, listed);
  return (
    <section aria-label={t('journeyAnalytics.moves.title')}>
      <h3>{t('journeyAnalytics.moves.title')}</h3>
      {moves.length === 0 ? <p className="muted">{t('journeyAnalytics.moves.none')}</p> : (
        <table className="data-table" data-testid="stage-moves">
          <tbody>
            {moves.map((m) => (
              <tr key={`${m.from}-${m.to}`}>
                <th scope="row">{names[m.from]} → {names[m.to]}</th>
                <td className="num">{t('journeyAnalytics.moves.customers', { count: m.customers })}</td>
                <td className="num muted">{t('journeyAnalytics.moves.moves', { count: m.moves })}</td>
                <td><span className="chip">{t(m.to > m.from ? 'journeyAnalytics.moves.skip' : 'journeyAnalytics.moves.back')}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
