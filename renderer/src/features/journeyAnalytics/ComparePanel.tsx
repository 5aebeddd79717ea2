import { useState } from 'react';
import type { CustomerFilter, JourneyComparison, RateDifference, StageSpec } from '../../../../common/journeyAnalytics';
import { formatDuration, formatRate } from '../../../../common/journeyAnalytics/report';
import type { JourneyClient } from '../../workers/journeyClient';
import type { LoadedLog } from '../../workers/journeyProtocol';

const day = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/** "+4.2 pts (−1.0 to +9.5)" for a difference of rates with its 95 % interval. */
export function formatDifference(d: RateDifference): string {
  if (!d) return '–';
  const pts = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)}`;
  return `${pts(d.difference)} pts (${pts(d.low)} to ${pts(d.high)})`;
}

/**
 * Two groups of customers side by side: two segments (the value of a property on a customer's first
 * event) or two periods (when the first event happened, UTC days). Per stage, the share of starters
 * who reached it in each group and the difference with its 95 % interval (Newcombe).
 */
export function ComparePanel({ log, stages, worker, inactiveAfterMs }: { log: LoadedLog; stages: StageSpec[]; worker: () => JourneyClient; inactiveAfterMs: number }) {
  const [mode, setMode] = useState<'segments' | 'periods'>(log.properties.length > 0 ? 'segments' : 'periods');
  const [property, setProperty] = useState(log.properties[0] ?? '');
  const values = log.propertyValues[property] ?? [];
  const [a, setA] = useState(values[0] ?? '');
  const [b, setB] = useState(values[1] ?? '');
  const mid = isoDay(log.from + Math.floor((log.to - log.from) / 2));
  const [periods, setPeriods] = useState({ aFrom: isoDay(log.from), aTo: mid, bFrom: mid, bTo: isoDay(log.to + day) });
  const [result, setResult] = useState<{ labels: [string, string]; c: JourneyComparison } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async () => {
    let fa: CustomerFilter, fb: CustomerFilter, labels: [string, string];
    if (mode === 'segments') {
      if (!property || !a || !b) { setProblem('Choose a property and two of its values.'); return; }
      fa = { kind: 'property', property, values: [a] }; fb = { kind: 'property', property, values: [b] };
      labels = [`${property} = ${a}`, `${property} = ${b}`];
    } else {
      const t = (s: string) => Date.parse(`${s}T00:00:00Z`);
      const [af, at, bf, bt] = [t(periods.aFrom), t(periods.aTo), t(periods.bFrom), t(periods.bTo)];
      if ([af, at, bf, bt].some(Number.isNaN) || af >= at || bf >= bt) { setProblem('Each period needs a start day before its end day.'); return; }
      fa = { kind: 'period', from: af, to: at }; fb = { kind: 'period', from: bf, to: bt };
      labels = [`${periods.aFrom} – ${periods.aTo}`, `${periods.bFrom} – ${periods.bTo}`];
    }
    const res = await worker().compare(log.key, stages, fa, fb, { inactiveAfterMs, topPaths: 0 });
    if (res.ok) { setResult({ labels, c: res.data }); setProblem(null); } else setProblem(res.message);
  };

  const share = (reached: number, start: number) => (start > 0 ? `${reached.toLocaleString()} (${formatRate(reached / start)})` : '–');
  return (
    <section aria-label="Compare two groups" className="compare-panel">
      <h3>Compare</h3>
      <div className="toolbar">
        <select aria-label="Compare by" value={mode} onChange={(e) => setMode(e.target.value as 'segments' | 'periods')}>
          <option value="segments" disabled={log.properties.length === 0}>two segments</option>
          <option value="periods">two periods</option>
        </select>
        {mode === 'segments' ? (
          <>
            <select aria-label="Segment property" value={property} onChange={(e) => { setProperty(e.target.value); const v = log.propertyValues[e.target.value] ?? []; setA(v[0] ?? ''); setB(v[1] ?? ''); }}>
              {log.properties.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
            <select aria-label="Segment A" value={a} onChange={(e) => setA(e.target.value)}>{values.map((v) => <option key={v} value={v}>{v}</option>)}</select>
            <span>vs</span>
            <select aria-label="Segment B" value={b} onChange={(e) => setB(e.target.value)}>{values.map((v) => <option key={v} value={v}>{v}</option>)}</select>
          </>
        ) : (
          <>
            {(['aFrom', 'aTo', 'bFrom', 'bTo'] as const).map((k) => (
              <input key={k} type="date" aria-label={{ aFrom: 'Period A from', aTo: 'Period A to', bFrom: 'Period B from', bTo: 'Period B to' }[k]}
                value={periods[k]} onChange={(e) => setPeriods({ ...periods, [k]: e.target.value })} />
            ))}
          </>
        )}
        <button type="button" onClick={() => void run()}>Compare</button>
      </div>
      {problem && <p className="error" role="alert">{problem}</p>}
      {result && (
        <table className="data-table" aria-label="Comparison">
          <thead><tr><th scope="col">Stage</th><th scope="col">{result.labels[0]}</th><th scope="col">{result.labels[1]}</th><th scope="col">Difference (95 % interval)</th></tr></thead>
          <tbody>
            {result.c.a.stages.map((s, i) => (
              <tr key={s.stageId}>
                <th scope="row">{s.name}</th>
                <td className="num">{share(s.reachStrict, result.c.a.stages[0]!.reachStrict)}</td>
                <td className="num">{share(result.c.b.stages[i]!.reachStrict, result.c.b.stages[0]!.reachStrict)}</td>
                <td>{formatDifference(result.c.reach[i] ?? null)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">Median time to complete</th>
              <td className="num">{formatDuration(result.c.a.timeToComplete.median)}</td>
              <td className="num">{formatDuration(result.c.b.timeToComplete.median)}</td>
              <td>{result.c.medianTimeToComplete === null ? '–' : `${result.c.medianTimeToComplete >= 0 ? '+' : '−'}${formatDuration(Math.abs(result.c.medianTimeToComplete))}`}</td>
            </tr>
          </tbody>
        </table>
      )}
    </section>
  );
}
