import type { NodeFigures } from '../../../../../common/flowEngine';
import { useT } from '../../../i18n';

/** What a step's card shows after a simulation. */
export interface SimNodeData {
  figures: NodeFigures;
  unreached: boolean;
}

/** Simulated counts on a step card: reached, waiting at the end, ended, failed; or a flag when no one reaches it. */
export function SimNodeCounts({ sim }: { sim: SimNodeData }) {
  const t = useT();
  if (sim.unreached) return <div className="sim-counts sim-unreached" data-testid="sim-unreached">{t('simulator.node.unreached')}</div>;
  const f = sim.figures;
  return (
    <div className="sim-counts" data-testid="sim-counts" title={t('simulator.node.legend')}>
      <span data-k="reached">{t('simulator.node.reached', { count: f.reached })}</span>
      {f.waiting > 0 && <span data-k="waiting">{t('simulator.node.waiting', { count: f.waiting })}</span>}
      {f.ended > 0 && <span data-k="ended">{t('simulator.node.ended', { count: f.ended })}</span>}
      {f.failed > 0 && <span data-k="failed" className="sim-failed">{t('simulator.node.failed', { count: f.failed })}</span>}
    </div>
  );
}
