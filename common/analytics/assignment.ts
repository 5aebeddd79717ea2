/**
 * Each respondent's best persona with a confidence: the persona scoring highest (at least 50, the
 * coverage threshold) and the margin in points over the runner-up. A margin is plainer than a
 * classifier's probability and needs nothing but the rules everyone can read: 25 points or more is a
 * clear call, 10 to 25 likely, under 10 a close call between two personas.
 */
import type { Analysis } from './analyse';
import { numeratorAt } from './kernels';

/** Lowest score that assigns a respondent to a persona. */
export const assignAt = 50;
/** Margins (points over the runner-up) that bound the confidence bands. */
export const clearMargin = 25;
export const likelyMargin = 10;

export type Confidence = 'clear' | 'likely' | 'close';

/**
 * Per row: best persona index (-1: none scores ≥ 50), its score and the margin; `scored` is 0 for rows
 * no persona scores (outside every persona's datasets or the date range), which count nowhere.
 */
export interface RowAssignment { best: Int16Array; percent: Float32Array; margin: Float32Array; scored: Uint8Array }

export function confidenceOf(margin: number): Confidence {
  return margin >= clearMargin ? 'clear' : margin >= likelyMargin ? 'likely' : 'close';
}

/** Assigns every row from an analysis (rows outside a persona's datasets or the date range are not its). */
export function assignRows(analysis: Analysis): RowAssignment {
  const n = analysis.rowCount;
  const best = new Int16Array(n).fill(-1);
  const percent = new Float32Array(n);
  const margin = new Float32Array(n);
  const top = new Float64Array(n).fill(-1);
  const second = new Float64Array(n);
  const scored = new Uint8Array(n);
  analysis.personas.forEach((p, index) => {
    const { denominator } = p.scores;
    if (denominator === 0) return;
    for (let i = 0; i < n; i++) {
      if (!p.inScope[i]) continue;
      scored[i] = 1;
      const score = (numeratorAt(p.scores, i) * 100) / denominator;
      if (score > top[i]!) { second[i] = Math.max(0, top[i]!); top[i] = score; best[i] = index; }
      else if (score > second[i]!) second[i] = score;
    }
  });
  for (let i = 0; i < n; i++) {
    if (top[i]! < assignAt) { best[i] = -1; continue; }
    percent[i] = top[i]!;
    margin[i] = top[i]! - second[i]!;
  }
  return { best, percent, margin, scored };
}

/** Counts per persona and band, and the rows no persona takes. */
export interface AssignmentCounts { perPersona: Record<Confidence, number>[]; unassigned: number }

export function countAssignments(a: RowAssignment, personas: number, rows?: (row: number) => boolean): AssignmentCounts {
  const perPersona = Array.from({ length: personas }, () => ({ clear: 0, likely: 0, close: 0 }));
  let unassigned = 0;
  for (let i = 0; i < a.best.length; i++) {
    if (!a.scored[i] || (rows && !rows(i))) continue;
    const p = a.best[i]!;
    if (p < 0) unassigned++;
    else perPersona[p]![confidenceOf(a.margin[i]!)]++;
  }
  return { perPersona, unassigned };
}

/**
 * Before and after a re-classification, by respondent key (an id, or the row when there is none):
 * `moves[from][to]` counts respondents, with index `personas` standing for "no persona". Respondents
 * present on only one side (a wave imported in between) are counted in `added` / `removed`.
 */
export interface AssignmentChange { personaIds: string[]; moves: number[][]; changed: number; added: number; removed: number }

export function compareAssignments(
  before: { keys: readonly string[]; personaIds: readonly string[]; best: ArrayLike<number> },
  after: { keys: readonly string[]; personaIds: readonly string[]; best: ArrayLike<number> },
): AssignmentChange {
  const personaIds = [...new Set([...before.personaIds, ...after.personaIds])];
  const none = personaIds.length;
  const slot = (ids: readonly string[], p: number) => (p < 0 ? none : personaIds.indexOf(ids[p]!));
  const was = new Map<string, number>();
  before.keys.forEach((k, i) => was.set(k, slot(before.personaIds, before.best[i]!)));
  const moves = Array.from({ length: none + 1 }, () => new Array<number>(none + 1).fill(0));
  let changed = 0, added = 0;
  after.keys.forEach((k, i) => {
    const to = slot(after.personaIds, after.best[i]!);
    const from = was.get(k);
    if (from === undefined) { added++; return; }
    was.delete(k);
    moves[from]![to]! += 1;
    if (from !== to) changed++;
  });
  return { personaIds, moves, changed, added, removed: was.size };
}
