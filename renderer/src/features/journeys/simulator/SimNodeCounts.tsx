import type { NodeFigures } from '../../../../../common/flowEngine';

/** What a step's card shows after a simulation. */
export interface SimNodeData {
  figures: NodeFigures;
  unreached: boolean;
}

/** Simulated counts on a step card: reached, waiting at the end, ended, failed; or a flag when no one reaches it. */
export function SimNodeCounts({ sim }: { sim: SimNodeData }) {
  if (sim.unreached) return <div className="sim-counts sim-unreached" data-testid="sim-unreached">No one reaches this step</div>;
  const f = sim.figures;
  return (
    <div className="sim-counts" data-testid="sim-counts" title="Simulated: reached · waiting at the end · ended here · failed here">
      <span data-k="reached">{f.reached.toLocaleString()} reached</span>
      {f.waiting > 0 && <span data-k="waiting">{f.waiting.toLocaleString()} waiting</span>}
      {f.ended > 0 && <span data-k="ended">{f.ended.toLocaleString()} exited</span>}
      {f.failed > 0 && <span data-k="failed" className="sim-failed">{f.failed.toLocaleString()} failed</span>}
    </div>
  );
}
