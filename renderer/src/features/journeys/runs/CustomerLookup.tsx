import { useState, type FormEvent } from 'react';
import type { RunDoc } from '../../../../../common/journeyRuns/docs';
import { checkCustomerId, runHistory, runSummary } from '../../../../../common/journeyRuns/panel';
import { useFormat, useT } from '../../../i18n';
import { lookupCustomer, maxCustomerRuns, type RunsTarget } from './runsApi';
import { useProblemText } from './problemText';

/**
 * Looks one customer up on the team server: every run they have (any journey), with the version it
 * follows, the step it is at, and its history of steps, sends (with their idempotency keys) and the
 * engine's notes (retries, deferrals, dead letter).
 */
export function CustomerLookup({ target, journeyId, nodeLabel }: { target: RunsTarget; journeyId: string; nodeLabel: (id: string) => string }) {
  const t = useT();
  const f = useFormat();
  const problemText = useProblemText(target);
  const [input, setInput] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [found, setFound] = useState<{ id: string; runs: RunDoc[]; more: boolean } | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkCustomerId(input);
    if (!checked.ok) {
      setFound(null);
      return setError(t(checked.problem === 'empty' ? 'runs.lookup.empty' : checked.problem === 'tooLong' ? 'runs.lookup.tooLong' : 'runs.lookup.control'));
    }
    setBusy(true);
    setError(null);
    const r = await lookupCustomer(target, checked.id);
    setBusy(false);
    if (!r.ok) {
      setFound(null);
      return setError(problemText(r.problem));
    }
    // This journey's runs first, the newest first.
    const runs = [...r.data.runs].sort((a, b) => Number(b.journeyId === journeyId) - Number(a.journeyId === journeyId) || b.createdAt - a.createdAt);
    setFound({ id: checked.id, runs, more: r.data.more });
  };

  return (
    <section aria-label={t('runs.lookup')}>
      <h4>{t('runs.lookup')}</h4>
      <form onSubmit={(e) => void submit(e)}>
        <input type="text" aria-label={t('runs.lookup.label')} value={input} maxLength={400} onChange={(e) => setInput(e.target.value)} />
        <button type="submit" disabled={busy}>{t('runs.lookup.button')}</button>
      </form>
      {error && <p className="error" role="alert">{error}</p>}
      {found && found.runs.length === 0 && <p role="status">{t('runs.lookup.none', { id: found.id })}</p>}
      {found && found.more && <p className="muted">{t('runs.lookup.more', { count: maxCustomerRuns })}</p>}
      {found?.runs.map((run) => {
        const s = runSummary(run);
        const ours = run.journeyId === journeyId;
        return (
          <div key={run._id} className="run-card" data-testid="run-card">
            <strong>{t('runs.run.heading', { journey: ours ? t('runs.run.thisJourney') : run.journeyId, version: s.version, status: t('runs.status', { status: s.status }) })}</strong>
            {s.nodeId && <span>{t('runs.run.at', { node: ours ? nodeLabel(s.nodeId) : s.nodeId })}</span>}
            {s.failure && <span className="error">{s.failure}</span>}
            <table className="runs-table">
              <thead><tr><th>{t('runs.history.when')}</th><th>{t('runs.history.step')}</th><th>{t('runs.history.what')}</th><th>{t('runs.history.key')}</th></tr></thead>
              <tbody>
                {runHistory(run).map((row, i) => (
                  <tr key={i} data-what={row.what}>
                    <td>{f.dateTime(row.at)}</td>
                    <td>{ours ? nodeLabel(row.nodeId) : row.nodeId}</td>
                    <td>{t('runs.what', { what: row.what })}{row.message ? ` — ${row.message}` : ''}</td>
                    <td className="key">{row.key ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </section>
  );
}
