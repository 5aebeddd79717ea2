import { useCallback } from 'react';
import type { RuleProblem } from '../../../../common/analytics/rules';
import { useT } from '../../i18n';

/** A rule problem (common/analytics/rules code) in the app's language; its path only places it. */
export function useRuleProblemWords(): (problem: RuleProblem) => string {
  const t = useT();
  return useCallback((problem: RuleProblem) => t('problems.rule', { ...problem, path: undefined, message: undefined }), [t]);
}
