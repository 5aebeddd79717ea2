import { cellCards, type Card, type CardLane, type EventRule, type JourneyChange, type JourneyMap, type Stage } from '../../../../common/journey';

/** Adds an event name to a stage's or card's rules: into its first plain "is"/"is one of" rule, or as a new rule. */
export function withEventName(target: Stage | Card, name: string): EventRule[] {
  const rules = target.events ?? [];
  const at = rules.findIndex((r) => (r.match === 'equals' || r.match === 'oneOf') && !r.where);
  if (at < 0) return [...rules, { match: 'equals', values: [name] }];
  return rules.map((r, i) => (i === at ? { match: 'oneOf', values: [...new Set([...r.values, name])] } : r));
}

/** A card that can take event rules, where it sits on the map; `n` counts from 1 within its cell. */
export interface CardTarget { lane: CardLane; stage: Stage; card: Card; n: number }

/**
 * The cards an unmatched event can be added to: those of touchpoint and channel lanes, the only
 * lanes whose cards offer event rules on the map (CardCell), in map order.
 */
export function cardTargets(map: Pick<JourneyMap, 'stages' | 'lanes' | 'cells'>): CardTarget[] {
  const out: CardTarget[] = [];
  for (const lane of map.lanes) {
    if (lane.type !== 'touchpoints' && lane.type !== 'channels') continue;
    for (const stage of map.stages) {
      cellCards(map as JourneyMap, lane.id, stage.id).forEach((card, i) => out.push({ lane, stage, card, n: i + 1 }));
    }
  }
  return out;
}

/** The change that adds an event name to one card's rules, leaving the rest of its cell as it is. */
export function addEventToCard(map: Pick<JourneyMap, 'cells'>, target: CardTarget, name: string): JourneyChange {
  const cards = cellCards(map as JourneyMap, target.lane.id, target.stage.id)
    .map((c) => (c.id === target.card.id ? { ...c, events: withEventName(c, name) } : c));
  return { type: 'setCell', laneId: target.lane.id, stageId: target.stage.id, cards };
}
