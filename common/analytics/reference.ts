/**
 * The brief's scoring algorithm written plainly, one response at a time over plain objects
 * (seeds/000 "calculateMatchScore": matched ÷ total × 100), extended with weights and the three rule
 * kinds. It is the yardstick the column kernels are tested against and the naive baseline of the
 * bench; it is deliberately unoptimised.
 */
import { integerWeight, normaliseCategory, type Rule } from './rules';

/** A response as a plain record: numbers, category strings, string lists, or missing. */
export type PlainResponse = Record<string, number | string | string[] | null | undefined>;

/** The reference result for one response: integer matched and total weight, and the percentage. */
export interface ReferenceScore {
  matched: number;
  total: number;
  score: number;
  matchedRules: string[];
}

/** Whether one rule matches one response (missing or unparsable values never match). */
export function referenceMatches(rule: Rule, response: PlainResponse): boolean {
  const value = Object.prototype.hasOwnProperty.call(response, rule.column) ? response[rule.column] : undefined;
  if (rule.kind === 'range') {
    if (typeof value !== 'number' || Number.isNaN(value)) return false;
    return (rule.min === undefined || value >= rule.min) && (rule.max === undefined || value <= rule.max);
  }
  const wanted = rule.values.map(normaliseCategory);
  if (typeof value === 'string') return wanted.includes(normaliseCategory(value));
  if (Array.isArray(value) && rule.kind === 'overlap') return value.some((v) => wanted.includes(normaliseCategory(v)));
  return false;
}

/** Scores one response against a persona's rules, like the brief, with integer weights. */
export function referenceScore(rules: readonly Rule[], response: PlainResponse): ReferenceScore {
  let matched = 0;
  let total = 0;
  const matchedRules: string[] = [];
  for (const rule of rules) {
    const w = integerWeight(rule);
    total += w;
    if (referenceMatches(rule, response)) {
      matched += w;
      matchedRules.push(rule.id);
    }
  }
  return { matched, total, score: total > 0 ? (matched / total) * 100 : 0, matchedRules };
}
