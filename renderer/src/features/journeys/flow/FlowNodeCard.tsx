import { memo } from 'react';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { hasInput, outputHandles, type FlowNode, type FlowProblem } from '../../../../../common/journey';
import { NodeIcon } from '../../../ui/icons';
import { nodeSummary } from './describe';
import { useT } from '../../../i18n';
import { problemText, type Translate } from './labels';
import { SimNodeCounts, type SimNodeData } from '../simulator/SimNodeCounts';
import { FlowEventCounts } from '../../journeyAnalytics/FlowEventCounts';
import type { FlowNodeEventCount } from '../../../../../common/journeyAnalytics';
import { RunNodeCounts } from '../runs/RunNodeCounts';
import type { LiveNodeCounts } from '../../../../../common/journeyRuns/panel';

/** What the canvas passes to a node card. */
export type CardData = { node: FlowNode; problems: FlowProblem[]; stage?: { name: string; colour: string } | undefined; dimmed: boolean; sim?: SimNodeData | undefined;
  /** Counts from the imported event log (journey analytics), with the log's name. */
  events?: { counts: FlowNodeEventCount; logName: string } | undefined;
  /** Live counts of the published journey (the Runs panel). */
  runs?: LiveNodeCounts | undefined };
/** A canvas node carrying a journey flow node. */
export type CanvasNode = Node<CardData, 'journey'>;

function handleLabel(t: Translate, node: FlowNode, handle: string): string {
  if (node.kind === 'multiSplit' || node.kind === 'randomSplit') {
    if (handle === 'else') return t('journeyFlow.out.else');
    const b = node.config.branches.find((x) => x.id === handle);
    if (!b) return handle;
    return node.kind === 'randomSplit' && 'percent' in b ? `${b.label} ${b.percent}%` : b.label;
  }
  return handle === 'yes' ? t('journeyFlow.out.yes') : handle === 'no' ? t('journeyFlow.out.no') : handle === 'timeout' ? t('journeyFlow.out.timeout') : '';
}

/**
 * A flow step on the canvas: icon, label, a one-line summary of its config, its stage, its problems,
 * an input on top (not on triggers) and one labelled output per branch along the bottom: flows read top to bottom.
 */
export const FlowNodeCard = memo(function FlowNodeCard({ data, selected }: NodeProps<CanvasNode>) {
  const t = useT();
  const { node, problems, stage, dimmed, sim, events, runs } = data;
  const outs = outputHandles(node);
  const errors = problems.filter((p) => p.severity === 'error');
  return (
    <div className={`flow-node kind-${node.kind}${selected ? ' selected' : ''}${errors.length ? ' has-error' : problems.length ? ' has-warning' : ''}${dimmed ? ' dimmed' : ''}`}
      data-testid={`flow-node-${node.id}`} title={problems.map((p) => problemText(t, p)).join('\n') || undefined}>
      {hasInput(node) && <Handle type="target" position={Position.Top} id="in" />}
      <div className="flow-node-head">
        <span className="flow-node-icon" aria-hidden="true"><NodeIcon node={node} /></span>
        <strong>{node.label}</strong>
        {problems.length > 0 && <span className={`problem-badge${errors.length ? ' error' : ''}`} aria-label={t('journeyFlow.node.problems', { count: problems.length })}>{problems.length}</span>}
      </div>
      <div className="flow-node-summary">{nodeSummary(t, node)}</div>
      {stage && <div className="flow-node-stage" style={{ borderLeftColor: stage.colour }}>{stage.name}</div>}
      {sim && <SimNodeCounts sim={sim} />}
      {events && <FlowEventCounts counts={events.counts} logName={events.logName} />}
      {runs && <RunNodeCounts counts={runs} />}
      <div className="flow-node-outs">
        {outs.map((h, i) => (
          <div key={h} className={`flow-out out-${h}`} style={{ left: `${((i + 1) * 100) / (outs.length + 1)}%` }}>
            <span>{handleLabel(t, node, h)}</span>
            <Handle type="source" position={Position.Bottom} id={h} data-handle={h} />
          </div>
        ))}
      </div>
    </div>
  );
});
