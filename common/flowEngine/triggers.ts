import type { FlowNode } from '../journey/flowModel';
import type { FlowProgram } from './program';

type TriggerNode = Extract<FlowNode, { kind: 'trigger' }>;

/** Something that may start runs, as the host's intake sees it. */
export type Intake =
  | { type: 'event'; name: string }
  | { type: 'surveyResponse'; surveyId: string; score?: number }
  | { type: 'segmentEntry'; segmentId: string }
  | { type: 'manual' }
  | { type: 'schedule'; triggerNodeId: string };

/** Whether one trigger fires for an intake. A survey trigger with a score range needs a score inside it. */
export function triggerFires(node: TriggerNode, intake: Intake): boolean {
  const c = node.config;
  switch (intake.type) {
    case 'event': return c.type === 'event' && c.eventName === intake.name;
    case 'surveyResponse':
      if (c.type !== 'surveyResponse' || c.surveyId !== intake.surveyId) return false;
      if (c.minScore === undefined && c.maxScore === undefined) return true;
      return intake.score !== undefined && (c.minScore === undefined || intake.score >= c.minScore) && (c.maxScore === undefined || intake.score <= c.maxScore);
    case 'segmentEntry': return c.type === 'segmentEntry' && c.segmentId === intake.segmentId;
    case 'manual': return c.type === 'manual';
    case 'schedule': return c.type === 'schedule' && node.id === intake.triggerNodeId;
  }
}

/** The triggers of a program an intake starts runs at (a customer gets one run per trigger that fires). */
export function triggerMatches(program: FlowProgram, intake: Intake): string[] {
  const out: string[] = [];
  for (const node of program.nodes.values()) if (node.kind === 'trigger' && triggerFires(node, intake)) out.push(node.id);
  return out;
}

/** Where a go-to enters a journey: its manual trigger if it has one, else its first trigger. */
export function entryTrigger(program: FlowProgram): string | null {
  let first: string | null = null;
  for (const node of program.nodes.values()) {
    if (node.kind !== 'trigger') continue;
    if (node.config.type === 'manual') return node.id;
    first ??= node.id;
  }
  return first;
}
