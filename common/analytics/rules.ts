/**
 * Persona mapping rules: plain data stored in persona documents (`rules: Rule[]`) and scored by the
 * engine in this folder. The shape is persisted and synced, so it only ever grows by optional fields.
 *
 * A rule names a mapped column (an attribute such as `age` or `goals`) and one of three tests:
 * - `range`: a number within `min` and/or `max`, both inclusive (age 25–40, NPS ≥ 9);
 * - `oneOf`: a single-value category in a set (location in London, Leeds);
 * - `overlap`: a multi-value cell containing any of a set (goals contain "save time").
 * Category comparison ignores case and surrounding spaces ({@link normaliseCategory}).
 */

/** Column types a dataset column can have after import (see common/import). */
export type ColumnType = 'id' | 'date' | 'number' | 'category' | 'multi' | 'text';

/** Fields every rule has. */
export interface RuleBase {
  /** Stable URL-safe id, unique within the persona; explanations and reports refer to it. */
  id: string;
  /** The mapped column the rule reads: an attribute key such as `age`, `location`, `goals`. */
  column: string;
  /**
   * Relative importance, default 1. Positive, at most 1000, at most two decimals: the engine scales
   * weights by 100 to integers so scores stay exact fractions.
   */
  weight?: number;
  /** Optional label shown instead of a generated description. */
  label?: string;
}

/** A number within bounds, both inclusive; at least one bound is set. */
export interface RangeRule extends RuleBase {
  kind: 'range';
  min?: number;
  max?: number;
}

/** A single-value category in a set. */
export interface OneOfRule extends RuleBase {
  kind: 'oneOf';
  values: string[];
}

/** A multi-value cell (or a single category) containing any value of a set. */
export interface OverlapRule extends RuleBase {
  kind: 'overlap';
  values: string[];
}

/** One persona mapping rule. */
export type Rule = RangeRule | OneOfRule | OverlapRule;

/** The rule kinds, in the order a rule editor offers them. */
export const ruleKinds = ['range', 'oneOf', 'overlap'] as const;

/** Which column types each rule kind can read. */
export const ruleColumnTypes: Record<Rule['kind'], readonly ColumnType[]> = {
  range: ['number'],
  oneOf: ['category'],
  overlap: ['multi', 'category'],
};

/**
 * What is wrong with a rule, as a code and its parts: the app words it in the reader's language
 * (renderer catalogue `problems.rule`); `message` is the same in English (command line, tests).
 */
export type RuleProblemCode =
  | { code: 'notList' | 'notObject' | 'badId' | 'noColumn' | 'badWeight' | 'weightDecimals' | 'badLabel' | 'rangeEmpty' | 'maxBelowMin' | 'noValues' | 'badValue' | 'badKind' }
  | { code: 'tooManyRules' | 'tooManyValues'; max: number }
  | { code: 'idTwice'; id: string }
  | { code: 'notNumber'; field: 'min' | 'max' }
  | { code: 'unmappedColumn'; column: string }
  | { code: 'wrongColumnType'; kind: string; column: string; type: string };

/** A problem found in a rule list, with the path of the offending field (e.g. `[2, 'values', 0]`). */
export type RuleProblem = RuleProblemCode & {
  /** Path from the rules array: index of the rule, then field names or indexes. */
  path: (string | number)[];
  /** A sentence a user can act on, in English. */
  message: string;
};

/** What the validator may check rules against. */
export interface RuleContext {
  /** Known columns and their types; when given, rules on unknown or mistyped columns are problems. */
  columns?: Readonly<Record<string, ColumnType>>;
}

/** The weight used when a rule has none. */
export const defaultWeight = 1;
/** Most values a set rule may list (a longer list is almost certainly pasted by mistake). */
export const maxRuleValues = 500;
/** Most rules a persona may have (mirrors the persona schema's `maxItems`). */
export const maxRules = 100;

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;
const columnPattern = /^[A-Za-z0-9_.:-]{1,64}$/;

/** Normalises a category value for comparison: trimmed, Unicode NFC, lower case. */
export function normaliseCategory(value: string): string {
  return value.trim().normalize('NFC').toLowerCase();
}

/** The weight of a rule scaled to an integer (hundredths), so sums and scores stay exact. */
export function integerWeight(rule: Pick<RuleBase, 'weight'>): number {
  return Math.round((rule.weight ?? defaultWeight) * 100);
}

/**
 * Checks a rule list and returns every problem found (empty when valid). Accepts `unknown` because
 * rules arrive from documents, imports and files written by other app versions.
 */
export function validateRules(rules: unknown, context: RuleContext = {}): RuleProblem[] {
  if (!Array.isArray(rules)) return [{ path: [], code: 'notList', message: 'Rules must be a list.' }];
  const problems: RuleProblem[] = [];
  if (rules.length > maxRules) problems.push({ path: [], code: 'tooManyRules', max: maxRules, message: `A persona can have at most ${maxRules} rules.` });
  const seen = new Set<string>();
  rules.forEach((rule: unknown, index) => {
    for (const p of validateRule(rule, context)) problems.push({ ...p, path: [index, ...p.path] });
    if (isObject(rule) && typeof rule.id === 'string') {
      if (seen.has(rule.id)) problems.push({ path: [index, 'id'], code: 'idTwice', id: rule.id, message: `Rule id "${rule.id}" is used twice.` });
      seen.add(rule.id);
    }
  });
  return problems;
}

/** Checks one rule; paths are relative to the rule. */
export function validateRule(rule: unknown, context: RuleContext = {}): RuleProblem[] {
  if (!isObject(rule)) return [{ path: [], code: 'notObject', message: 'A rule must be an object.' }];
  const problems: RuleProblem[] = [];
  const add = (path: (string | number)[], what: RuleProblemCode, message: string) => problems.push({ ...what, path, message });
  if (typeof rule.id !== 'string' || !idPattern.test(rule.id)) {
    add(['id'], { code: 'badId' }, 'Rule id must be 1–64 letters, digits, "_" or "-".');
  }
  if (typeof rule.column !== 'string' || !columnPattern.test(rule.column)) {
    add(['column'], { code: 'noColumn' }, 'Choose the column this rule reads.');
  }
  if (rule.weight !== undefined) {
    const w = rule.weight;
    if (typeof w !== 'number' || !Number.isFinite(w) || w <= 0 || w > 1000) {
      add(['weight'], { code: 'badWeight' }, 'Weight must be a number above 0 and at most 1000.');
    } else if (Math.abs(w * 100 - Math.round(w * 100)) > 1e-6) {
      add(['weight'], { code: 'weightDecimals' }, 'Weight can have at most two decimals.');
    }
  }
  if (rule.label !== undefined && (typeof rule.label !== 'string' || rule.label.length > 200)) {
    add(['label'], { code: 'badLabel' }, 'Label must be text of at most 200 characters.');
  }
  const kind = rule.kind;
  if (kind === 'range') {
    const { min, max } = rule;
    for (const [key, v] of [['min', min], ['max', max]] as const) {
      if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) add([key], { code: 'notNumber', field: key }, `${key} must be a number.`);
    }
    if (min === undefined && max === undefined) add([], { code: 'rangeEmpty' }, 'A range needs a minimum, a maximum or both.');
    if (typeof min === 'number' && typeof max === 'number' && min > max) add(['max'], { code: 'maxBelowMin' }, 'Maximum is below the minimum.');
  } else if (kind === 'oneOf' || kind === 'overlap') {
    const values = rule.values;
    if (!Array.isArray(values) || values.length === 0) {
      add(['values'], { code: 'noValues' }, 'List at least one value.');
    } else {
      if (values.length > maxRuleValues) add(['values'], { code: 'tooManyValues', max: maxRuleValues }, `List at most ${maxRuleValues} values.`);
      values.forEach((v: unknown, i) => {
        if (typeof v !== 'string' || normaliseCategory(v) === '' || v.length > 200) {
          add(['values', i], { code: 'badValue' }, 'Each value must be non-empty text of at most 200 characters.');
        }
      });
    }
  } else {
    add(['kind'], { code: 'badKind' }, 'Rule kind must be "range", "oneOf" or "overlap".');
  }
  const columns = context.columns;
  if (columns && typeof rule.column === 'string' && (kind === 'range' || kind === 'oneOf' || kind === 'overlap')) {
    const type = Object.prototype.hasOwnProperty.call(columns, rule.column) ? columns[rule.column] : undefined;
    if (type === undefined) add(['column'], { code: 'unmappedColumn', column: rule.column }, `Column "${rule.column}" is not mapped in this dataset.`);
    else if (!ruleColumnTypes[kind].includes(type)) {
      add(['column'], { code: 'wrongColumnType', kind, column: rule.column, type }, `A ${kind} rule cannot read "${rule.column}", which holds ${type} values.`);
    }
  }
  return problems;
}

/** Narrows `unknown` to `Rule[]` when {@link validateRules} finds no problem. */
export function isRuleList(rules: unknown, context: RuleContext = {}): rules is Rule[] {
  return validateRules(rules, context).length === 0;
}

/** A short human description of a rule, e.g. `age 25–40`, `goals contain any of: a, b`. */
export function describeRule(rule: Rule): string {
  if (rule.label) return rule.label;
  if (rule.kind === 'range') {
    if (rule.min !== undefined && rule.max !== undefined) return `${rule.column} ${rule.min}–${rule.max}`;
    return rule.min !== undefined ? `${rule.column} ≥ ${rule.min}` : `${rule.column} ≤ ${String(rule.max)}`;
  }
  const list = rule.values.join(', ');
  return rule.kind === 'oneOf' ? `${rule.column} is one of: ${list}` : `${rule.column} contains any of: ${list}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
