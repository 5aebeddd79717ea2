/**
 * Why a response scored what it did for a persona: each rule matched, unmatched, or missing (the
 * value is absent or could not be read, which counts as not matched).
 */
import { bucketOf, percentOf, type Bucket, type Score } from './fraction';
import type { PersonaScores } from './kernels';
import { describeRule } from './rules';
import { cellValue, type Table } from './table';

/** The outcome of one rule for one response. */
export type RuleOutcome = 'matched' | 'unmatched' | 'missing';

/** One line of an explanation. */
export interface ExplanationItem {
  ruleId: string;
  /** Human description, e.g. `age 25–40`. */
  description: string;
  outcome: RuleOutcome;
  /** The response's value (null when missing). */
  value: string | number | string[] | null;
  /** The rule's weight as written in the rule (default 1). */
  weight: number;
}

/** A response's score for a persona with its reasons. */
export interface Explanation extends Score {
  row: number;
  /** Respondent id when the dataset maps one. */
  respondentId: string | null;
  percent: number;
  bucket: Bucket;
  items: ExplanationItem[];
}

/** Explains one row's score for a scored persona (`PersonaAnalysis.scores`). */
export function explainRow(table: Table, persona: PersonaScores, row: number, idColumn = 'respondentId'): Explanation {
  let numerator = 0;
  const items = persona.rules.map((r): ExplanationItem => {
    const value = cellValue(table.columns.get(r.rule.column), row);
    const matched = r.matches(row);
    if (matched) numerator += r.weight;
    return {
      ruleId: r.rule.id,
      description: describeRule(r.rule),
      outcome: matched ? 'matched' : value === null ? 'missing' : 'unmatched',
      value,
      weight: r.rule.weight ?? 1,
    };
  });
  const id = cellValue(table.columns.get(idColumn), row);
  const den = persona.denominator;
  return {
    row, respondentId: typeof id === 'string' ? id : null, numerator, denominator: den,
    percent: percentOf(numerator, den), bucket: bucketOf(numerator, den), items,
  };
}
