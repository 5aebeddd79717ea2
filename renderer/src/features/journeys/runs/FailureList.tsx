import { useState } from 'react';
import type { FailureDoc } from '../../../../../common/journeyRuns/panel';
import { useFormat, useT } from '../../../i18n';
import { maxListedFailures, retryRun, type RunsTarget } from './runsApi';
import { useProblemText } from './problemText';

/** The journey's dead letters, newest first, each with its reason and a Retry (editors and admins). */
export function FailureList({ target, failures, more, canAct, nodeLabel, onRetried }: {
  target: RunsTarget;
  failures: FailureDoc[];
  more: boolean;
  canAct: boolean;
  nodeLabel: (id: string) => string;
  onRetried: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const problemText = useProblemText(target);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const retry = async (failure: FailureDoc) => {
    setBusy(failure.runId);
    const r = await retryRun(target, failure.runId);
    setBusy(null);
    if (!r.ok) return setMessage({ text: problemText(r.problem), error: true });
    if ('refused' in r.data) return setMessage({ text: t(r.data.refused === 'gone' ? 'runs.retry.gone' : 'runs.retry.notFailed'), error: true });
    setMessage({ text: t('runs.retry.asked', { customer: failure.customerId }), error: false });
    onRetried();
  };

  return (
    <section aria-label={t('runs.failures')}>
      <h4>{t('runs.failures')}</h4>
      {message && <p className={message.error ? 'error' : 'muted'} role={message.error ? 'alert' : 'status'}>{message.text}</p>}
      {failures.length === 0 ? <p className="muted">{t('runs.failures.none')}</p> : (
        <table className="runs-table">
          <thead><tr><th>{t('runs.failures.customer')}</th><th>{t('runs.failures.step')}</th><th>{t('runs.failures.reason')}</th><th>{t('runs.failures.when')}</th><th /></tr></thead>
          <tbody>
            {failures.map((x) => (
              <tr key={x._id} data-testid="failure-row">
                <td>{x.customerId}</td>
                <td>{t('runs.failures.stepVersion', { step: nodeLabel(x.nodeId), version: x.version })}</td>
                <td>{x.message}</td>
                <td>{f.dateTime(x.at)}</td>
                <td>{canAct && <button type="button" disabled={busy !== null} onClick={() => void retry(x)} aria-label={t('runs.retry.label', { customer: x.customerId })}>{t('runs.retry')}</button>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more && <p className="muted">{t('runs.failures.more', { count: maxListedFailures })}</p>}
    </section>
  );
}
