import { Bar, BarChart, Cell, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type PieLabelRenderProps } from 'recharts';
import { newId, type ChartPoint } from '../../../../../common/persona';
import type { SectionProps } from './SectionBody';
import { X } from '../../../ui/icons';
import { WrapText } from '../../../ui/WrapText';
import { ChartLegend } from '../../../ui/ChartLegend';
import { useFormat, useRightToLeft, useT } from '../../../i18n';

const palette = ['var(--persona-accent)', '#0ea5e9', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#64748b', '#ec4899'];

/** A slice's value, drawn inside the slice (halfway out) so it can never be cut by the card's edge. */
function SliceValue({ cx, cy, midAngle, innerRadius, outerRadius, percent, value, unit }: PieLabelRenderProps & { unit: string }) {
  // Slices under 6 % have no room for a label; the legend and tooltip still name them.
  if ((percent ?? 0) < 0.06) return null;
  const r = ((Number(innerRadius) || 0) + (Number(outerRadius) || 0)) / 2;
  const angle = (-(midAngle ?? 0) * Math.PI) / 180;
  return (
    <text x={Number(cx) + r * Math.cos(angle)} y={Number(cy) + r * Math.sin(angle)} fill="#fff" fontSize={11} fontWeight={600}
      textAnchor="middle" dominantBaseline="central">{`${String(value)}${unit}`}</text>
  );
}

function listOf(locale: string, items: string[]): string {
  return new Intl.ListFormat(locale, { type: 'unit', style: 'short' }).format(items);
}

/** A pie or bar chart on data the user types into the table under it. */
export function ChartEditor({ section, edit }: SectionProps) {
  const points = (section.data.points ?? []) as ChartPoint[];
  const unit = String(section.data.unit ?? '');
  const t = useT();
  const format = useFormat();
  // Bars read from the right in Arabic, with the value axis on the right.
  const rtl = useRightToLeft();
  const name = section.title || t('personas.chart.default');
  const data = points.map((p) => ({ name: p.label || '—', value: p.value }));
  return (
    <div className="chart-editor">
      {/* One spoken summary for the picture; recharts' own labels inside it are not read (role img). */}
      <div className="chart" role="img" aria-label={t('personas.chart.summary', { name, values: listOf(format.locale, points.map((p) => `${p.label} ${format.number(p.value)}${unit}`)) })}>
        <ResponsiveContainer width="100%" height="100%">
          {section.type === 'pieChart' ? (
            <PieChart>
              {/* Names go in a legend that wraps, values inside the slices: labels drawn outside the pie were
                  clipped by the card's edge as soon as a name was longer than a word. */}
              <Pie data={data} dataKey="value" nameKey="name" outerRadius="90%" isAnimationActive={false} labelLine={false}
                label={(p: PieLabelRenderProps) => <SliceValue {...p} unit={unit} />}>
                {data.map((_, i) => <Cell key={i} fill={palette[i % palette.length]} />)}
              </Pie>
              <Legend verticalAlign="bottom" content={ChartLegend} wrapperStyle={{ fontSize: 12, lineHeight: '16px' }} />
              <Tooltip />
            </PieChart>
          ) : (
            <BarChart data={data}>
              <XAxis dataKey="name" fontSize={11} reversed={rtl} />
              <YAxis fontSize={11} width={36} orientation={rtl ? 'right' : 'left'} />
              <Tooltip />
              <Bar dataKey="value" fill="var(--persona-accent)" isAnimationActive={false} />
            </BarChart>
          )}
        </ResponsiveContainer>
      </div>
      <table className="chart-data">
        <tbody>
          {points.map((p, i) => (
            <tr key={p.id}>
              <td><WrapText aria-label={t('personas.chart.label', { name, n: i + 1 })} maxLength={200} value={p.label} onChange={(v) => edit({ kind: 'updateItem', sectionId: section.id, itemId: p.id, patch: { label: v } })} /></td>
              <td><input aria-label={t('personas.chart.value', { name, n: i + 1 })} type="number" min={0} value={p.value}
                onChange={(e) => {
                  const value = e.target.valueAsNumber;
                  if (Number.isFinite(value) && value >= 0) edit({ kind: 'updateItem', sectionId: section.id, itemId: p.id, patch: { value } });
                }} /></td>
              <td><button type="button" className="ghost" aria-label={t('personas.chart.removeRow', { name, n: i + 1 })} onClick={() => edit({ kind: 'removeItem', sectionId: section.id, itemId: p.id })}><X size={14} /></button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {points.length < 20 && (
        <button type="button" className="link" onClick={() => edit({ kind: 'addItem', sectionId: section.id, item: { id: newId(), label: t('personas.chart.newItem', { n: points.length + 1 }), value: 0 } })}>{t('personas.chart.addRow')}</button>
      )}
    </div>
  );
}
