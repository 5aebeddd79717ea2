/**
 * Generated event logs with a known funnel, for tests and the benchmark. Each customer is given a
 * furthest stage and walks the stages in order up to it; the messy variant adds what real logs have:
 * exact duplicate events, customers who come back to the start, customers who skip a stage and do it
 * later (so strict and any-order reach differ), events that match no stage, and rows out of order.
 */
import { seededRandom } from '../random';
import type { EventRule } from '../journey/eventRules';
import type { StageSpec } from './match';

/** The journey the generator's events are meant for. */
export const generatedStages: StageSpec[] = [
  { id: 'discover', name: 'Discover', events: [{ match: 'startsWith', values: ['page_view'] }] },
  { id: 'consider', name: 'Consider', events: [{ match: 'equals', values: ['pricing_viewed'] }] },
  { id: 'signup', name: 'Sign up', events: [{ match: 'oneOf', values: ['signup_completed', 'sso_signup'] }] },
  { id: 'onboard', name: 'Onboard', events: [{ match: 'equals', values: ['project_created'] }] },
  { id: 'subscribe', name: 'Subscribe', events: [{ match: 'equals', values: ['checkout_completed'], where: [{ property: 'plan', values: ['pro', 'team'] }] } satisfies EventRule] },
];

const stageEvents = [['page_view', 'page_view_pricing'], ['pricing_viewed'], ['signup_completed', 'sso_signup'], ['project_created'], ['checkout_completed']];
const channels = ['web', 'app', 'email'];

/** What the generator knows about the funnel it wrote. */
export interface KnownFunnel {
  /** Customers who reached each stage in order. */
  reachStrict: number[];
  /** Customers with any event of each stage. */
  reachAny: number[];
  /** Customers with at least one event matching a stage. */
  matchedCustomers: number;
  /** Distinct customers. */
  customers: number;
  /** Exact duplicate events written. */
  duplicates: number;
}

/** Reproducible generated logs from a seed (mulberry32). */
export const random = seededRandom;

/** Receives each generated event; `plan` is set on checkouts only. */
export type Emit = (customer: string, event: string, time: number, channel: string, plan: string | null) => void;


/**
 * Generates `customers` customers' events through `emit` (in customer order: shuffle them to test
 * order independence); `extra` adds that many unmatched events per customer on average; `keep(c, s)`
 * is the chance that customer number c goes on from stage s to s + 1 (default 0.7), which plants
 * group effects (a persona that stalls at one stage). Returns the known funnel.
 */
export function generateEvents(
  opts: { customers: number; seed: number; messy?: boolean; start?: number; extra?: number; keep?: (customer: number, stage: number) => number },
  emit: Emit,
): KnownFunnel {
  const rnd = random(opts.seed);
  const k = stageEvents.length;
  const reachStrict = new Array<number>(k).fill(0);
  const reachAny = new Array<number>(k).fill(0);
  const start = opts.start ?? Date.UTC(2024, 0, 1);
  let matchedCustomers = 0, duplicates = 0, customers = 0;
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  for (let c = 0; c < opts.customers; c++) {
    const id = `c${c.toString(36)}`;
    const channel = pick(channels);
    let t = start + Math.floor(rnd() * 60 * 86_400_000);
    const step = () => { t += 1000 + Math.floor(rnd() * rnd() * 3 * 86_400_000); return t; };
    let emitted = false;
    const say = (event: string, plan: string | null = null) => {
      const at = step();
      emitted = true;
      emit(id, event, at, channel, plan);
      if (opts.messy && rnd() < 0.05) { emit(id, event, at, channel, plan); duplicates++; }
    };
    if (rnd() < 0.3) say('newsletter_opened');
    // Furthest stage: each stage keeps about 60–80 % of the previous one; -1 = no stage event at all.
    let furthest = -1;
    if (rnd() < 0.9) { furthest = 0; while (furthest < k - 1 && rnd() < (opts.keep?.(c, furthest) ?? 0.7)) furthest++; }
    const skipper = opts.messy && furthest >= 2 && rnd() < 0.1;
    const any = new Set<number>();
    if (skipper) {
      // Skips "Consider": reaches stage 0, then signs up; looks at pricing only afterwards.
      say(pick(stageEvents[0]!)); say(pick(stageEvents[2]!)); say(stageEvents[1]![0]!);
      reachStrict[0]! += 1; reachStrict[1]! += 1;
      [0, 1, 2].forEach((s) => any.add(s));
    } else {
      for (let s = 0; s <= furthest; s++) {
        const repeats = 1 + Math.floor(rnd() * rnd() * 3);
        for (let r = 0; r < repeats; r++) say(pick(stageEvents[s]!), s === k - 1 ? pick(['pro', 'team']) : null);
        reachStrict[s]! += 1;
        any.add(s);
      }
      if (furthest >= 1 && furthest < k - 1 && rnd() < 0.3) say('checkout_completed', 'free');
      if (opts.messy && furthest >= 1 && rnd() < 0.15) { say('page_view'); say('pricing_viewed'); }
    }
    // Activity that matches no stage (the bulk of a real product log), about `extra` per customer.
    if (opts.extra) for (let x = Math.floor(rnd() * 2 * opts.extra); x > 0; x--) say('feature_used');
    if (emitted) customers++;
    if (any.size > 0) matchedCustomers++;
    for (const s of any) reachAny[s]! += 1;
  }
  return { reachStrict, reachAny, matchedCustomers, customers, duplicates };
}

/** Shuffles a list in place with a seeded PRNG (Fisher–Yates). */
export function shuffle<T>(list: T[], seed: number): T[] {
  const rnd = random(seed);
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}
