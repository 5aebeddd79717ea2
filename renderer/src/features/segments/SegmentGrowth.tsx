import { useT } from '../../i18n';

/**
 * A segment's size over time as a small step line (members who had responded by the end of each
 * day); the first and last sizes are written beside it and every day is in the accessible label.
 */
export function SegmentGrowth({ name, points }: { name: string; points: { day: string; size: number }[] }) {
  const t = useT();
  if (points.length === 0) return <span className="muted">{t('analytics.seg.noDated')}</span>;
  const w = 140, h = 32;
  const max = Math.max(1, ...points.map((p) => p.size));
  const x = (i: number) => (points.length === 1 ? w / 2 : (i / (points.length - 1)) * w);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${(h - (p.size / max) * (h - 2) - 1).toFixed(1)}`).join(' ');
  const first = points[0]!, last = points[points.length - 1]!;
  // Long histories are summarised in the label: every day would make it unreadable.
  const shown = points.length <= 30 ? points : [...points.slice(0, 5), ...points.slice(-25)];
  return (
    <span className="segment-growth">
      <svg width={w} height={h} role="img" aria-label={t('analytics.seg.sizeOverTime', { name, days: shown.map((p) => `${p.day} ${p.size}`).join(', ') })}>
        <path d={path} fill="none" stroke="#4f46e5" strokeWidth={1.5} />
      </svg>
      <span className="muted" data-testid="segment-growth">{first.day}: {first.size} → {last.day}: {last.size}</span>
    </span>
  );
}
