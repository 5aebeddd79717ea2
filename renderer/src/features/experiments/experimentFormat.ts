import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import type { Experiment } from '../../../../common/experiments/model';
import { useT } from '../../i18n';

/** Experiment figures written the way the screen's language writes numbers (Intl). */
export interface ExperimentFormat {
  /** A fraction (0.1234) as a percentage with `decimals` fixed decimals. */
  pct(fraction: number, decimals: number): string;
  /** A figure with a fixed number of decimals. */
  fixed(value: number, decimals: number): string;
  /** A count with grouping. */
  count(value: number): string;
  /** A plain number (alpha, a threshold) with up to `maxDigits` decimals. */
  number(value: number, maxDigits?: number): string;
  /** A p-value: four decimals, or scientific below 0.0001 (as the memo prints it). */
  p(value: number): string;
  /** A signed effect in the primary metric's unit: rate points, hours or the metric's own units. */
  effect(value: number): string;
}

/** The formatters for one experiment on screen (its metric decides the unit of effects). */
export function useExperimentFormat(e: Experiment): ExperimentFormat {
  const { locale } = useIntl();
  const t = useT();
  const kind = e.primaryMetric.kind;
  return useMemo(() => {
    const fixeds = new Map<number, Intl.NumberFormat>();
    const percents = new Map<number, Intl.NumberFormat>();
    const fixed = (d: number) => fixeds.get(d) ?? fixeds.set(d, new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d })).get(d)!;
    const percent = (d: number) => percents.get(d) ?? percents.set(d, new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: d, maximumFractionDigits: d })).get(d)!;
    const signed = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'always' });
    const scientific = new Intl.NumberFormat(locale, { notation: 'scientific', maximumFractionDigits: 1 });
    const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    return {
      pct: (fraction, decimals) => percent(decimals).format(fraction),
      fixed: (value, decimals) => fixed(decimals).format(value),
      count: (value) => count.format(value),
      number: (value, maxDigits = 4) => new Intl.NumberFormat(locale, { maximumFractionDigits: maxDigits }).format(value),
      p: (value) => (value < 1e-4 ? scientific.format(value) : fixed(4).format(value)),
      effect: (value) => t('experiments.effect', { unit: kind === 'conversion' ? 'points' : kind === 'timeToConvert' ? 'hours' : 'units', value: signed.format(kind === 'conversion' ? 100 * value : value) }),
    };
  }, [locale, t, kind]);
}
