/**
 * The dashboard's recharts: match distribution (pie), response volume (bars, stacked by bucket for
 * one persona) and metric evolution (lines). Each chart is a figure with a caption; the numbers it
 * draws are also in the KPI cards or tables next to it, for keyboard and screen-reader users.
 */
import { ChartLegend } from '../../ui/ChartLegend';
import { Bar, BarChart, CartesianGrid, Cell, Legend, Line, LineChart, Pie, PieChart, ReferenceDot, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useRightToLeft, useT } from '../../i18n';
import { bucketColors } from './display';

/** Strong / moderate / weak shares. */
export function DistributionPie({ distribution }: { distribution: { strong: number; moderate: number; weak: number } }) {
  const t = useT();
  const data = [
    { name: t('analytics.chart.strongRange'), key: 'strong' as const, value: distribution.strong },
    { name: t('analytics.chart.moderateRange'), key: 'moderate' as const, value: distribution.moderate },
    { name: t('analytics.chart.weakRange'), key: 'weak' as const, value: distribution.weak },
  ];
  const total = data.reduce((s, d) => s + d.value, 0);
  return (
    <figure className="chart" aria-label={t('analytics.chart.distribution')}>
      <figcaption>{t('analytics.chart.distribution')}</figcaption>
      {total === 0 ? <p className="muted">{t('analytics.chart.noScored')}</p> : (
        <ResponsiveContainer width="100%" height={220}>
          <PieChart>
            <Pie data={data} dataKey="value" nameKey="name" innerRadius={50} outerRadius={85} isAnimationActive={false}>
              {data.map((d) => <Cell key={d.key} fill={bucketColors[d.key]} />)}
            </Pie>
            <Tooltip />
            <Legend content={ChartLegend} />
          </PieChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}

/** Responses per day; with buckets, stacked by strong / moderate / weak. */
export function VolumeBar({ data, buckets }: { data: { day: string; responses: number; strong?: number; moderate?: number; weak?: number }[]; buckets: boolean }) {
  const t = useT();
  // Right to left, days run from the right edge and the count axis sits there too.
  const rtl = useRightToLeft();
  return (
    <figure className="chart" aria-label={t('analytics.chart.volume')}>
      <figcaption>{t('analytics.chart.volumeCaption')}</figcaption>
      {data.length === 0 ? <p className="muted">{t('analytics.chart.noDated')}</p> : (
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={data}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="day" tick={{ fontSize: 11 }} reversed={rtl} />
            <YAxis allowDecimals={false} width={36} orientation={rtl ? 'right' : 'left'} />
            <Tooltip />
            {buckets ? (
              <>
                <Bar dataKey="strong" stackId="a" fill={bucketColors.strong} name={t('analytics.chart.strong')} isAnimationActive={false} />
                <Bar dataKey="moderate" stackId="a" fill={bucketColors.moderate} name={t('analytics.chart.moderate')} isAnimationActive={false} />
                <Bar dataKey="weak" stackId="a" fill={bucketColors.weak} name={t('analytics.chart.weak')} isAnimationActive={false} />
                <Legend content={ChartLegend} />
              </>
            ) : <Bar dataKey="responses" fill="#3d5afe" name={t('analytics.chart.responses')} isAnimationActive={false} />}
          </BarChart>
        </ResponsiveContainer>
      )}
    </figure>
  );
}

/** One metric over days, with anomalous days marked. */
export function EvolutionLine(props: { data: { day: string; value: number | null; responses: number }[]; metricLabel: string; anomalies: { day: string; value: number }[] }) {
  const t = useT();
  const rtl = useRightToLeft();
  const title = t('analytics.chart.overTime', { metric: props.metricLabel });
  return (
    <figure className="chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={props.data}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 11 }} reversed={rtl} />
          <YAxis width={40} orientation={rtl ? 'right' : 'left'} />
          <Tooltip />
          <Line type="monotone" dataKey="value" name={props.metricLabel} stroke="#3d5afe" connectNulls dot isAnimationActive={false} />
          {props.anomalies.map((a) => <ReferenceDot key={a.day} x={a.day} y={a.value} r={6} fill="#c62828" stroke="none" />)}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
