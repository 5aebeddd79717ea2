/**
 * How the journey analytics screens write their figures in the app's language: counts, rates with
 * one decimal (as the exports print them), durations and rate differences with their interval.
 */
import { useMemo } from 'react';
import type { RateDifference } from '../../../../common/journeyAnalytics';
import { useIntl } from 'react-intl';
import type { MessageId, MessageValues } from '../../i18n';

/** A message lookup: `useT()` in components, `translate` elsewhere. */
export type Words = (id: MessageId, values?: MessageValues) => string;

/** The formatting functions of one language. */
export interface JourneyFormat {
  t: Words;
  count(n: number): string;
  /** A share 0–1 as "12.3%", or "–". */
  rate(r: number | null): string;
  /** "45 s", "12 min", "3.5 h", "2.1 d", or "–". */
  duration(ms: number | null): string;
  /** A difference of durations with its sign, or "–". */
  signedDuration(ms: number | null): string;
  /** "+4.2 pts (−1.0 to +9.5)" for a difference of rates with its 95 % interval, or "–". */
  difference(d: RateDifference): string;
  /** Names joined as the language lists them ("a, b and c"). */
  list(items: readonly string[]): string;
}

/** The formatting functions of a locale, words looked up with `t`. */
export function journeyFormat(locale: string, t: Words): JourneyFormat {
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const points = new Intl.NumberFormat(locale, { signDisplay: 'always', minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const list = new Intl.ListFormat(locale, { type: 'conjunction' });
  const duration = (ms: number | null) => {
    if (ms === null) return t('journeyAnalytics.duration.none');
    const s = ms / 1000;
    if (s < 60) return t('journeyAnalytics.duration.seconds', { value: Math.round(s) });
    if (s < 3600) return t('journeyAnalytics.duration.minutes', { value: Math.round(s / 60) });
    if (s < 86400) return t('journeyAnalytics.duration.hours', { value: Math.round(s / 360) / 10 });
    return t('journeyAnalytics.duration.days', { value: Math.round(s / 8640) / 10 });
  };
  return {
    t,
    count: (n) => integer.format(n),
    rate: (r) => (r === null ? t('journeyAnalytics.duration.none') : percent.format(r)),
    duration,
    signedDuration: (ms) => (ms === null ? t('journeyAnalytics.duration.none') : `${ms >= 0 ? '+' : '−'}${duration(Math.abs(ms))}`),
    difference: (d) => (d
      ? t('journeyAnalytics.difference', { difference: pts(points, d.difference), low: pts(points, d.low), high: pts(points, d.high) })
      : t('journeyAnalytics.duration.none')),
    list: (items) => list.format(items),
  };
}

// A typographic minus, as the screens wrote it before (Intl writes a hyphen-minus in some locales).
const pts = (f: Intl.NumberFormat, v: number) => f.format(v * 100).replace('-', '−');

/** The journey formatting of the language shown (changes with it). */
export function useJourneyFormat(): JourneyFormat {
  const intl = useIntl();
  return useMemo(() => journeyFormat(intl.locale, (id, values) => intl.formatMessage({ id }, values)), [intl]);
}
