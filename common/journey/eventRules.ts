import * as v from 'valibot';

/**
 * Event-matching rules of a stage (issue 14): which events of an imported event log put a customer
 * in this stage. A stage matches an event when any of its rules does; a rule matches when the event
 * name matches and every property condition holds. Names and values compare exactly (case and
 * spaces count): the map's rule editor offers the names found in the log so spelling comes from data.
 */

/** Limits that keep a journey document small and matching fast. */
export const eventRuleLimits = { rulesPerStage: 20, valuesPerRule: 200, conditionsPerRule: 5, text: 200 } as const;

const text = v.pipe(v.string(), v.minLength(1), v.maxLength(eventRuleLimits.text));

/** A condition on one property of the event: its value is one of `values`. */
export const propertyConditionSchema = v.object({
  /** Property name as it appears in the log (a column header or a JSON key), e.g. `channel`. */
  property: text,
  values: v.pipe(v.array(v.pipe(v.string(), v.maxLength(eventRuleLimits.text))), v.minLength(1), v.maxLength(eventRuleLimits.valuesPerRule)),
});
/** A property condition. */
export type PropertyCondition = v.InferOutput<typeof propertyConditionSchema>;

/** How an event name is compared. */
export const nameMatchKinds = ['equals', 'startsWith', 'oneOf'] as const;

/** One rule: `equals` and `startsWith` use the first value, `oneOf` all of them. */
export const eventRuleSchema = v.object({
  match: v.picklist(nameMatchKinds),
  values: v.pipe(v.array(text), v.minLength(1), v.maxLength(eventRuleLimits.valuesPerRule)),
  where: v.optional(v.pipe(v.array(propertyConditionSchema), v.maxLength(eventRuleLimits.conditionsPerRule))),
});
/** An event-matching rule. */
export type EventRule = v.InferOutput<typeof eventRuleSchema>;

/** The rules of one stage. */
export const stageEventRulesSchema = v.pipe(v.array(eventRuleSchema), v.maxLength(eventRuleLimits.rulesPerStage));

/** Whether an event (name and property lookup) satisfies a rule. The one definition every matcher follows. */
export function ruleMatches(rule: EventRule, name: string, property: (key: string) => string | null): boolean {
  const nameOk = rule.match === 'equals' ? name === rule.values[0]
    : rule.match === 'startsWith' ? name.startsWith(rule.values[0]!)
      : rule.values.includes(name);
  if (!nameOk) return false;
  return (rule.where ?? []).every((c) => {
    const value = property(c.property);
    return value !== null && c.values.includes(value);
  });
}

/** A one-line description of a rule for lists and tooltips. */
export function describeRule(rule: EventRule): string {
  const name = rule.match === 'equals' ? `= ${rule.values[0]}`
    : rule.match === 'startsWith' ? `starts with ${rule.values[0]}` : `one of ${rule.values.join(', ')}`;
  const where = (rule.where ?? []).map((c) => `${c.property} ∈ {${c.values.join(', ')}}`);
  return where.length > 0 ? `${name} where ${where.join(' and ')}` : name;
}
