/**
 * Resolves each event of a log to the first stage (in map order) whose rules match it, or -1.
 * Name rules are evaluated once per distinct event name; only names whose first matching rule has
 * property conditions are looked at row by row, with the conditions prepared as code sets.
 */
import { ruleMatches, type EventRule } from '../journey/eventRules';
import type { EventLog } from './types';

/** What the kernels need of a stage. */
export interface StageSpec {
  id: string;
  name: string;
  events?: EventRule[];
}

/** Unmatched by name: -1. Needs a row check: -2. */
const needsRow = -2;

interface RowCheck {
  stage: number;
  /** Per condition: property column index and which of its codes satisfy it. */
  conditions: { column: Int32Array | null; allowed: Uint8Array }[];
}

/** Stage of every event (Int16Array: -1 for none). */
export function stagesOfEvents(log: EventLog, stages: readonly StageSpec[]): Int16Array {
  const byName = new Int16Array(log.events.length).fill(-1);
  const checks: RowCheck[][] = log.events.map(() => []);
  const propIndex = new Map(log.properties.map((p, i) => [p.name, i]));
  log.events.forEach((name, code) => {
    for (let s = 0; s < stages.length; s++) {
      for (const rule of stages[s]!.events ?? []) {
        if (!ruleMatches({ ...rule, where: [] }, name, () => null)) continue;
        if (!rule.where || rule.where.length === 0) {
          if (byName[code] === -1) byName[code] = s;
          return;
        }
        byName[code] = needsRow;
        checks[code]!.push({
          stage: s,
          conditions: rule.where.map((c) => {
            const at = propIndex.get(c.property);
            const prop = at === undefined ? null : log.properties[at]!;
            const allowed = new Uint8Array(prop ? prop.dict.length : 0);
            prop?.dict.forEach((value, i) => { if (c.values.includes(value)) allowed[i] = 1; });
            return { column: prop ? prop.codes : null, allowed };
          }),
        });
      }
    }
  });
  // A name whose later rule has no conditions is the fallback when the conditional ones fail.
  const fallback = new Int16Array(log.events.length).fill(-1);
  log.events.forEach((name, code) => {
    if (byName[code] !== needsRow) return;
    outer: for (let s = 0; s < stages.length; s++) {
      for (const rule of stages[s]!.events ?? []) {
        if ((!rule.where || rule.where.length === 0) && ruleMatches(rule, name, () => null)) { fallback[code] = s; break outer; }
      }
    }
  });
  const out = new Int16Array(log.length);
  const { event } = log;
  for (let i = 0; i < log.length; i++) {
    const code = event[i]!;
    const s = byName[code]!;
    if (s !== needsRow) { out[i] = s; continue; }
    let found = fallback[code]!;
    for (const check of checks[code]!) {
      if (found >= 0 && found < check.stage) break;
      if (check.conditions.every((c) => c.column !== null && c.column[i]! >= 0 && c.allowed[c.column[i]!] === 1)) { found = check.stage; break; }
    }
    out[i] = found;
  }
  return out;
}
