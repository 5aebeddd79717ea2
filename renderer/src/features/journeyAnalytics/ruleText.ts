import type { EventRule } from '../../../../common/journey';
import type { JourneyFormat } from './journeyFormat';

/** A stage's event rule in words: "= signup", "starts with page_ where plan is pro or team". */
export function ruleText(rule: EventRule, f: JourneyFormat): string {
  const { t } = f;
  const name = rule.match === 'equals' ? t('journeyAnalytics.rule.equals', { name: rule.values[0] ?? '' })
    : rule.match === 'startsWith' ? t('journeyAnalytics.rule.startsWith', { name: rule.values[0] ?? '' })
      : t('journeyAnalytics.rule.oneOf', { names: rule.values.join(', ') });
  const where = (rule.where ?? []).map((c) => t('journeyAnalytics.rule.condition', { property: c.property, values: c.values.join(', ') }));
  return where.length > 0 ? t('journeyAnalytics.rule.where', { rule: name, conditions: f.list(where) }) : name;
}
