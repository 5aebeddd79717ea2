import { liveTarget } from '../../../../common/analytics/liveFigures';
import type { PersonaDashboard } from '../../workers/dashboard';
import { DistributionPie, VolumeBar } from './charts';
import { useT } from '../../i18n';
import { useAnalyticsFormat } from './display';
import { EvolutionPanel } from './EvolutionPanel';
import { KpiCards } from './KpiCards';
import { mismatchWords, useRuleProblemWords } from './ruleProblemWords';
import type { AnalyticsPersona } from './personaModel';
import { TopMatches } from './TopMatches';

/** One persona's dashboard: KPIs, distribution, volume, live metrics, evolution and top matches. */
export function PersonaView(props: {
  persona: AnalyticsPersona; data: PersonaDashboard | undefined; digests: Record<string, string> | undefined; today: string; sigmas: number;
}) {
  const { persona, data } = props;
  const t = useT();
  const ruleWords = useRuleProblemWords();
  const { mean, nps, pct, count } = useAnalyticsFormat();
  const columns = new Map(persona.rules.map((r) => [r.id, r.column]));
  const withTarget = (key: string, rest: string) => {
    const target = liveTarget(persona.expectedMetrics, key);
    return target === undefined ? rest : t('analytics.kpi.withTarget', { target, rest });
  };
  return (
    <div className="dashboard">
      {persona.ruleProblems.length > 0 && (
        <p role="alert" className="error-text">{t('analytics.persona.invalidRules', { message: ruleWords(persona.ruleProblems[0]!) })}</p>
      )}
      {data && data.problems.length > 0 && (
        <ul className="error-text" aria-label={t('analytics.persona.ruleProblems')}>{data.problems.map((p) => <li key={p.ruleId}>{t('analytics.persona.ruleProblem', { rule: p.ruleId, message: mismatchWords(t, p) })}</li>)}</ul>
      )}
      {data && (
        <>
          <KpiCards items={[
            { id: 'responses', label: t('analytics.kpi.responses'), value: count(data.scored) },
            { id: 'average', label: t('analytics.kpi.average'), value: pct(data.averagePercent), hint: data.bestPercent !== null ? t('analytics.kpi.best', { value: pct(data.bestPercent) }) : undefined },
            { id: 'coverage', label: t('analytics.kpi.coverage'), value: pct(data.coverage.percent), hint: t('analytics.kpi.coverageHint', { covered: data.coverage.covered, total: data.coverage.total }) },
            { id: 'strong', label: t('analytics.kpi.strong'), value: count(data.distribution.strong), hint: '≥ 70' },
          ]} />
          <section aria-labelledby="live-title">
            <h3 id="live-title">{t('analytics.persona.live', { count: data.live.responses })}</h3>
            {/* Each figure in its target's unit: CSAT % and trust % are shares of 4–5 answers, CES a mean. */}
            <KpiCards items={[
              { id: 'nps', label: t('analytics.kpi.loyalty'), value: nps(data.live.nps), hint: withTarget('loyalty', t('analytics.kpi.npsHint', { mean: mean(data.live.npsMean), promoters: data.live.promoters, detractors: data.live.detractors })) },
              { id: 'satisfaction', label: t('analytics.kpi.csat'), value: pct(data.live.csat), hint: withTarget('satisfaction', t('analytics.kpi.shareHint', { mean: mean(data.live.satisfaction) })) },
              { id: 'trust', label: t('analytics.kpi.trust'), value: pct(data.live.trustPercent), hint: withTarget('trust', t('analytics.kpi.shareHint', { mean: mean(data.live.trust) })) },
              { id: 'effort', label: t('analytics.kpi.ces'), value: mean(data.live.effort), hint: withTarget('effort', t('analytics.kpi.cesHint')) },
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
          <h3 id="top-title">{t('analytics.persona.top')}</h3>
          <TopMatches top={data.top} columns={columns} />
        </section>
      )}
    </div>
  );
}
