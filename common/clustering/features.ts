/**
 * Turns the columns a user picked into the mixed feature matrix clustering reads: numbers
 * standardised (z-scores, NaN for missing), single-choice categories as codes (-1 missing), and each
 * frequent option of a multi-choice column as a yes/no category. Row-major typed arrays, so one
 * row's features sit together in memory for the distance loops.
 */
import type { Table } from '../analytics/table';

/** Most options of one multi-choice column that become features (the rest are too rare to shape a cluster). */
export const maxOptionsPerColumn = 30;
/** Most columns one clustering may use. */
export const maxClusterColumns = 60;

/** One numeric feature. */
export interface NumericFeature { column: string; mean: number; std: number }
/** One categorical feature: a single-choice column, or one option of a multi-choice column (dict `['no', 'yes']`). */
export interface CategoricalFeature { column: string; option?: string; dict: string[] }

/** The feature matrix. */
export interface Features {
  rows: number;
  numeric: NumericFeature[];
  /** rows × numeric.length, z-scores; NaN is missing. */
  num: Float64Array;
  categorical: CategoricalFeature[];
  /** rows × categorical.length codes into each feature's dict; -1 is missing. */
  cat: Int32Array;
}

/**
 * Why a column cannot be used: a code the app words in the reader's language (renderer catalogue
 * `findPersonas.results.problem`), `max` for `tooMany`, and `message`, the English sentence.
 */
export interface FeatureProblem {
  column: string;
  code: 'missing' | 'constant' | 'oneAnswer' | 'noAnswers' | 'freeText' | 'wrongType' | 'tooMany';
  max?: number;
  message: string;
}

/** Builds the features of `columns`; columns that cannot be used are listed, not silently dropped. */
export function buildFeatures(table: Table, columns: readonly string[]): { features: Features; problems: FeatureProblem[] } {
  const problems: FeatureProblem[] = [];
  const numeric: { spec: NumericFeature; values: Float64Array }[] = [];
  const categorical: { spec: CategoricalFeature; codes: Int32Array }[] = [];
  const rows = table.rowCount;
  for (const key of columns.slice(0, maxClusterColumns)) {
    const column = table.columns.get(key);
    if (!column) {
      problems.push({ column: key, code: 'missing', message: `There is no column "${key}" in this data.` });
      continue;
    }
    if (column.type === 'number') {
      const { mean, std } = moments(column.values);
      if (!(std > 0)) {
        problems.push({ column: key, code: 'constant', message: `"${key}" has the same value in every response (or none), so it cannot tell groups apart.` });
        continue;
      }
      const z = new Float64Array(rows);
      for (let r = 0; r < rows; r++) z[r] = (column.values[r]! - mean) / std;
      numeric.push({ spec: { column: key, mean, std }, values: z });
    } else if (column.type === 'category') {
      if (column.dict.length < 2) {
        problems.push({ column: key, code: 'oneAnswer', message: `"${key}" has fewer than two different answers.` });
        continue;
      }
      categorical.push({ spec: { column: key, dict: column.dict }, codes: column.codes });
    } else if (column.type === 'multi') {
      const counts = new Int32Array(column.dict.length);
      for (const c of column.codes) counts[c]! += 1;
      const options = [...counts.keys()].filter((c) => counts[c]! > 0).sort((a, b) => counts[b]! - counts[a]! || a - b).slice(0, maxOptionsPerColumn);
      if (options.length === 0) {
        problems.push({ column: key, code: 'noAnswers', message: `"${key}" has no answers.` });
        continue;
      }
      for (const option of options) {
        const codes = new Int32Array(rows);
        for (let r = 0; r < rows; r++) {
          const start = column.offsets[r]!, end = column.offsets[r + 1]!;
          if (end === start) { codes[r] = -1; continue; }
          let has = 0;
          for (let j = start; j < end; j++) if (column.codes[j] === option) { has = 1; break; }
          codes[r] = has;
        }
        categorical.push({ spec: { column: key, option: column.dict[option]!, dict: ['no', 'yes'] }, codes });
      }
    } else {
      problems.push({ column: key, code: column.type === 'text' ? 'freeText' : 'wrongType', message: `"${key}" is ${column.type === 'text' ? 'free text (used for phrases, not for grouping)' : `a ${column.type} column`}; pick numbers or choices.` });
    }
  }
  if (columns.length > maxClusterColumns) problems.push({ column: columns[maxClusterColumns]!, code: 'tooMany', max: maxClusterColumns, message: `At most ${maxClusterColumns} columns can be used; the rest were left out.` });
  const nNum = numeric.length, nCat = categorical.length;
  const num = new Float64Array(rows * nNum);
  const cat = new Int32Array(rows * nCat);
  for (let f = 0; f < nNum; f++) { const v = numeric[f]!.values; for (let r = 0; r < rows; r++) num[r * nNum + f] = v[r]!; }
  for (let f = 0; f < nCat; f++) { const c = categorical[f]!.codes; for (let r = 0; r < rows; r++) cat[r * nCat + f] = c[r]!; }
  return { features: { rows, numeric: numeric.map((n) => n.spec), num, categorical: categorical.map((c) => c.spec), cat }, problems };
}

function moments(values: Float64Array): { mean: number; std: number } {
  let n = 0, sum = 0;
  for (const v of values) if (!Number.isNaN(v)) { n++; sum += v; }
  if (n === 0) return { mean: Number.NaN, std: 0 };
  const mean = sum / n;
  let ss = 0;
  for (const v of values) if (!Number.isNaN(v)) ss += (v - mean) ** 2;
  return { mean, std: Math.sqrt(ss / n) };
}

/** The features of some rows only (a sample for choosing among restarts). */
export function subsetFeatures(f: Features, rows: Int32Array): Features {
  const nNum = f.numeric.length, nCat = f.categorical.length;
  const num = new Float64Array(rows.length * nNum), cat = new Int32Array(rows.length * nCat);
  rows.forEach((r, i) => {
    num.set(f.num.subarray(r * nNum, (r + 1) * nNum), i * nNum);
    cat.set(f.cat.subarray(r * nCat, (r + 1) * nCat), i * nCat);
  });
  return { ...f, rows: rows.length, num, cat };
}
