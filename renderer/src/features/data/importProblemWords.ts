import { useMemo } from 'react';
import type { RejectedRow } from '../../../../common/import/rows';
import type { ValueProblem } from '../../../../common/import/values';
import { useT } from '../../i18n';

/**
 * Import problems (common/import codes) in the app's language: why a value could not be read, and
 * why a row was left out (its respondent id, or its size). A rejected row without a code (another
 * importer's) shows its English reason.
 */
export function useImportProblemWords() {
  const t = useT();
  return useMemo(() => {
    const value = (problem: ValueProblem) => t('problems.value', problem);
    const row = (r: RejectedRow) => {
      if (!r.problem) return r.reason;
      if (r.problem.code === 'rowTooLarge') return t('problems.rowTooLarge', r.problem);
      const worded = value(r.problem);
      return r.column ? t('problems.inColumn', { column: r.column, problem: worded }) : worded;
    };
    return { value, row };
  }, [t]);
}
