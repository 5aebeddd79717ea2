import { useState } from 'react';
import type { CustomerFilter, JourneyComparison, StageSpec } from '../../../../common/journeyAnalytics';
import { useT } from '../../i18n';
import type { JourneyClient } from '../../workers/journeyClient';
import type { LoadedLog } from '../../workers/journeyProtocol';
import { useJourneyFormat } from './journeyFormat';

const day = 86_400_000;
const isoDay = (t: number) => new Date(t).toISOString().slice(0, 10);

/**
 * Two groups of customers side by side: two segments (the value of a property on a customer's first
 * event) or two periods (when the first event happened, UTC days). Per stage, the share of starters
 * who reached it in each group and the difference with its 95 % interval (Newcombe).
 */
export function ComparePanel({ log, stages, worker, inactiveAfterMs }: { log: LoadedLog; stages: StageSpec[]; worker: () => JourneyClient; inactiveAfterMs: number }) {
  const t = useT();
  const fmt = useJourneyFormat();
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
      if (!property || !a || !b) { setProblem(t('journeyAnalytics.compare.chooseValues')); return; }
      fa = { kind: 'property', property, values: [a] }; fb = { kind: 'property', property, values: [b] };
      labels = [t('journeyAnalytics.compare.segment', { property, value: a }), t('journeyAnalytics.compare.segment', { property, value: b })];
    } else {
      const dayOf = (s: string) => Date.parse(`${s}T00:00:00Z`);
      const [af, at, bf, bt] = [dayOf(periods.aFrom), dayOf(periods.aTo), dayOf(periods.bFrom), dayOf(periods.bTo)];
      if ([af, at, bf, bt].some(Number.isNaN) || af >= at || bf >= bt) { setProblem(t('journeyAnalytics.compare.periodOrder')); return; }
      fa = { kind: 'period', from: af, to: at }; fb = { kind: 'period', from: bf, to: bt };
      labels = [t('journeyAnalytics.compare.period', { from: periods.aFrom, to: periods.aTo }), t('journeyAnalytics.compare.period', { from: periods.bFrom, to: periods.bTo })];
    }
    const res = await worker().compare(log.key, stages, fa, fb, { inactiveAfterMs, topPaths: 0 });
    if (res.ok) { setResult({ labels, c: res.data }); setProblem(null); } else setProblem(res.message);
  };

  const share = (reached: number, start: number) => (start > 0 ? t('journeyAnalytics.compare.share', { count: fmt.count(reached), rate: fmt.rate(reached / start) }) : fmt.rate(null));
  return (
    <section aria-label={t('journeyAnalytics.compare.region')} className="compare-panel">
      <h3>{t('journeyAnalytics.compare.title')}</h3>
      <div className="toolbar">
        <select aria-label={t('journeyAnalytics.compare.by')} value={mode} onChange={(e) => setMode(e.target.value as 'segments' | 'periods')}>
          <option value="segments" disabled={log.properties.length === 0}>{t('journeyAnalytics.compare.segments')}</option>
          <option value="periods">{t('journeyAnalytics.compare.periods')}</option>
        </select>
        {mode === 'segments' ? (
          <>
            <select aria-label={t('journeyAnalytics.compare.property')} value={property} onChange={(e) => { setProperty(e.target.value); const v = log.propertyValues[e.target.value] ?? []; setA(v[0] ?? ''); setB(v[1] ?? ''); }}>
              {log.properties.map((p) => <option key={p} value={p}>{p}</option>)}
            </select>
            <select aria-label={t('journeyAnalytics.compare.segmentA')} value={a} onChange={(e) => setA(e.target.value)}>{values.map((v) => <option key={v} value={v}>{v}</option>)}</select>
            <span>{t('journeyAnalytics.compare.versus')}</span>
            <select aria-label={t('journeyAnalytics.compare.segmentB')} value={b} onChange={(e) => setB(e.target.value)}>{values.map((v) => <option key={v} value={v}>{v}</option>)}</select>
          </>
        ) : (
          <>
            {(['aFrom', 'aTo', 'bFrom', 'bTo'] as const).map((k) => (
              <input key={k} type="date" aria-label={t(`journeyAnalytics.compare.${k}`)}
                value={periods[k]} onChange={(e) => setPeriods({ ...periods, [k]: e.target.value })} />
            ))}
          </>
        )}
        <button type="button" onClick={() => void run()}>{t('journeyAnalytics.compare.run')}</button>
      </div>
      {problem && <p className="error" role="alert">{problem}</p>}
      {result && (
        <table className="data-table" aria-label={t('journeyAnalytics.compare.table')}>
          <thead><tr><th scope="col">{t('journeyAnalytics.compare.stage')}</th><th scope="col">{result.labels[0]}</th><th scope="col">{result.labels[1]}</th><th scope="col">{t('journeyAnalytics.compare.difference')}</th></tr></thead>
          <tbody>
            {result.c.a.stages.map((s, i) => (
              <tr key={s.stageId}>
                <th scope="row">{s.name}</th>
                <td className="num">{share(s.reachStrict, result.c.a.stages[0]!.reachStrict)}</td>
                <td className="num">{share(result.c.b.stages[i]!.reachStrict, result.c.b.stages[0]!.reachStrict)}</td>
                <td>{fmt.difference(result.c.reach[i] ?? null)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t('journeyAnalytics.compare.medianTime')}</th>
              <td className="num">{fmt.duration(result.c.a.timeToComplete.median)}</td>
              <td className="num">{fmt.duration(result.c.b.timeToComplete.median)}</td>
              <td>{fmt.signedDuration(result.c.medianTimeToComplete)}</td>
            </tr>
          </tbody>
        </table>
      )}
    </section>
  );
}
