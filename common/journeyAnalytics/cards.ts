/**
 * Touchpoint card figures (issue 14 item 2): a card with event rules counts the customers who met
 * it, i.e. had at least one event matching one of its rules. What a CX consultant reads off a card is
 * "of the customers who reached this stage, how many used this touchpoint", so the card's share is
 * taken over its stage's reach (any order) and counts only customers who also reached the stage;
 * customers who met the touchpoint without reaching the stage are counted apart, so nothing is hidden.
 * Card rules never move a customer between stages; an event a card matches is no longer "unmatched".
 *
 * The counter runs inside the kernels' one pass over customers (kernels.ts): name rules are resolved
 * once per distinct event name, property conditions once per row as code sets, as in match.ts.
 */
import { ruleMatches, type EventRule } from '../journey/eventRules';
import { cellCards, isCardLane, type JourneyMap } from '../journey/mapModel';
import type { EventLog } from './types';

/** A card with rules, as the kernels take it. */
export interface CardSpec {
  /** The card's id in the map. */
  id: string;
  /** Index of the card's stage in the stage list analysed. */
  stage: number;
  events: EventRule[];
}

/** What a card shows. */
export interface CardFigures {
  cardId: string;
  /** Customers with a matching event who reached the card's stage (any order). */
  reached: number;
  /** reached / the stage's reach in any order; null when no one reached the stage. */
  share: number | null;
  /** Customers with a matching event whether or not they reached the stage. */
  customers: number;
  /** Matching events (duplicates dropped). */
  events: number;
}

/** One way an event name can meet a card: always, or when every condition holds on the row. */
interface Check {
  card: number;
  /** null: the name alone is enough. */
  conditions: { column: Int32Array | null; allowed: Uint8Array }[] | null;
}

/** Counts card figures customer by customer; see the module comment. */
export class CardCounter {
  private readonly checks: Check[][];
  private readonly seenBy: Int32Array;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  private readonly reached: Int32Array;
  private readonly customers: Int32Array;
  private readonly events: Int32Array;

  constructor(log: EventLog, private readonly cards: readonly CardSpec[]) {
    const propIndex = new Map(log.properties.map((p, i) => [p.name, i]));
    this.checks = log.events.map((name) => {
      const out: Check[] = [];
      cards.forEach((card, c) => {
        const rules = card.events.filter((r) => ruleMatches({ ...r, where: [] }, name, () => null));
        if (rules.length === 0) return;
        if (rules.some((r) => !r.where || r.where.length === 0)) { out.push({ card: c, conditions: null }); return; }
        for (const r of rules) {
          out.push({
            card: c,
            conditions: r.where!.map((cond) => {
              const prop = log.properties[propIndex.get(cond.property) ?? -1] ?? null;
              const allowed = new Uint8Array(prop ? prop.dict.length : 0);
              prop?.dict.forEach((value, i) => { if (cond.values.includes(value)) allowed[i] = 1; });
              return { column: prop ? prop.codes : null, allowed };
            }),
          });
        }
      });
      return out;
    });
    this.seenBy = new Int32Array(cards.length).fill(-1);
    this.touched = new Int32Array(cards.length);
    this.reached = new Int32Array(cards.length);
    this.customers = new Int32Array(cards.length);
    this.events = new Int32Array(cards.length);
  }

  /** Counts one (non-duplicate) event of customer `c`; true when some card matched it. */
  event(c: number, row: number, code: number): boolean {
    const list = this.checks[code]!;
    if (list.length === 0) return false;
    let any = false;
    let last = -1;
    for (const check of list) {
      if (check.card === last) continue;
      if (check.conditions && !check.conditions.every((k) => k.column !== null && k.column[row]! >= 0 && k.allowed[k.column[row]!] === 1)) continue;
      last = check.card;
      any = true;
      this.events[check.card]!++;
      if (this.seenBy[check.card] !== c) { this.seenBy[check.card] = c; this.touched[this.touchedCount++] = check.card; }
    }
    return any;
  }

  /** Closes customer `c`; `seen[s] === c` when the customer had an event of stage s (the kernels' marks). */
  endCustomer(c: number, seen: Int32Array): void {
    for (let i = 0; i < this.touchedCount; i++) {
      const card = this.touched[i]!;
      this.customers[card]!++;
      if (seen[this.cards[card]!.stage] === c) this.reached[card]!++;
    }
    this.touchedCount = 0;
  }

  /** The figures, in the order the cards were given; `stageReach[s]` is stage s's reach in any order. */
  figures(stageReach: ArrayLike<number>): CardFigures[] {
    return this.cards.map((card, i) => {
      const reach = stageReach[card.stage] ?? 0;
      return { cardId: card.id, reached: this.reached[i]!, share: reach > 0 ? this.reached[i]! / reach : null, customers: this.customers[i]!, events: this.events[i]! };
    });
  }
}

/**
 * The cards of a map that have event rules, lane by lane and stage by stage (the map's reading
 * order), with their stage's index. Cards without rules, and cells of stages or lanes that no longer
 * exist, are left out.
 */
export function cardSpecsOf(map: Pick<JourneyMap, 'stages' | 'lanes' | 'cells'>): CardSpec[] {
  const out: CardSpec[] = [];
  for (const lane of map.lanes) {
    if (!isCardLane(lane)) continue;
    map.stages.forEach((stage, s) => {
      for (const card of cellCards(map as JourneyMap, lane.id, stage.id)) {
        if ((card.events ?? []).length > 0) out.push({ id: card.id, stage: s, events: card.events! });
      }
    });
  }
  return out;
}
