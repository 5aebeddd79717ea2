/**
 * Rules as the editor holds them: text fields as typed, turned into engine rules only for
 * validation and saving, so a half-typed number shows a message instead of being lost.
 */
import type { DatasetHeaderDoc } from '../../../../common/analytics/format';
import { ruleColumnTypes, type ColumnType, type Rule, type RuleProblem } from '../../../../common/analytics/rules';
import { attributes } from '../../../../common/import/mapping';

/** One rule being edited. */
export interface DraftRule { id: string; kind: Rule['kind']; column: string; min: string; max: string; values: string; weight: string; label: string }

/** A column a rule can read, from the datasets (or the known attributes when there are none). */
export interface RuleColumn { key: string; type: ColumnType; label: string }

/** Drafts of stored rules. */
export function draftsOf(rules: readonly Rule[]): DraftRule[] {
  return rules.map((r) => ({
    id: r.id, kind: r.kind, column: r.column, label: r.label ?? '',
    min: r.kind === 'range' && r.min !== undefined ? String(r.min) : '',
    max: r.kind === 'range' && r.max !== undefined ? String(r.max) : '',
    values: r.kind === 'range' ? '' : r.values.join(', '),
    weight: r.weight !== undefined ? String(r.weight) : '',
  }));
}

const num = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim().replace(',', '.')));

/** Engine rules of drafts; invalid entries stay invalid (NaN, empty lists) for the validator to name. */
export function rulesOf(drafts: readonly DraftRule[]): Rule[] {
  return drafts.map((d): Rule => {
    const base = { id: d.id, column: d.column, ...(num(d.weight) !== undefined ? { weight: num(d.weight)! } : {}), ...(d.label.trim() ? { label: d.label.trim() } : {}) };
    if (d.kind === 'range') {
      const min = num(d.min), max = num(d.max);
      return { ...base, kind: 'range', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    }
    return { ...base, kind: d.kind, values: d.values.split(',').map((v) => v.trim()).filter((v) => v !== '') };
  });
}

/** A new rule with an id unused in the list. */
export function newDraft(drafts: readonly DraftRule[], columns: readonly RuleColumn[]): DraftRule {
  let n = drafts.length + 1;
  while (drafts.some((d) => d.id === `r${n}`)) n++;
  const column = columns.find((c) => c.type === 'number')?.key ?? columns[0]?.key ?? '';
  return { id: `r${n}`, kind: 'range', column, min: '', max: '', values: '', weight: '', label: '' };
}

/** Columns rules can read: every mapped dataset column, or the known attributes before any import. */
export function ruleColumns(headers: readonly DatasetHeaderDoc[]): RuleColumn[] {
  const byKey = new Map<string, RuleColumn>();
  for (const h of headers) for (const c of h.columns) if (!byKey.has(c.key)) byKey.set(c.key, { key: c.key, type: c.type, label: c.label });
  if (byKey.size === 0) for (const a of attributes) byKey.set(a.key, { key: a.key, type: a.type, label: a.label });
  return [...byKey.values()].filter((c) => c.type !== 'id' && c.type !== 'text' && c.type !== 'date');
}

/** Columns a kind of rule can read. */
export function columnsFor(kind: Rule['kind'], columns: readonly RuleColumn[]): RuleColumn[] {
  return columns.filter((c) => ruleColumnTypes[kind].includes(c.type));
}

/** Problems of one rule (by index), keyed by field ('' for the rule as a whole). */
export function problemsByRule(problems: readonly RuleProblem[]): Map<number, { field: string; problem: RuleProblem }[]> {
  const out = new Map<number, { field: string; problem: RuleProblem }[]>();
  for (const p of problems) {
    const index = typeof p.path[0] === 'number' ? p.path[0] : -1;
    const list = out.get(index) ?? [];
    list.push({ field: String(p.path[1] ?? ''), problem: p });
    out.set(index, list);
  }
  return out;
}
