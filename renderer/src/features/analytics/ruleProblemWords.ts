import { useCallback } from 'react';
import type { RuleMismatch } from '../../../../common/analytics/kernels';
import type { RuleProblem } from '../../../../common/analytics/rules';
import { useT } from '../../i18n';

/** A rule problem (common/analytics/rules code) in the app's language; its path only places it. */
export function useRuleProblemWords(): (problem: RuleProblem) => string {
  const t = useT();
  return useCallback((problem: RuleProblem) => t('problems.rule', { ...problem, path: undefined, message: undefined }), [t]);
}

/**
 * Why a rule can never match the data (the engine's RuleMismatch) in the app's language; a problem
 * from an engine that gave no reason as data keeps its sentence.
 */
export function mismatchWords(t: ReturnType<typeof useT>, problem: { message: string; mismatch?: RuleMismatch }): string {
  const m = problem.mismatch;
  if (!m) return problem.message;
  return t('analytics.persona.mismatch', { code: m.code, column: m.column, type: m.code === 'noColumn' ? '' : m.type, kind: m.code === 'wrongType' ? m.kind : '' });
}
