/**
 * What sets each cluster apart, in terms a persona writer can use: its size; the answers it gives
 * more (and less) often than everyone, with their lift (share in the cluster ÷ share overall); its
 * typical numbers against the overall mean; the respondents closest to its prototype; and the
 * phrases typical of it in open text.
 */
import { cellValue, type Table } from '../analytics/table';
import type { Features } from './features';
import { dissimilarity, type KPrototypesResult } from './kprototypes';
import { topPhrases, type Phrase } from './phrases';

/** One answer and how much more (lift > 1) or less (lift < 1) the cluster gives it. */
export interface AnswerLift {
  column: string;
  /** The answer (a choice, or the option of a multi-choice column). */
  value: string;
  /** Share of the cluster's respondents who answered this column that gave it. */
  share: number;
  overallShare: number;
  lift: number;
}

/** A number column in the cluster against everyone. */
export interface NumberProfile { column: string; mean: number; overallMean: number; /** Difference in overall standard deviations. */ shift: number; p10: number; p90: number }

export interface ClusterProfile {
  cluster: number;
  size: number;
  share: number;
  over: AnswerLift[];
  under: AnswerLift[];
  numbers: NumberProfile[];
  /** Rows closest to the prototype, with their id when the data has an id column. */
  representatives: { row: number; id: string | null }[];
  phrases: Phrase[];
}

export interface ProfileOptions { gamma: number; textColumns?: string[]; idColumn?: string; top?: number }

export function profileClusters(table: Table, f: Features, run: KPrototypesResult, options: ProfileOptions): ClusterProfile[] {
  const { k, assignments } = run;
  const top = options.top ?? 6;
  const lifts = answerLifts(f, assignments, k);
  const numbers = numberProfiles(table, f, assignments, k);
  const texts = textOf(table, options.textColumns ?? []);
  const phrases = texts ? topPhrases(texts, assignments, k) : Array.from({ length: k }, () => []);
  return Array.from({ length: k }, (_, c) => ({
    cluster: c,
    size: run.sizes[c]!,
    share: run.sizes[c]! / f.rows,
    over: lifts[c]!.filter((l) => l.lift >= 1.2 && l.share >= 0.15).sort((a, b) => b.lift - a.lift).slice(0, top),
    under: lifts[c]!.filter((l) => l.lift <= 0.8 && l.overallShare >= 0.15).sort((a, b) => a.lift - b.lift).slice(0, top),
    numbers: numbers[c]!,
    representatives: closest(f, run, c, options.gamma, 3).map((row) => ({ row, id: idOf(table, options.idColumn, row) })),
    phrases: phrases[c]!,
  }));
}

function answerLifts(f: Features, assignments: Int32Array, k: number): AnswerLift[][] {
  const out: AnswerLift[][] = Array.from({ length: k }, () => []);
  const nCat = f.categorical.length;
  f.categorical.forEach((feature, j) => {
    const d = feature.dict.length;
    const counts = new Int32Array(k * d), answered = new Int32Array(k), all = new Int32Array(d);
    let allAnswered = 0;
    for (let r = 0; r < f.rows; r++) {
      const x = f.cat[r * nCat + j]!;
      if (x < 0) continue;
      const c = assignments[r]!;
      counts[c * d + x]!++;
      answered[c]!++;
      all[x]!++;
      allAnswered++;
    }
    for (let c = 0; c < k; c++) {
      if (answered[c] === 0) continue;
      // An option column speaks only of "yes": "no" is its complement.
      for (let v = feature.option === undefined ? 0 : 1; v < d; v++) {
        if (all[v] === 0) continue;
        const share = counts[c * d + v]! / answered[c]!, overallShare = all[v]! / allAnswered;
        out[c]!.push({ column: feature.column, value: feature.option ?? feature.dict[v]!, share, overallShare, lift: share / overallShare });
      }
    }
  });
  return out;
}

function numberProfiles(table: Table, f: Features, assignments: Int32Array, k: number): NumberProfile[][] {
  const out: NumberProfile[][] = Array.from({ length: k }, () => []);
  for (const feature of f.numeric) {
    const column = table.columns.get(feature.column);
    if (column?.type !== 'number') continue;
    const byCluster: number[][] = Array.from({ length: k }, () => []);
    for (let r = 0; r < f.rows; r++) { const v = column.values[r]!; if (!Number.isNaN(v)) byCluster[assignments[r]!]!.push(v); }
    byCluster.forEach((values, c) => {
      if (values.length === 0) return;
      values.sort((a, b) => a - b);
      const mean = values.reduce((a, b) => a + b, 0) / values.length;
      out[c]!.push({ column: feature.column, mean, overallMean: feature.mean, shift: (mean - feature.mean) / feature.std, p10: quantile(values, 0.1), p90: quantile(values, 0.9) });
    });
  }
  for (const list of out) list.sort((a, b) => Math.abs(b.shift) - Math.abs(a.shift));
  return out;
}

/** The q-quantile of sorted values (linear interpolation, as spreadsheets do). */
export function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at), hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

function closest(f: Features, run: KPrototypesResult, c: number, gamma: number, n: number): number[] {
  const best: { row: number; d: number }[] = [];
  for (let r = 0; r < f.rows; r++) {
    if (run.assignments[r] !== c) continue;
    const d = dissimilarity(f, r, run.means, run.modes, c, gamma);
    if (best.length < n || d < best[best.length - 1]!.d) {
      best.push({ row: r, d });
      best.sort((a, b) => a.d - b.d || a.row - b.row);
      if (best.length > n) best.pop();
    }
  }
  return best.map((b) => b.row);
}

function textOf(table: Table, columns: string[]): (string | null)[] | null {
  const cols = columns.map((c) => table.columns.get(c)).filter((c) => c?.type === 'text');
  if (cols.length === 0) return null;
  return Array.from({ length: table.rowCount }, (_, r) => {
    const parts = cols.map((c) => cellValue(c, r)).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    return parts.length ? parts.join(' · ') : null;
  });
}

function idOf(table: Table, idColumn: string | undefined, row: number): string | null {
  const column = idColumn ? table.columns.get(idColumn) : [...table.columns.values()].find((c) => c.type === 'id');
  const v = cellValue(column, row);
  return typeof v === 'string' ? v : null;
}
