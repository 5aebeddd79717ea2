/**
 * Number, percent, date and time formatting for one locale, through Intl: the UI, the native menu
 * and the export builders format the same way. Formatter objects are costly to create, so each
 * locale's set is made once and kept.
 */

/** Formatting functions bound to one locale. */
export interface Formatters {
  /** The locale the functions format for. */
  locale: string;
  /** A number with grouping and up to `maxDigits` decimals (default 2). */
  number(value: number, maxDigits?: number): string;
  /** An integer count with grouping. */
  integer(value: number): string;
  /** A fraction (0.42) as a percentage ("42 %", "42%", "٤٢٪…" as the locale writes it). */
  percent(fraction: number, maxDigits?: number): string;
  /** A calendar date, medium length ("5 déc. 2026"). */
  date(value: Date | number): string;
  /** A date with the time of day, short ("05/12/2026 18:20"). */
  dateTime(value: Date | number): string;
  /** The time of day ("18:20"). */
  time(value: Date | number): string;
}

const cache = new Map<string, Formatters>();

/** The formatters of a locale (an unknown tag falls back to Intl's default locale). */
export function formattersFor(locale: string): Formatters {
  const cached = cache.get(locale);
  if (cached) return cached;
  const numbers = new Map<number, Intl.NumberFormat>();
  const percents = new Map<number, Intl.NumberFormat>();
  const number = (digits: number) => {
    let f = numbers.get(digits);
    if (!f) numbers.set(digits, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits })));
    return f;
  };
  const percent = (digits: number) => {
    let f = percents.get(digits);
    if (!f) percents.set(digits, (f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits })));
    return f;
  };
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short' });
  const made: Formatters = {
    locale,
    number: (value, maxDigits = 2) => number(clampDigits(maxDigits)).format(value),
    integer: (value) => integer.format(value),
    percent: (fraction, maxDigits = 0) => percent(clampDigits(maxDigits)).format(fraction),
    date: (value) => date.format(value),
    dateTime: (value) => dateTime.format(value),
    time: (value) => time.format(value),
  };
  cache.set(locale, made);
  return made;
}

// Intl throws a RangeError past 100 fraction digits; nobody reads more than 6.
function clampDigits(digits: number): number {
  return Number.isFinite(digits) ? Math.min(6, Math.max(0, Math.trunc(digits))) : 2;
}
