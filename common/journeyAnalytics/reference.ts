/**
 * A plain reference of the journey figures: objects, maps and array sorts, written from the
 * definitions in types.ts without any of the kernels' tricks. Tests compare the kernels with it on
 * generated logs; it is too slow for real data.
 */
import { ruleMatches } from '../journey/eventRules';
import type { CardSpec } from './cards';
import type { StageSpec } from './match';
import { pathFlags, pathKey, rankPaths } from './paths';
import { durationBuckets, type AnalyseOptions, type DurationSummary, type JourneyFigures } from './types';

/** One event as a plain record. */
export interface PlainEvent {
  customer: string;
  event: string;
  time: number;
  properties?: Record<string, string>;
}

function summary(values: number[]): DurationSummary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => (sorted.length === 0 ? null : sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1]!);
  const buckets = durationBuckets.map((upper, b) => sorted.filter((v) => v < upper && (b === 0 || v >= durationBuckets[b - 1]!)).length);
  let sum = 0;
  for (const v of sorted) sum += v;
  return { count: sorted.length, median: at(0.5), p90: at(0.9), mean: sorted.length > 0 ? sum / sorted.length : null, buckets };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The reference analysis. */
export function referenceAnalyse(all: readonly PlainEvent[], stages: readonly StageSpec[], options: AnalyseOptions = {}): JourneyFigures {
  const k = stages.length;
  const stageOf = (e: PlainEvent) => stages.findIndex((st) => (st.events ?? []).some((r) => ruleMatches(r, e.event, (key) => e.properties?.[key] ?? null)));
  const groups = new Map<string, { e: PlainEvent; stage: number }[]>();
  for (const e of all) groups.set(e.customer, [...(groups.get(e.customer) ?? []), { e, stage: stageOf(e) }]);
  const sortKey = (s: number) => (s < 0 ? Infinity : s);
  const customers = [...groups.values()].map((list) => {
    list.sort((a, b) => a.e.time - b.e.time || sortKey(a.stage) - sortKey(b.stage) || byText(a.e.event, b.e.event));
    const seen = new Set<string>();
    const kept = list.filter((x) => {
      const key = `${x.e.event}\u0000${x.e.time}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { kept, duplicates: list.length - kept.length };
  });
  const filter = options.filter ?? { kind: 'all' };
  const included = customers.filter(({ kept }) => {
    const first = kept[0]!.e;
    if (filter.kind === 'period') return first.time >= filter.from && first.time < filter.to;
    if (filter.kind === 'property') return filter.values.includes(first.properties?.[filter.property] ?? '\u0000none');
    return true;
  });
  const asOf = options.asOf ?? included.reduce((m, c) => Math.max(m, ...c.kept.map((x) => x.e.time)), -Infinity);
  const now = asOf === -Infinity ? 0 : asOf;
  const inactiveAfter = options.inactiveAfterMs ?? 30 * 86_400_000;
  const maxPath = options.maxPathLength ?? 12;

  const progress: number[] = [];
  const anyReach = new Array<number>(k).fill(0);
  const inStage: number[][] = stages.map(() => []);
  const toNext: number[][] = stages.map(() => []);
  const toComplete: number[] = [];
  const current = new Array<number>(k).fill(0);
  const paths = new Map<string, number>();
  // "from>to" → the customers who made that move and how many times.
  const moved = new Map<string, { who: Set<number>; moves: number }>();
  const unmatched = new Map<string, number>();
  const cards = (options.cards ?? []).map((card) => ({ card, reached: 0, customers: 0, events: 0 }));
  const meets = (card: CardSpec, e: PlainEvent) => card.events.some((r) => ruleMatches(r, e.event, (key) => e.properties?.[key] ?? null));
  let inactive = 0, events = 0, duplicates = 0;
  for (const [who, { kept, duplicates: d }] of included.entries()) {
    duplicates += d;
    events += kept.length;
    for (const x of kept) if (x.stage < 0 && !cards.some((c) => meets(c.card, x.e))) unmatched.set(x.e.event, (unmatched.get(x.e.event) ?? 0) + 1);
    for (const c of cards) {
      const mine = kept.filter((x) => meets(c.card, x.e));
      if (mine.length === 0) continue;
      c.events += mine.length;
      c.customers += 1;
      if (kept.some((x) => x.stage === c.card.stage)) c.reached += 1;
    }
    const matched = kept.filter((x) => x.stage >= 0);
    if (matched.length === 0) continue;
    for (let s = 0; s < k; s++) if (matched.some((x) => x.stage === s)) anyReach[s]! += 1;
    // In order: the first event of stage 0, then the first of stage 1 after it, and so on.
    const at: number[] = [];
    for (let s = 0, from = 0; s < k; s++) {
      const j = matched.findIndex((x, idx) => idx >= from && x.stage === s);
      if (j < 0) break;
      at.push(j);
      from = j + 1;
    }
    const p = at.length;
    progress.push(p);
    for (let s = 0; s < p; s++) {
      const until = s + 1 < p ? at[s + 1]! : matched.length;
      const own = matched.slice(at[s]!, until).filter((x) => x.stage === s);
      const dwell = own[own.length - 1]!.e.time - matched[at[s]!]!.e.time;
      if (s + 1 < p) {
        inStage[s]!.push(dwell);
        toNext[s]!.push(matched[at[s + 1]!]!.e.time - matched[at[s]!]!.e.time);
      } else if (s === k - 1) inStage[s]!.push(dwell);
    }
    if (p === k && k > 0) toComplete.push(matched[at[k - 1]!]!.e.time - matched[at[0]!]!.e.time);
    const visited: number[] = [];
    for (const x of matched) if (visited[visited.length - 1] !== x.stage || visited.length === 0) visited.push(x.stage);
    for (let i = 1; i < visited.length; i++) {
      const key = `${visited[i - 1]}>${visited[i]}`;
      const cell = moved.get(key) ?? { who: new Set<number>(), moves: 0 };
      cell.who.add(who);
      cell.moves += 1;
      moved.set(key, cell);
    }
    const path = visited.length > maxPath ? [...visited.slice(0, maxPath), -1] : visited;
    const key = pathKey(path);
    paths.set(key, (paths.get(key) ?? 0) + 1);
    const past = matched.filter((x) => x.e.time <= now);
    const last = past[past.length - 1];
    if (last) {
      if (now - last.e.time <= inactiveAfter) current[last.stage]! += 1;
      else inactive += 1;
    }
  }
  const reached = (s: number) => progress.filter((p) => p > s).length;
  const rate = (a: number, b: number) => (b > 0 ? a / b : null);
  const completed = k > 0 ? reached(k - 1) : 0;
  return {
    events, duplicates, customers: included.length, matchedCustomers: progress.length,
    stages: stages.map((st, s) => {
      const dropOff = s === k - 1 ? 0 : progress.filter((p) => p === s + 1).length;
      return {
        stageId: st.id, name: st.name, reachStrict: reached(s), reachAny: anyReach[s]!,
        conversionStrict: s === 0 ? (reached(0) > 0 ? 1 : null) : rate(reached(s), reached(s - 1)),
        conversionAny: s === 0 ? (anyReach[0]! > 0 ? 1 : null) : rate(anyReach[s]!, anyReach[s - 1]!),
        dropOff, dropOffRate: rate(dropOff, reached(s)),
        timeInStage: summary(inStage[s]!), timeToNext: s < k - 1 ? summary(toNext[s]!) : null, current: current[s]!,
      };
    }),
    completed, completionRate: k > 0 ? rate(completed, reached(0)) : null, timeToComplete: summary(toComplete),
    topPaths: rankPaths(paths, options.topPaths ?? 20).map(([key, n]) => ({ ...pathFlags(key, k), customers: n })),
    pathCount: paths.size,
    transitions: [...moved].map(([key, cell]) => {
      const [from, to] = key.split('>').map(Number) as [number, number];
      return { from, to, customers: cell.who.size, moves: cell.moves };
    }).sort((a, b) => a.from - b.from || a.to - b.to),
    asOf: now, inactiveAfterMs: inactiveAfter, inactive,
    unmatched: [...unmatched].map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || byText(a.name, b.name)).slice(0, options.unmatchedListed ?? 50),
    ...(options.cards ? {
      cards: cards.map((c) => ({
        cardId: c.card.id, reached: c.reached, customers: c.customers, events: c.events,
        share: (anyReach[c.card.stage] ?? 0) > 0 ? c.reached / anyReach[c.card.stage]! : null,
      })),
    } : {}),
  };
}
