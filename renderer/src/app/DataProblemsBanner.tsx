import { useState } from 'react';
import { useDocProblems } from '../db/hooks';
import { FormattedMessage, useT } from '../i18n';

/** Lists stored documents the app skipped because they are corrupted or fail their schema. */
export function DataProblemsBanner() {
  const problems = useDocProblems();
  const [open, setOpen] = useState(false);
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <div className="banner banner-warning" role="alert">
      <FormattedMessage id="app.dataProblems.summary" values={{ count: problems.length, b: (chunks) => <strong>{chunks}</strong> }} />
      <button type="button" className="link" onClick={() => setOpen(!open)} aria-expanded={open}>{t(open ? 'app.dataProblems.hideDetails' : 'app.dataProblems.details')}</button>
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
