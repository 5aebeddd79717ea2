import type { LiveNodeCounts } from '../../../../../common/journeyRuns/panel';
import { useT } from '../../../i18n';

/** Live counts of a published journey on a step's card: runs at the step (active or waiting), done, failed. */
export function RunNodeCounts({ counts }: { counts: LiveNodeCounts }) {
  const t = useT();
  return (
    <div className="run-counts" data-testid="run-counts" title={t('runs.node.legend')}>
      <span data-k="active">{t('runs.node.active', { count: counts.active })}</span>
      <span data-k="waiting">{t('runs.node.waiting', { count: counts.waiting })}</span>
      <span data-k="done">{t('runs.node.done', { count: counts.done })}</span>
      <span data-k="failed" className={counts.failed > 0 ? 'run-failed' : undefined}>{t('runs.node.failed', { count: counts.failed })}</span>
    </div>
  );
}
