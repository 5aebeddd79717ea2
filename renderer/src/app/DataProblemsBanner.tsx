import { useState } from 'react';
import { useDocProblems } from '../db/hooks';

/** Lists stored documents the app skipped because they are corrupted or fail their schema. */
export function DataProblemsBanner() {
  const problems = useDocProblems();
  const [open, setOpen] = useState(false);
  if (problems.length === 0) return null;
  return (
    <div className="banner banner-warning" role="alert">
      <strong>{problems.length === 1 ? '1 stored item could not be read' : `${problems.length} stored items could not be read`}</strong>
      {' '}and {problems.length === 1 ? 'was' : 'were'} skipped. Everything else works normally.
      <button type="button" className="link" onClick={() => setOpen(!open)} aria-expanded={open}>{open ? 'Hide details' : 'Details'}</button>
      {open && (
        <ul>
          {problems.map((p) => (
            <li key={`${p.collection}/${p.id}`}><code>{p.collection}/{p.id}</code>: {p.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
