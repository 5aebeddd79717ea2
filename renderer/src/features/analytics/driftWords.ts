import { useMemo } from 'react';
import type { DistributionShift, DriftReport, DriftRule } from '../../../../common/analytics/drift';
import { useT, type MessageId } from '../../i18n';

/**
 * Drift in the app's language: the alerts of a report (from its figures), the rule as a sentence,
 * why a column was not judged, and why an edited rule was refused. common/analytics/drift keeps the
 * English (`driftAlerts`, `describeDriftRule`) for tests and the command line.
 */
export function useDriftWords() {
  const t = useT();
  return useMemo(() => ({
    alerts(report: DriftReport, labelOf: (column: string) => string = (c) => c): string[] {
      const day = report.day ?? '';
      return [
        ...report.shifts.filter((s) => s.alert).map((s) => t('drift.alert.shift', { column: labelOf(s.column), day, tvd: s.tvd, p: s.p.toExponential(1), current: s.current, reference: s.reference })),
        ...report.metrics.filter((m) => m.alert).map((m) => t('drift.alert.metric', {
          metric: t(`analytics.metric.${m.metric}` as MessageId), day, value: m.value, reference: m.reference, delta: m.delta, limit: m.limit,
        })),
      ];
    },
    rule: (rule: DriftRule) => t('drift.rule', { days: rule.referenceDays, alpha: rule.alpha, minTvd: rule.minTvd, minAnswers: rule.minAnswers, sigmas: rule.sigmas }),
    notJudged: (n: NonNullable<DistributionShift['notJudged']>) => t('drift.notJudged', n),
    ruleProblem: (field: keyof DriftRule, min: number, max: number) => t('drift.ruleProblem', { field: t(`analytics.drift.field.${field}`), min, max }),
  }), [t]);
}
