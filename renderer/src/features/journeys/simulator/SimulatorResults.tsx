import type { FlowNode } from '../../../../../common/journey';
import type { Channel, SimulationReport } from '../../../../../common/flowEngine';
import { formatDuration } from '../../../../../common/journeyAnalytics/report';

const channelNames: Record<Channel, string> = { email: 'Email', sms: 'SMS', whatsapp: 'WhatsApp', webhook: 'Webhook', ticket: 'Ticket', surveyLink: 'Survey link' };
const statusNames = { exited: 'exited', completed: 'completed', converted: 'converted', handedOver: 'handed over', failed: 'failed', waiting: 'still waiting', sending: 'sending' } as const;
/** Days shown in the messages table; the rest are summed in a last row. */
const dayRows = 60;

/** The figures of one simulation beside the flow (per-node counts are on the canvas). */
export function SimulatorResults({ report, nodes, onSelect }: { report: SimulationReport; nodes: readonly FlowNode[]; onSelect: (nodeId: string) => void }) {
  const label = (id: string) => nodes.find((n) => n.id === id)?.label ?? id;
  const channels = (Object.keys(channelNames) as Channel[]).filter((c) => report.messagesPerDay.some((d) => d.counts[c]));
  const shown = report.messagesPerDay.slice(0, dayRows);
  const rest = report.messagesPerDay.slice(dayRows);
  const pct = (n: number, of: number) => (of === 0 ? '–' : `${((n / of) * 100).toFixed(1)} %`);
  return (
    <div className="sim-results" data-testid="sim-results">
      <p role="status">
        <strong>{report.started.toLocaleString()}</strong> of {report.customers.toLocaleString()} customers started:{' '}
        {Object.entries(report.outcomes).map(([k, v]) => `${v.toLocaleString()} ${statusNames[k as keyof typeof statusNames]}`).join(', ')}.
        {' '}{report.steps.toLocaleString()} steps.
      </p>
      <p>Time to exit: median <strong>{formatDuration(report.timeToExit.median)}</strong>, p90 <strong>{formatDuration(report.timeToExit.p90)}</strong>
        {' '}({report.timeToExit.count.toLocaleString()} runs ended)</p>

      {report.unreached.length > 0 && (
        <section aria-label="Steps no one reaches">
          <h4>Steps no one reaches</h4>
          <ul>{report.unreached.map((id) => <li key={id}><button type="button" className="link" onClick={() => onSelect(id)}>{label(id)}</button></li>)}</ul>
        </section>
      )}

      {report.failures.length > 0 && (
        <section aria-label="Simulated failures">
          <h4>Failures</h4>
          <ul>{report.failures.map((f) => (
            <li key={`${f.nodeId}-${f.code}`} className="problem problem-error">
              <button type="button" className="link" onClick={() => onSelect(f.nodeId)}>{label(f.nodeId)}</button>: {f.count.toLocaleString()} × {f.example}
            </li>
          ))}</ul>
        </section>
      )}

      {report.arms.map((split) => {
        const total = split.arms.reduce((s, a) => s + a.count, 0);
        return (
          <section key={split.nodeId} aria-label={`Arms of ${split.label}`}>
            <h4>A/B arms: {split.label}</h4>
            <table className="sim-table">
              <thead><tr><th>Arm</th><th>Designed</th><th>Customers</th><th>Share</th></tr></thead>
              <tbody>{split.arms.map((a) => (
                <tr key={a.handle} data-arm={a.label}><td>{a.label}</td><td>{a.percent} %</td><td className="num">{a.count.toLocaleString()}</td><td className="num">{pct(a.count, total)}</td></tr>
              ))}</tbody>
            </table>
          </section>
        );
      })}

      <section aria-label="Messages per day">
        <h4>Messages per channel per day</h4>
        {channels.length === 0 ? <p className="muted">No messages would be sent.</p> : (
          <table className="sim-table">
            <thead><tr><th>Day</th>{channels.map((c) => <th key={c}>{channelNames[c]}</th>)}</tr></thead>
            <tbody>
              {shown.map((d) => <tr key={d.day}><td>{d.day + 1}</td>{channels.map((c) => <td key={c} className="num">{(d.counts[c] ?? 0).toLocaleString()}</td>)}</tr>)}
              {rest.length > 0 && (
                <tr><td>{dayRows + 1}–{rest[rest.length - 1]!.day + 1}</td>
                  {channels.map((c) => <td key={c} className="num">{rest.reduce((s, d) => s + (d.counts[c] ?? 0), 0).toLocaleString()}</td>)}</tr>
              )}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
