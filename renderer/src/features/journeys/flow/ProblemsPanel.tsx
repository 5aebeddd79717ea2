import type { FlowNode, FlowProblem } from '../../../../../common/journey';
import { useT } from '../../../i18n';
import { problemText } from './labels';

/** The flow's problems as a list; choosing one selects and centres its node. */
export function ProblemsPanel({ problems, nodes, onSelect }: {
  problems: FlowProblem[]; nodes: FlowNode[]; onSelect: (nodeId: string) => void;
}) {
  const t = useT();
  const label = (id?: string) => nodes.find((n) => n.id === id)?.label;
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section className="problems-panel" aria-label={t('journeyFlow.problems.label')}>
      <h3>{problems.length === 0 ? t('journeyFlow.problems.none') : t('journeyFlow.problems.count', { errors, warnings: problems.length - errors })}</h3>
      {problems.length === 0 ? <p className="muted">{t('journeyFlow.problems.noneHint')}</p> : (
        <ul>
          {problems.map((p, i) => (
            <li key={i} className={`problem problem-${p.severity}`} data-code={p.code}>
              {p.nodeId ? <button type="button" className="link" onClick={() => onSelect(p.nodeId!)}>{label(p.nodeId) ?? t('journeyFlow.problems.step')}</button> : <strong>{t('journeyFlow.problems.flow')}</strong>}
              {t('journeyFlow.problems.separator')}{problemText(t, p)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
