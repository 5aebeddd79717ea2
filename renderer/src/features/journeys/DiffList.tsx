import { detailText, type DiffEntry } from '../../../../common/journey';
import { useT, type MessageId } from '../../i18n';

const changeLabel: Record<DiffEntry['change'], MessageId> = { added: 'journeys.diff.added', removed: 'journeys.diff.removed', changed: 'journeys.diff.changed', moved: 'journeys.diff.moved' };
const subjectLabel: Record<DiffEntry['subject'], MessageId> = { stage: 'journeys.diff.stage', lane: 'journeys.diff.lane', cell: 'journeys.diff.cell', node: 'journeys.diff.node', edge: 'journeys.diff.edge' };

/** The differences between two journey versions, each change old → new in words. */
export function DiffList({ entries }: { entries: DiffEntry[] }) {
  const t = useT();
  return (
    <ul className="diff-list" aria-label={t('journeys.diff.label')}>
      {entries.map((e, i) => (
        <li key={i} className={`diff-${e.change}`}>
          <span className="diff-change">{t(changeLabel[e.change])}</span> {t(subjectLabel[e.subject])} <strong>{e.label}</strong>
          {e.details && e.details.length > 0 && (
            <ul className="diff-details">{e.details.map((d, j) => <li key={j}>{detailText(d)}</li>)}</ul>
          )}
        </li>
      ))}
    </ul>
  );
}
