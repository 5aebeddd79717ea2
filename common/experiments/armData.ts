/**
 * From an event log to each arm's customers and metric values. A customer belongs to the arm of
 * their first assignment event inside [start, planned end]; customers assigned to two arms are
 * counted and left out (their outcome cannot be credited to either). Goal events count only at or
 * after the customer's assignment.
 */
import type { EventLog } from '../journeyAnalytics/types';
import type { Experiment } from './model';

const hour = 3_600_000;
const day = 24 * hour;

/** One assigned customer. */
interface Assigned { arm: number; at: number; goals: { at: number; value: number }[]; guardrails: number[] }

/** What the log holds for one experiment. */
export interface ArmData {
  /** Per arm (in the experiment's order): customers and, per customer, the goal events after assignment. */
  customers: Assigned[][];
  /** Assignment events whose arm value is no arm of the experiment, and those values (up to 5). */
  unknownArm: { events: number; values: string[] };
  /** Customers seen in two arms (left out). */
  crossover: number;
  /** Goal events anywhere in the log (0 means the metric has no events at all). */
  goalEvents: number;
  /** Goal events whose property was not a number (value metrics). */
  nonNumeric: number;
  /** Customers assigned per arm per UTC day since the start. */
  daily: number[][];
  /** Time the data runs to: the last event or the planned end, whichever is earlier. */
  asOf: number;
}

/** Reads the experiment's events from the log. */
export function armData(log: EventLog, e: Experiment): ArmData {
  const eventCode = (name: string) => log.events.indexOf(name);
  const assign = eventCode(e.assignmentEvent), goal = eventCode(e.primaryMetric.event);
  const guards = e.guardrails.map((g) => eventCode(g.event));
  const armColumn = log.properties.find((p) => p.name === e.armProperty);
  const valueColumn = e.primaryMetric.property ? log.properties.find((p) => p.name === e.primaryMetric.property) : undefined;
  const armOfCode = new Map<number, number>();
  if (armColumn) e.arms.forEach((a, i) => { const c = armColumn.dict.indexOf(a.value); if (c >= 0) armOfCode.set(c, i); });
  let lastEvent = 0;
  for (let i = 0; i < log.length; i++) if (log.time[i]! <= e.plannedEnd && log.time[i]! > lastEvent) lastEvent = log.time[i]!;
  const asOf = Math.min(e.plannedEnd, lastEvent);

  const byCustomer = new Map<number, Assigned>();
  const crossed = new Set<number>();
  const unknownValues = new Set<string>();
  let unknownEvents = 0;
  // Pass 1: assignments, earliest first per customer.
  for (let i = 0; i < log.length; i++) {
    if (log.event[i] !== assign || !armColumn) continue;
    const t = log.time[i]!;
    if (t < e.start || t > e.plannedEnd) continue;
    const code = armColumn.codes[i]!;
    const arm = armOfCode.get(code);
    if (arm === undefined) {
      unknownEvents++;
      if (unknownValues.size < 5) unknownValues.add(code < 0 ? '(empty)' : armColumn.dict[code]!);
      continue;
    }
    const c = log.customer[i]!;
    const seen = byCustomer.get(c);
    if (!seen) byCustomer.set(c, { arm, at: t, goals: [], guardrails: guards.map(() => Infinity) });
    else {
      if (seen.arm !== arm) crossed.add(c);
      if (t < seen.at) seen.at = t;
    }
  }
  // Pass 2: goals and guardrails after assignment.
  let goalEvents = 0, nonNumeric = 0;
  for (let i = 0; i < log.length; i++) {
    const ev = log.event[i]!;
    if (ev === goal) goalEvents++;
    const who = byCustomer.get(log.customer[i]!);
    const t = log.time[i]!;
    if (!who || t < who.at || t > e.plannedEnd) continue;
    if (ev === goal) {
      let value = 1;
      if (e.primaryMetric.kind === 'value') {
        const code = valueColumn ? valueColumn.codes[i]! : -1;
        value = code >= 0 ? Number(valueColumn!.dict[code]) : NaN;
        if (!Number.isFinite(value)) { nonNumeric++; continue; }
      }
      who.goals.push({ at: t, value });
    }
    guards.forEach((g, k) => { if (ev === g && t < who.guardrails[k]!) who.guardrails[k] = t; });
  }
  const customers: Assigned[][] = e.arms.map(() => []);
  const days = Math.max(1, Math.ceil((Math.max(asOf, e.start) - e.start) / day) + 1);
  const daily = e.arms.map(() => new Array<number>(days).fill(0));
  for (const [c, who] of byCustomer) {
    if (crossed.has(c)) continue;
    customers[who.arm]!.push(who);
    const d = Math.min(days - 1, Math.floor((who.at - e.start) / day));
    daily[who.arm]![d]!++;
  }
  return { customers, unknownArm: { events: unknownEvents, values: [...unknownValues] }, crossover: crossed.size, goalEvents, nonNumeric, daily, asOf };
}

/** The metric value of one customer using events up to `until`; NaN when it has none (time to convert without a conversion). */
export function metricValue(who: Assigned, kind: Experiment['primaryMetric']['kind'], until: number): number {
  if (kind === 'conversion') return who.goals.some((g) => g.at <= until) ? 1 : 0;
  if (kind === 'value') return who.goals.reduce((s, g) => (g.at <= until ? s + g.value : s), 0);
  let first = Infinity;
  for (const g of who.goals) if (g.at <= until && g.at < first) first = g.at;
  return first === Infinity ? NaN : (first - who.at) / hour;
}

/** Look times for the sequential test: the end of each UTC day since the start (weekly past 60 days), up to `asOf`. */
export function lookTimes(start: number, asOf: number): number[] {
  const span = Math.max(0, asOf - start);
  const step = span > 60 * day ? 7 * day : day;
  const out: number[] = [];
  for (let t = start + step; t < asOf; t += step) out.push(t);
  out.push(asOf);
  return out;
}

export type { Assigned };
