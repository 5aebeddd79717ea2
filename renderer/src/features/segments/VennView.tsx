import { useT } from '../../i18n';

/**
 * A Venn view of 2 or 3 segments: circles of equal size (positions fixed, not proportional to size)
 * with the count of each region written in it, so the numbers carry the meaning.
 */
const colours = ['#4f46e5', '#db2777', '#059669'];
const centres2 = [[110, 100], [190, 100]];
const centres3 = [[115, 85], [185, 85], [150, 145]];
// Where each region's count is written, by the bit set of its segments.
const labels2: Record<number, [number, number]> = { 1: [70, 100], 2: [230, 100], 3: [150, 100] };
const labels3: Record<number, [number, number]> = { 1: [85, 70], 2: [215, 70], 4: [150, 190], 3: [150, 65], 5: [118, 135], 6: [182, 135], 7: [150, 108] };

export function VennView(props: { names: string[]; regions: { sets: number; count: number }[] }) {
  const t = useT();
  const three = props.names.length === 3;
  const centres = three ? centres3 : centres2;
  const at = three ? labels3 : labels2;
  const describe = props.regions.map((r) => {
    const names = props.names.filter((_, i) => r.sets & (1 << i)).join(t('analytics.seg.and'));
    return t(r.sets & (r.sets - 1) ? 'analytics.seg.regionAll' : 'analytics.seg.regionOnly', { names, count: r.count });
  }).join('; ');
  return (
    <figure className="chart venn" aria-label={t('analytics.seg.vennView')}>
      <svg viewBox="0 0 300 230" width="300" height="230" role="img" aria-label={describe}>
        {centres.map(([x, y], i) => <circle key={i} cx={x} cy={y} r={75} fill={colours[i]} fillOpacity={0.18} stroke={colours[i]} strokeWidth={2} />)}
        {props.regions.map((r) => {
          const p = at[r.sets];
          return p ? <text key={r.sets} x={p[0]} y={p[1]} textAnchor="middle" fontSize="14" data-sets={r.sets}>{r.count}</text> : null;
        })}
      </svg>
      <figcaption>{props.names.map((n, i) => <span key={n} style={{ color: colours[i] }}>● {n} </span>)}</figcaption>
    </figure>
  );
}
