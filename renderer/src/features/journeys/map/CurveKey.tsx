import { memo } from 'react';
import type { Curve, Stage } from '../../../../../common/journey';
import type { PersonaRef } from '../store';
import { useT } from '../../../i18n';

/** A marker of a curve at a stage, where it is drawn. */
export interface CurveMarker {
  curve: Curve;
  stageId: string;
  stageName: string;
  value: number;
  cx: number;
  cy: number;
}

/** Markers of different curves closer than this (px) at one stage are set side by side. */
const overlapPx = 12;

/**
 * Every curve's markers, stage by stage (so Tab goes through one stage's markers before the next
 * stage's), with markers that would cover each other moved apart sideways so each can be grabbed.
 */
export function curveMarkers(
  curves: readonly Curve[], stages: readonly Stage[], drag: { curveId: string; stageId: string; value: number } | null,
  x: (i: number) => number, y: (v: number) => number,
): CurveMarker[] {
  const out: CurveMarker[] = [];
  stages.forEach((s, i) => {
    const here: CurveMarker[] = [];
    for (const curve of curves) {
      const value = drag && drag.curveId === curve.id && drag.stageId === s.id ? drag.value : curve.points[s.id];
      if (value !== undefined) here.push({ curve, stageId: s.id, stageName: s.name, value, cx: x(i), cy: y(value) });
    }
    const clusters: CurveMarker[][] = [];
    for (const m of here) {
      const near = clusters.find((c) => c.some((o) => Math.abs(o.cy - m.cy) < overlapPx));
      if (near) near.push(m);
      else clusters.push([m]);
    }
    for (const c of clusters) c.forEach((m, k) => { m.cx += (k - (c.length - 1) / 2) * 16; });
    out.push(...here);
  });
  return out;
}

/** What a curve stands for, in words: its name, as-is or to-be, and its persona. */
export function curveMeaning(t: ReturnType<typeof useT>, curve: Curve, personas: readonly PersonaRef[]): string {
  const persona = curve.personaId ? personas.find((p) => p.id === curve.personaId)?.name : undefined;
  return t('journeyMap.curve.meaning', {
    label: curve.label || t('journeyMap.curve.unnamed'),
    variant: curve.variant === 'as-is' ? 'asIs' : 'toBe',
    who: curve.personaId ? 'persona' : 'anyone',
    persona: persona ?? t('journeyMap.curve.removedPersona'),
  });
}

/** The chart's key: each curve's line style and colour with its name, as-is or to-be, and persona. */
export const CurveKey = memo(function CurveKey({ curves, personas }: { curves: readonly Curve[]; personas: readonly PersonaRef[] }) {
  const t = useT();
  if (curves.length === 0) return null;
  return (
    <ul className="curve-key" aria-label={t('journeyMap.curve.keyLabel')}>
      {curves.map((c) => (
        <li key={c.id}>
          <svg width={28} height={10} aria-hidden="true">
            <line x1={0} x2={28} y1={5} y2={5} stroke={c.colour} strokeWidth={2.5} strokeDasharray={c.variant === 'to-be' ? '6 4' : undefined} />
            <circle cx={14} cy={5} r={4} fill={c.colour} />
          </svg>
          <span>{curveMeaning(t, c, personas)}</span>
        </li>
      ))}
    </ul>
  );
});
