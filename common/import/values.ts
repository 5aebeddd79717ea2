/**
 * Reading cell text as typed values, and guessing a column's type from samples. Survey exports write
 * numbers as "9", "4,5", "10 - Extremely likely" or an age band "25-34"; dates as ISO, "MM/DD/YYYY
 * hh:mm:ss AM" (SurveyMonkey), "YYYY/MM/DD h:mm:ss AM GMT+1" (Google Forms) or "YYYY-MM-DD HH:MM:SS"
 * (Qualtrics, Typeform).
 */
import { localToEpoch } from '../analytics/days';
import type { ColumnType } from '../analytics/rules';

/** Day-month order for dates written with slashes or dots. */
export type DateOrder = 'mdy' | 'dmy';

/**
 * Why a cell could not be read, as a code and its parts: the app words it in the reader's language
 * (renderer catalogue `data.review.valueProblem`); the cell's text is beside it in the listing.
 */
export type ValueProblem =
  | { code: 'notNumber' | 'notDate' | 'invalidDate' | 'impossibleHour' | 'notNumberOrLabel' | 'idEmpty' }
  | { code: 'outOfRange'; value: number; min: number; max: number }
  | { code: 'idTooLong'; length: number; max: number };

/** A cell that could not be read: the English reason (the command line's words) and its code. */
export interface ParseError { error: string; problem: ValueProblem }

/** A parsed value, or the reason it could not be read; `null` is an empty cell. */
export type Parsed<T> = T | null | ParseError;

// Shared problem objects of the codes without parts: an unreadable cell costs no allocation for them.
const notNumber: ValueProblem = { code: 'notNumber' };
const notDate: ValueProblem = { code: 'notDate' };
const invalidDate: ValueProblem = { code: 'invalidDate' };
const impossibleHour: ValueProblem = { code: 'impossibleHour' };

/** Whether a parse result is an error. */
export function isParseError<T>(v: Parsed<T>): v is ParseError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

const plainNumber = /^[-+]?(\d+([.,]\d+)?|[.,]\d+)$/;
const band = /^(\d+(?:[.,]\d+)?)\s*(?:-|–|—|to)\s*(\d+(?:[.,]\d+)?)$/i;
const labelled = /^([-+]?\d+(?:[.,]\d+)?)\s*(?:-|–|—|=|:)\s*\D.*$/;

function num(t: string): number {
  return Number(t.replace(',', '.'));
}

/**
 * Arabic-Indic (U+0660–0669) and Eastern Arabic-Indic (U+06F0–06F9, Persian and Urdu) digits to
 * ASCII, with the Arabic decimal and thousands separators: forms answered on an Arabic or Persian
 * keyboard write them.
 */
export function asciiDigits(text: string): string {
  if (!/[\u0660-\u066c\u06f0-\u06f9]/.test(text)) return text;
  return text.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066b/g, '.').replace(/\u066c/g, ',');
}

/** Answers that say "no value" rather than a wrong one: read as empty, not as unreadable. */
const noAnswer = new Set(['n/a', 'na', 'n.a.', 'n. a.', 'not applicable', '-', '–', '—', 'prefer not to say', "don't know", 'don’t know', 'dont know', 'unknown']);

/** Unit words people add after an age or a count ("34 years", "4 stars"). */
const unitWords = /^([-+]?\d+(?:[.,]\d+)?)\s*(?:years?(?: old)?|yrs?\.?|y\.?o\.?|y\/o|ans|jahre|años|anos|anni|jaar|stars?|points?|pts?\.?)$/i;

/**
 * A number. Age bands ("25-34") read as their midpoint and "65+" as 65, so a range rule can still
 * place them; a labelled scale point ("10 - Extremely likely") reads as its number.
 */
export function parseNumber(text: string): Parsed<number> {
  const s = asciiDigits(text.trim()).replace(/%$/, '').replace(/\u00a0/g, ' ');
  if (s === '') return null;
  if (plainNumber.test(s)) return num(s);
  if (noAnswer.has(s.toLowerCase())) return null;
  const unit = unitWords.exec(s);
  if (unit) return num(unit[1]!);
  const b = band.exec(s);
  if (b) {
    const lo = num(b[1]!), hi = num(b[2]!);
    return lo <= hi ? (lo + hi) / 2 : { error: `"${text}" is not a number`, problem: notNumber };
  }
  const plus = /^(\d+(?:[.,]\d+)?)\s*\+$/.exec(s);
  if (plus) return num(plus[1]!);
  const l = labelled.exec(s);
  if (l) return num(l[1]!);
  // Thousands separators: "1,234" or "1 234" with a dot decimal.
  if (/^[-+]?\d{1,3}([, ]\d{3})+(\.\d+)?$/.test(s)) return Number(s.replace(/[, ]/g, ''));
  return { error: `"${truncate(text)}" is not a number`, problem: notNumber };
}

const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2}|UTC|GMT)?$/i;
// Google Forms writes "2024/03/05 10:12:33 PM GMT+1", and plain "… PM GMT" for a form in GMT.
const slashed = /^(\d{1,4})[/.](\d{1,2})[/.](\d{1,4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AP]M)?)?(?:\s*(GMT|UTC|Z)([+-]\d{1,2})?(?::?(\d{2}))?)?$/i;

/** A timestamp as epoch ms; times without a zone are read in `timeZone`. */
export function parseDate(text: string, timeZone: string, order: DateOrder = 'mdy'): Parsed<number> {
  const s = asciiDigits(text.trim());
  if (s === '') return null;
  let y: number, mo: number, d: number, h: number, mi: number, sec: number, ms = 0;
  let offsetMin: number | null = null;
  const m = iso.exec(s);
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    h = Number(m[4] ?? 0); mi = Number(m[5] ?? 0); sec = Number(m[6] ?? 0); ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
    const z = m[8]?.toUpperCase();
    if (z === 'Z' || z === 'UTC' || z === 'GMT') offsetMin = 0;
    else if (z) offsetMin = (z.startsWith('-') ? -1 : 1) * (Number(z.slice(1, 3)) * 60 + Number(z.slice(-2)));
  } else {
    const n = slashed.exec(s);
    if (!n) return { error: `"${truncate(text)}" is not a date`, problem: notDate };
    const [a, b, c] = [Number(n[1]), Number(n[2]), Number(n[3])];
    if (n[1]!.length === 4) [y, mo, d] = [a, b, c];
    else if (order === 'dmy') [d, mo, y] = [a, b, c];
    else [mo, d, y] = [a, b, c];
    if (y < 100) y += 2000;
    h = Number(n[4] ?? 0); mi = Number(n[5] ?? 0); sec = Number(n[6] ?? 0);
    const ampm = n[7]?.toUpperCase();
    if (ampm && (h < 1 || h > 12)) return { error: `"${truncate(text)}" has an impossible hour`, problem: impossibleHour };
    if (ampm === 'PM' && h < 12) h += 12;
    if (ampm === 'AM' && h === 12) h = 0;
    if (n[8] !== undefined) offsetMin = n[9] === undefined ? 0 : (n[9].startsWith('-') ? -1 : 1) * (Math.abs(Number(n[9])) * 60 + Number(n[10] ?? 0));
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60 || y < 1900 || y > 2200) {
    return { error: `"${truncate(text)}" is not a valid date`, problem: invalidDate };
  }
  if (new Date(Date.UTC(y, mo - 1, d)).getUTCDate() !== d) return { error: `"${truncate(text)}" is not a valid date`, problem: invalidDate };
  const t = offsetMin !== null
    ? Date.UTC(y, mo - 1, d, h, mi, sec, ms) - offsetMin * 60_000
    : localToEpoch(y, mo, d, h, mi, sec, timeZone) + ms;
  return t;
}

const dayMonth = /^(\d{1,2})[/.](\d{1,2})[/.]\d{2,4}/;

/**
 * What one cell says about the day-month order: 'dmy' or 'mdy' when a part above 12 decides it,
 * 'either' for a day-month date both orders read ("05/03/2024"), null for anything else.
 */
export function dateOrderEvidence(text: string): DateOrder | 'either' | null {
  const m = dayMonth.exec(asciiDigits(text.trim()));
  if (!m) return null;
  if (Number(m[1]) > 12) return 'dmy';
  if (Number(m[2]) > 12) return 'mdy';
  return 'either';
}

/** What a set of cells says about the date order: the order to read them in and whether it is only a guess. */
export interface DateOrderGuess {
  order: DateOrder;
  /** Day-month dates were found but none had a part above 12: the order is a default, not a finding. */
  ambiguous: boolean;
}

/** Guesses whether slashed dates are month-first or day-first: a first part above 12 means day-first. */
export function guessDateOrder(samples: readonly string[]): DateOrder {
  return dateOrderGuess(samples).order;
}

/** {@link guessDateOrder} with whether the cells really decide it. */
export function dateOrderGuess(samples: readonly string[]): DateOrderGuess {
  let either = false;
  for (const s of samples) {
    const e = dateOrderEvidence(s);
    if (e === 'dmy' || e === 'mdy') return { order: e, ambiguous: false };
    if (e === 'either') either = true;
  }
  return { order: 'mdy', ambiguous: either };
}

/** Splits a multi-value cell; with no separator given, semicolons, pipes and newlines separate. */
export function splitMulti(text: string, separator: string | null): string[] {
  const parts = separator ? text.split(separator) : text.split(/[;|\n]/);
  const out: string[] = [];
  for (const part of parts) {
    const t = part.trim();
    if (t !== '') out.push(t);
  }
  return out;
}

/** Guesses a column's type from sample cells (empty cells ignored). */
export function inferType(samples: readonly string[]): ColumnType {
  const values = samples.map((s) => s.trim()).filter((s) => s !== '');
  if (values.length === 0) return 'text';
  if (values.every((v) => !isParseError(parseNumber(v)) && !/^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/.test(v))) return 'number';
  if (values.every((v) => !isParseError(parseDate(v, 'UTC', guessDateOrder(values))))) return 'date';
  const avg = values.reduce((s, v) => s + v.length, 0) / values.length;
  if (avg > 60) return 'text';
  if (values.filter((v) => /[;|]/.test(v)).length >= values.length * 0.3) return 'multi';
  const distinct = new Set(values).size;
  return distinct <= Math.max(30, values.length / 2) ? 'category' : 'text';
}

function truncate(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}
