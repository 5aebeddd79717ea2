/**
 * The journey kernels: one pass over a log in customer and time order computes reach in order and
 * in any order, drop-off, time in and between stages, completion, paths, moves between stages
 * (skips and loops) and current stages. Typed
 * arrays throughout; the only per-customer allocation is the path string. Checked against the plain
 * reference in reference.ts on generated logs.
 */
import { CardCounter } from './cards';
import { stagesOfEvents, type StageSpec } from './match';
import { customerOrder } from './order';
import { pathFlags, rankPaths } from './paths';
import { DurationList } from './stats';
import type { AnalyseOptions, EventLog, JourneyFigures, StageFigures, StageTransition } from './types';

const day = 86_400_000;

/** Computes a journey's figures over an event log. */
export function analyseJourney(log: EventLog, stages: readonly StageSpec[], options: AnalyseOptions = {}): JourneyFigures {
  const stageOf = stagesOfEvents(log, stages);
  const { order, start, duplicate } = customerOrder(log, stageOf);
  const k = stages.length;
  const include = customerFilter(log, order, start, options);
  const { time, event } = log;

  let asOf = options.asOf ?? -Infinity;
  if (options.asOf === undefined) {
    for (let c = 0; c < log.customers.length; c++) {
      if (!include(c)) continue;
      const last = start[c + 1]! - 1;
      if (last >= start[c]! && time[order[last]!]! > asOf) asOf = time[order[last]!]!;
    }
    if (asOf === -Infinity) asOf = 0;
  }
  const inactiveAfter = options.inactiveAfterMs ?? 30 * day;
  const maxPath = options.maxPathLength ?? 12;

  const reachStrict = new Int32Array(k + 1);
  const reachAny = new Int32Array(k);
  const seen = new Int32Array(k).fill(-1);
  const current = new Int32Array(k);
  const inStage = Array.from({ length: k }, () => new DurationList());
  const toNext = Array.from({ length: k }, () => new DurationList());
  const toComplete = new DurationList();
  const entry = new Float64Array(k);
  const lastIn = new Float64Array(k);
  const unmatched = new Int32Array(log.events.length);
  const paths = new Map<string, number>();
  // k ≤ 200 stages (the map's limit), so a k×k table of moves is at most 40,000 cells.
  const moves = new Int32Array(k * k);
  const movers = new Int32Array(k * k);
  const movedBy = new Int32Array(k * k).fill(-1);
  const cards = options.cards ? new CardCounter(log, options.cards) : null;
  let events = 0, duplicates = 0, customers = 0, matchedCustomers = 0, inactive = 0;

  for (let c = 0; c < log.customers.length; c++) {
    const lo = start[c]!, hi = start[c + 1]!;
    if (lo === hi || !include(c)) continue;
    customers++;
    let p = 0;
    let path = '';
    let pathLength = 0;
    let prev = -1;
    let lastStage = -1, lastTime = 0;
    for (let i = lo; i < hi; i++) {
      if (duplicate[i] === 1) { duplicates++; continue; }
      events++;
      const row = order[i]!;
      const s = stageOf[row]!;
      const byCard = cards !== null && cards.event(c, row, event[row]!);
      if (s < 0) { if (!byCard) unmatched[event[row]!]!++; continue; }
      const t = time[row]!;
      if (seen[s] !== c) { seen[s] = c; reachAny[s]!++; }
      if (p < k && s === p) { entry[p] = t; lastIn[p] = t; p++; } else if (p > 0 && s === p - 1) lastIn[s] = t;
      if (s !== prev) {
        if (prev >= 0) {
          const cell = prev * k + s;
          moves[cell]!++;
          if (movedBy[cell] !== c) { movedBy[cell] = c; movers[cell]!++; }
        }
        if (pathLength < maxPath) path += String.fromCharCode(0x100 + s);
        else if (pathLength === maxPath) path += '\u00ff';
        pathLength++;
        prev = s;
      }
      if (t <= asOf) { lastStage = s; lastTime = t; }
    }
    cards?.endCustomer(c, seen);
    if (prev < 0) continue;
    matchedCustomers++;
    reachStrict[p]!++;
    for (let s = 0; s < p; s++) {
      if (s + 1 < p) {
        inStage[s]!.push(lastIn[s]! - entry[s]!);
        toNext[s]!.push(entry[s + 1]! - entry[s]!);
      } else if (s === k - 1) inStage[s]!.push(lastIn[s]! - entry[s]!);
    }
    if (p === k && k > 0) toComplete.push(entry[k - 1]! - entry[0]!);
    paths.set(path, (paths.get(path) ?? 0) + 1);
    if (lastStage >= 0) {
      if (asOf - lastTime <= inactiveAfter) current[lastStage]!++;
      else inactive++;
    }
  }
  // reachStrict[p] counted customers whose progress is exactly p; turn it into "reached stage i".
  const furthest = Array.from(reachStrict);
  for (let i = k - 1; i >= 0; i--) reachStrict[i]! += reachStrict[i + 1]!;
  const figures: StageFigures[] = stages.map((st, i) => {
    const reached = reachStrict[i + 1]!;
    const dropOff = i === k - 1 ? 0 : furthest[i + 1]!;
    return {
      stageId: st.id, name: st.name,
      reachStrict: reached, reachAny: reachAny[i]!,
      conversionStrict: i === 0 ? (reached > 0 ? 1 : null) : ratio(reached, reachStrict[i]!),
      conversionAny: i === 0 ? (reachAny[0]! > 0 ? 1 : null) : ratio(reachAny[i]!, reachAny[i - 1]!),
      dropOff, dropOffRate: ratio(dropOff, reached),
      timeInStage: inStage[i]!.summary(),
      timeToNext: i < k - 1 ? toNext[i]!.summary() : null,
      current: current[i]!,
    };
  });
  const completed = k > 0 ? reachStrict[k]! : 0;
  return {
    events, duplicates, customers, matchedCustomers, stages: figures,
    completed, completionRate: k > 0 ? ratio(completed, reachStrict[1]!) : null,
    timeToComplete: toComplete.summary(),
    topPaths: rankPaths(paths, options.topPaths ?? 20).map(([key, count]) => ({ ...pathFlags(key, k), customers: count })),
    pathCount: paths.size,
    transitions: transitionList(moves, movers, k),
    asOf, inactiveAfterMs: inactiveAfter, inactive,
    unmatched: Array.from(unmatched, (count, code) => ({ name: log.events[code]!, count }))
      .filter((u) => u.count > 0)
      .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .slice(0, options.unmatchedListed ?? 50),
    ...(cards ? { cards: cards.figures(reachAny) } : {}),
  };
}

/** The non-empty cells of the move table, by `from` then `to`. */
function transitionList(moves: Int32Array, movers: Int32Array, k: number): StageTransition[] {
  const out: StageTransition[] = [];
  for (let cell = 0; cell < moves.length; cell++) {
    if (moves[cell]! > 0) out.push({ from: Math.floor(cell / k), to: cell % k, customers: movers[cell]!, moves: moves[cell]! });
  }
  return out;
}

function ratio(a: number, b: number): number | null {
  return b > 0 ? a / b : null;
}

/** The customers an analysis covers, by their first event (the first in sorted order, duplicates aside). */
function customerFilter(log: EventLog, order: Int32Array, start: Int32Array, options: AnalyseOptions): (c: number) => boolean {
  const filter = options.filter ?? { kind: 'all' };
  if (filter.kind === 'all') return () => true;
  if (filter.kind === 'period') {
    return (c) => {
      const t = log.time[order[start[c]!]!]!;
      return start[c]! < start[c + 1]! && t >= filter.from && t < filter.to;
    };
  }
  const prop = log.properties.find((p) => p.name === filter.property);
  if (!prop) return () => false;
  const allowed = new Uint8Array(prop.dict.length);
  prop.dict.forEach((v, i) => { if (filter.values.includes(v)) allowed[i] = 1; });
  return (c) => {
    if (start[c]! === start[c + 1]!) return false;
    const code = prop.codes[order[start[c]!]!]!;
    return code >= 0 && allowed[code] === 1;
  };
}
