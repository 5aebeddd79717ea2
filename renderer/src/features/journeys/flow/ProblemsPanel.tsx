import type { FlowNode, FlowProblem } from '../../../../../common/journey';

/** The flow's problems as a list; choosing one selects and centres its node. */
export function ProblemsPanel({ problems, nodes, onSelect }: {
  problems: FlowProblem[]; nodes: FlowNode[]; onSelect: (nodeId: string) => void;
}) {
  const label = (id?: string) => nodes.find((n) => n.id === id)?.label;
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section className="problems-panel" aria-label="Flow problems">
      <h3>{problems.length === 0 ? 'No problems' : `${errors} error${errors === 1 ? '' : 's'}, ${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'}`}</h3>
      {problems.length === 0 ? <p className="muted">The flow is a complete design and can be published.</p> : (
        <ul>
          {problems.map((p, i) => (
            <li key={i} className={`problem problem-${p.severity}`} data-code={p.code}>
              {p.nodeId ? <button type="button" className="link" onClick={() => onSelect(p.nodeId!)}>{label(p.nodeId) ?? 'Step'}</button> : <strong>Flow</strong>}
              {': '}{p.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
