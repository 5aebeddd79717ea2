import { liveTarget } from '../../../../common/analytics/liveFigures';
import type { PersonaDashboard } from '../../workers/dashboard';
import { DistributionPie, VolumeBar } from './charts';
import { mean, nps, pct } from './display';
import { EvolutionPanel } from './EvolutionPanel';
import { KpiCards } from './KpiCards';
import type { AnalyticsPersona } from './personaModel';
import { TopMatches } from './TopMatches';

/** One persona's dashboard: KPIs, distribution, volume, live metrics, evolution and top matches. */
export function PersonaView(props: {
  persona: AnalyticsPersona; data: PersonaDashboard | undefined; digests: Record<string, string> | undefined; today: string; sigmas: number;
}) {
  const { persona, data } = props;
  const columns = new Map(persona.rules.map((r) => [r.id, r.column]));
  const withTarget = (key: string, rest: string) => {
    const target = liveTarget(persona.expectedMetrics, key);
    return target === undefined ? rest : `target ${target} · ${rest}`;
  };
  return (
    <div className="dashboard">
      {persona.ruleProblems.length > 0 && (
        <p role="alert" className="error-text">This persona's stored rules are invalid ({persona.ruleProblems[0]!.message}); it is scored with no rules until they are fixed.</p>
      )}
      {data && data.problems.length > 0 && (
        <ul className="error-text" aria-label="Rule problems">{data.problems.map((p) => <li key={p.ruleId}>Rule {p.ruleId}: {p.message}</li>)}</ul>
      )}
      {data && (
        <>
          <KpiCards items={[
            { id: 'responses', label: 'Responses', value: data.scored.toLocaleString() },
            { id: 'average', label: 'Average match', value: pct(data.averagePercent), hint: data.bestPercent !== null ? `best ${pct(data.bestPercent)}` : undefined },
            { id: 'coverage', label: 'Coverage', value: pct(data.coverage.percent), hint: `${data.coverage.covered} of ${data.coverage.total} ≥ 50` },
            { id: 'strong', label: 'Strong matches', value: data.distribution.strong.toLocaleString(), hint: '≥ 70' },
          ]} />
          <section aria-labelledby="live-title">
            <h3 id="live-title">Live metrics of matched responses ({data.live.responses})</h3>
            {/* Each figure in its target's unit: CSAT % and trust % are shares of 4–5 answers, CES a mean. */}
            <KpiCards items={[
              { id: 'nps', label: 'Loyalty (NPS)', value: nps(data.live.nps), hint: withTarget('loyalty', `mean ${mean(data.live.npsMean)} · ${data.live.promoters} promoters, ${data.live.detractors} detractors`) },
              { id: 'satisfaction', label: 'CSAT %', value: pct(data.live.csat), hint: withTarget('satisfaction', `4–5 of 5 · mean ${mean(data.live.satisfaction)}`) },
              { id: 'trust', label: 'Trust %', value: pct(data.live.trustPercent), hint: withTarget('trust', `4–5 of 5 · mean ${mean(data.live.trust)}`) },
              { id: 'effort', label: 'CES', value: mean(data.live.effort), hint: withTarget('effort', 'mean effort answer') },
            ]} />
          </section>
          <div className="chart-grid">
            <DistributionPie distribution={data.distribution} />
            <VolumeBar data={data.daily} buckets />
          </div>
        </>
      )}
      <EvolutionPanel persona={persona} digests={props.digests} today={props.today} sigmas={props.sigmas} />
      {data && (
        <section aria-labelledby="top-title">
          <h3 id="top-title">Top matches</h3>
          <TopMatches top={data.top} columns={columns} />
        </section>
      )}
    </div>
  );
}
