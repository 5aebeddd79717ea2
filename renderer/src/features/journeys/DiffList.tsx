import { detailText, type DiffEntry } from '../../../../common/journey';

const changeLabel = { added: 'Added', removed: 'Removed', changed: 'Changed', moved: 'Moved' } as const;
const subjectLabel = { stage: 'Stage', lane: 'Lane', cell: 'Cell', node: 'Flow step', edge: 'Connection' } as const;

/** The differences between two journey versions, each change old → new in words. */
export function DiffList({ entries }: { entries: DiffEntry[] }) {
  return (
    <ul className="diff-list" aria-label="Differences">
      {entries.map((e, i) => (
        <li key={i} className={`diff-${e.change}`}>
          <span className="diff-change">{changeLabel[e.change]}</span> {subjectLabel[e.subject]} <strong>{e.label}</strong>
          {e.details && e.details.length > 0 && (
            <ul className="diff-details">{e.details.map((d, j) => <li key={j}>{detailText(d)}</li>)}</ul>
          )}
        </li>
      ))}
    </ul>
  );
}
