import type { FlowNode } from '../../../../../common/journey';
import type { Channel, RunStatus, SimulationReport } from '../../../../../common/flowEngine';
import { useFormat, useT, type MessageId } from '../../../i18n';

const channels: readonly Channel[] = ['email', 'sms', 'whatsapp', 'webhook', 'ticket', 'surveyLink'];
const statuses: readonly RunStatus[] = ['exited', 'completed', 'converted', 'handedOver', 'failed', 'waiting', 'sending'];
/** Days shown in the messages table; the rest are summed in a last row. */
const dayRows = 60;

/** A duration in the largest unit that keeps it above 1 (s, min, h, d). */
function useDuration(): (ms: number | null) => string {
  const t = useT();
  return (ms) => {
    if (ms === null) return t('simulator.duration.none');
    const s = ms / 1000;
    if (s < 60) return t('simulator.duration.seconds', { value: s });
    if (s < 3600) return t('simulator.duration.minutes', { value: s / 60 });
    if (s < 86400) return t('simulator.duration.hours', { value: s / 3600 });
    return t('simulator.duration.days', { value: s / 86400 });
  };
}

/** The figures of one simulation beside the flow (per-step counts are on the canvas). */
export function SimulatorResults({ report, nodes, onSelect }: { report: SimulationReport; nodes: readonly FlowNode[]; onSelect: (nodeId: string) => void }) {
  const t = useT();
  const f = useFormat();
  const duration = useDuration();
  const label = (id: string) => nodes.find((n) => n.id === id)?.label ?? id;
  const used = channels.filter((c) => report.messagesPerDay.some((d) => d.counts[c]));
  const shown = report.messagesPerDay.slice(0, dayRows);
  const rest = report.messagesPerDay.slice(dayRows);
  const share = (n: number, of: number) => (of === 0 ? t('simulator.duration.none') : f.percent(n / of, 1));
  return (
    <div className="sim-results" data-testid="sim-results">
      <p role="status">{report.slots > 0
        ? t('simulator.summarySchedule', { started: report.started, customers: report.customers, slots: report.slots, steps: report.steps })
        : t('simulator.summary', { started: report.started, customers: report.customers, steps: report.steps })}</p>
      <table className="sim-table" aria-label={t('simulator.outcomes')}>
        <tbody>{statuses.filter((s) => report.outcomes[s]).map((s) => (
          <tr key={s}><td>{t(`simulator.outcome.${s}` as MessageId)}</td><td className="num">{f.number(report.outcomes[s]!)}</td></tr>
        ))}</tbody>
      </table>
      <p>{t('simulator.timeToExit', { median: duration(report.timeToExit.median), p90: duration(report.timeToExit.p90), count: report.timeToExit.count })}</p>

      {report.unreached.length > 0 && (
        <section aria-label={t('simulator.unreached')}>
          <h4>{t('simulator.unreached')}</h4>
          <ul>{report.unreached.map((id) => <li key={id}><button type="button" className="link" onClick={() => onSelect(id)}>{label(id)}</button></li>)}</ul>
        </section>
      )}

      {report.failures.length > 0 && (
        <section aria-label={t('simulator.failuresLabel')}>
          <h4>{t('simulator.failures')}</h4>
          <ul>{report.failures.map((x) => (
            <li key={`${x.nodeId}-${x.code}`} className="problem problem-error">
              <button type="button" className="link" onClick={() => onSelect(x.nodeId)}>{label(x.nodeId)}</button>
              {' '}{t('simulator.failureCount', { count: x.count, message: x.example })}
            </li>
          ))}</ul>
        </section>
      )}

      {report.arms.map((split) => {
        const total = split.arms.reduce((s, a) => s + a.count, 0);
        return (
          <section key={split.nodeId} aria-label={t('simulator.armsLabel', { split: split.label })}>
            <h4>{t('simulator.armsTitle', { split: split.label })}</h4>
            <table className="sim-table">
              <thead><tr><th>{t('simulator.arm')}</th><th>{t('simulator.designed')}</th><th>{t('simulator.armCustomers')}</th><th>{t('simulator.share')}</th></tr></thead>
              <tbody>{split.arms.map((a) => (
                <tr key={a.handle} data-arm={a.label}>
                  <td>{a.label}</td><td className="num">{f.percent(a.percent / 100)}</td><td className="num">{f.number(a.count)}</td><td className="num">{share(a.count, total)}</td>
                </tr>
              ))}</tbody>
            </table>
          </section>
        );
      })}

      <section aria-label={t('simulator.messagesLabel')}>
        <h4>{t('simulator.messagesTitle')}</h4>
        {used.length === 0 ? <p className="muted">{t('simulator.noMessages')}</p> : (
          <table className="sim-table">
            <thead><tr><th>{t('simulator.day')}</th>{used.map((c) => <th key={c}>{t(`simulator.channel.${c}` as MessageId)}</th>)}</tr></thead>
            <tbody>
              {shown.map((d) => <tr key={d.day}><td>{f.number(d.day + 1)}</td>{used.map((c) => <td key={c} className="num">{f.number(d.counts[c] ?? 0)}</td>)}</tr>)}
              {rest.length > 0 && (
                <tr><td>{t('simulator.dayRange', { from: dayRows + 1, to: rest[rest.length - 1]!.day + 1 })}</td>
                  {used.map((c) => <td key={c} className="num">{f.number(rest.reduce((s, d) => s + (d.counts[c] ?? 0), 0))}</td>)}</tr>
              )}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
