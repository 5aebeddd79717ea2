import { useCallback } from 'react';
import { useT } from '../../../i18n';
import type { RunsProblem, RunsTarget } from './runsApi';

/** The sentence for a problem of the Runs panel's requests. */
export function useProblemText(target: RunsTarget): (p: RunsProblem) => string {
  const t = useT();
  return useCallback((p: RunsProblem) => {
    switch (p.kind) {
      case 'unreachable': return t('runs.problem.unreachable', { url: target.serverUrl });
      case 'signIn': return t('runs.problem.signIn');
      case 'forbidden': return t('runs.problem.forbidden');
      case 'noEngine': return t('runs.problem.noEngine');
      case 'conflict': return t('runs.problem.conflict');
      case 'server': return t('runs.problem.server', { status: p.status, reason: p.reason || '—' });
    }
  }, [t, target.serverUrl]);
}
