import type { Condition, Rule } from '../journey/flowModel';
import type { FactValue, RunState } from './ports';

/** The facts a rule reads. */
export type Facts = Pick<RunState, 'attributes' | 'response' | 'personaMatch'>;

function fact(rule: Rule, facts: Facts): FactValue | undefined {
  if (rule.source === 'attribute') return facts.attributes[rule.field];
  if (rule.source === 'personaMatch') return facts.personaMatch[rule.field];
  return facts.response[rule.field];
}

function asNumber(v: FactValue | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

/**
 * One rule: true, false, or undefined when the customer has no value for its field (the data cannot
 * decide). `isSet` always decides. Equality compares numbers as numbers when both sides are numeric,
 * otherwise as text (case counts, like the event rules); `contains` ignores case.
 */
export function evaluateRule(rule: Rule, facts: Facts): boolean | undefined {
  const value = fact(rule, facts);
  const present = value !== undefined && !(typeof value === 'string' && value.trim() === '');
  if (rule.operator === 'isSet') return present;
  if (!present) return undefined;
  const expected = rule.value;
  switch (rule.operator) {
    case 'equals':
    case 'notEquals': {
      const a = asNumber(value);
      const b = asNumber(expected);
      const same = a !== null && b !== null ? a === b : String(value) === String(expected ?? '');
      return rule.operator === 'equals' ? same : !same;
    }
    case 'contains':
      return String(value).toLowerCase().includes(String(expected ?? '').toLowerCase());
    default: {
      const a = asNumber(value);
      const b = asNumber(expected);
      if (a === null || b === null) return false;
      if (rule.operator === 'greaterThan') return a > b;
      if (rule.operator === 'lessThan') return a < b;
      if (rule.operator === 'atLeast') return a >= b;
      return a <= b;
    }
  }
}

/**
 * A condition, three-valued: `all` is false as soon as one rule is false, `any` true as soon as one
 * is true; otherwise an undecided rule leaves the whole undecided. No rules: `all` holds, `any` not.
 */
export function evaluateCondition(condition: Condition, facts: Facts): boolean | undefined {
  let unknown = false;
  for (const rule of condition.rules) {
    const r = evaluateRule(rule, facts);
    if (r === undefined) unknown = true;
    else if (condition.match === 'all' && !r) return false;
    else if (condition.match === 'any' && r) return true;
  }
  if (unknown) return undefined;
  return condition.match === 'all';
}
