import type { FlowEdge, FlowNode, JourneyFlow } from './flowModel';
import { hasInput, outputHandles } from './flowModel';

/** What a flow problem is about; the canvas maps each code to a badge and a sentence. */
export type FlowProblemCode =
  | 'no-trigger'
  | 'unreachable'
  | 'missing-branch'
  | 'split-sum'
  | 'wait-timeout'
  | 'cycle-without-wait'
  | 'dangling-edge'
  | 'unknown-handle'
  | 'input-on-trigger'
  | 'dead-end'
  | 'goto-target'
  | 'unknown-stage'
  | 'missing-content';

/**
 * Which sentence a problem is, with what it names: screens word it in the user's language from
 * this (renderer i18n catalogue), while `message` stays the English sentence for the CLI and logs.
 */
export type FlowProblemAbout =
  | { case: 'noTrigger' | 'unreachable' | 'loop' | 'danglingEdge' | 'unknownHandle' | 'inputOnTrigger' | 'unknownStage' }
  | { case: 'conditionBranch'; branch: 'yes' | 'no' }
  | { case: 'splitSum'; sum: number }
  | { case: 'branch'; label: string }
  | { case: 'elseBranch' | 'waitDuration' | 'waitTimeout' | 'waitDeadEnd' | 'deadEnd' | 'gotoTarget' }
  | { case: 'emailSubject' | 'emailBody' | 'smsMessage' | 'whatsappMessage' | 'webhookUrl' };

/** A problem found in a flow, attached to the node or edge it is about (neither for whole-flow problems). */
export interface FlowProblem {
  /** Which rule is broken. */
  code: FlowProblemCode;
  /** Errors block publishing; warnings are shown but allowed. */
  severity: 'error' | 'warning';
  /** The node the problem is about. */
  nodeId?: string;
  /** The edge the problem is about. */
  edgeId?: string;
  /** A sentence a designer can act on (English). */
  message: string;
  /** The same sentence as data, for translated screens. */
  about: FlowProblemAbout;
}

/** Options for validation: the stages that exist, so ties to removed stages are reported. */
export interface ValidateOptions {
  /** Stage ids of the map; when given, nodes tied to other stages are flagged. */
  stageIds?: ReadonlySet<string>;
}

/**
 * Checks a flow design: at least one trigger, every node reachable from a trigger, conditions with
 * both branches, splits summing to 100, wait-untils with a timeout, and every cycle passing through a
 * wait (a loop with no wait would spin a customer through messages with no pause).
 */
export function validateFlow(flow: JourneyFlow, options: ValidateOptions = {}): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const byId = new Map(flow.nodes.map((n) => [n.id, n]));
  const edges = checkEdges(flow.edges, byId, problems);

  // A journey that is only a map (no flow steps) is a complete deliverable for most teams: it can be
  // versioned and published. Once the flow has steps, it needs a way in.
  if (flow.nodes.length > 0 && !flow.nodes.some((n) => n.kind === 'trigger')) {
    problems.push({ code: 'no-trigger', severity: 'error', message: 'Add a trigger: a flow with steps needs at least one way in.', about: { case: 'noTrigger' } });
  }

  const outgoing = new Map<string, FlowEdge[]>();
  for (const e of edges) outgoing.set(e.source, [...(outgoing.get(e.source) ?? []), e]);

  for (const node of flow.nodes) checkNode(node, outgoing.get(node.id) ?? [], options, problems);

  const reached = reachableFromTriggers(flow.nodes, outgoing);
  for (const node of flow.nodes) {
    if (node.kind !== 'trigger' && !reached.has(node.id)) {
      problems.push({ code: 'unreachable', severity: 'error', nodeId: node.id, message: 'No trigger leads here: connect this step or remove it.', about: { case: 'unreachable' } });
    }
  }

  for (const cycle of cyclesWithoutWait(flow.nodes, edges)) {
    for (const nodeId of cycle) {
      problems.push({
        code: 'cycle-without-wait', severity: 'error', nodeId,
        message: 'This step is in a loop with no wait: add a wait so customers are not looped instantly.', about: { case: 'loop' },
      });
    }
  }
  return problems;
}

/** What an action still needs before it can be sent: a message with nothing to say is an error. */
function missingContent(config: Extract<FlowNode, { kind: 'action' }>['config']): Array<[string, FlowProblemAbout]> {
  const blank = (s: string | undefined) => (s ?? '').trim() === '';
  switch (config.type) {
    case 'email': return [
      ...(blank(config.subject) ? [['Give the email a subject.', { case: 'emailSubject' }] as [string, FlowProblemAbout]] : []),
      ...(blank(config.body) ? [['Write the email\'s body.', { case: 'emailBody' }] as [string, FlowProblemAbout]] : []),
    ];
    case 'sms': return blank(config.message) ? [['Write the SMS message.', { case: 'smsMessage' }]] : [];
    case 'whatsapp': return blank(config.message) ? [['Write the WhatsApp message.', { case: 'whatsappMessage' }]] : [];
    case 'webhook': return blank(config.url) ? [['Enter the URL the webhook calls.', { case: 'webhookUrl' }]] : [];
    default: return [];
  }
}

/** Whether a list of problems blocks publishing. */
export function hasBlockingProblems(problems: readonly FlowProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

function checkEdges(edges: FlowEdge[], byId: Map<string, FlowNode>, problems: FlowProblem[]): FlowEdge[] {
  const good: FlowEdge[] = [];
  for (const e of edges) {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (!source || !target) {
      problems.push({ code: 'dangling-edge', severity: 'error', edgeId: e.id, message: 'This connection points at a step that no longer exists.', about: { case: 'danglingEdge' } });
      continue;
    }
    if (!outputHandles(source).includes(e.sourceHandle)) {
      problems.push({ code: 'unknown-handle', severity: 'error', edgeId: e.id, nodeId: source.id, message: 'This connection leaves from an output the step does not have.', about: { case: 'unknownHandle' } });
      continue;
    }
    if (!hasInput(target)) {
      problems.push({ code: 'input-on-trigger', severity: 'error', edgeId: e.id, nodeId: target.id, message: 'A trigger starts the journey and cannot be entered from another step.', about: { case: 'inputOnTrigger' } });
      continue;
    }
    good.push(e);
  }
  return good;
}

function checkNode(node: FlowNode, out: FlowEdge[], options: ValidateOptions, problems: FlowProblem[]): void {
  const used = new Set(out.map((e) => e.sourceHandle));
  const add = (code: FlowProblemCode, message: string, about: FlowProblemAbout, severity: 'error' | 'warning' = 'error') =>
    problems.push({ code, severity, nodeId: node.id, message, about });

  if (node.stageId !== undefined && options.stageIds && !options.stageIds.has(node.stageId)) {
    add('unknown-stage', 'This step is tied to a stage that is no longer on the map.', { case: 'unknownStage' }, 'warning');
  }
  const deadEnd = 'Nothing follows this step; end with an exit if that is intended.';
  switch (node.kind) {
    case 'condition':
      for (const h of ['yes', 'no'] as const) {
        if (!used.has(h)) add('missing-branch', `Connect the "${h}" branch: every condition needs both.`, { case: 'conditionBranch', branch: h });
      }
      return;
    case 'randomSplit': {
      const sum = node.config.branches.reduce((s, b) => s + b.percent, 0);
      // Compared in hundredths so 33.33 + 33.33 + 33.34 counts as 100 despite floating point.
      if (Math.round(sum * 100) !== 10000) {
        add('split-sum', `Split percentages add up to ${round2(sum)}; they must add up to 100.`, { case: 'splitSum', sum: round2(sum) });
      }
      for (const b of node.config.branches) if (!used.has(b.id)) add('missing-branch', `Connect branch "${b.label}".`, { case: 'branch', label: b.label });
      return;
    }
    case 'multiSplit':
      for (const b of node.config.branches) if (!used.has(b.id)) add('missing-branch', `Connect branch "${b.label}".`, { case: 'branch', label: b.label });
      if (!used.has('else')) add('missing-branch', 'Connect the "else" branch for customers no branch matches.', { case: 'elseBranch' });
      return;
    case 'wait':
      // The schema wants a duration of 1 or more, but a draft restored from an older or hand-edited
      // file may lack it: a wait of nothing would send the next message at once.
      if (node.config.mode === 'duration' && !(node.config.duration?.amount >= 1)) add('missing-content', 'Set how long to wait.', { case: 'waitDuration' });
      if (node.config.mode === 'until' && !node.config.timeout) {
        add('wait-timeout', 'A wait-until needs a timeout, or customers may wait forever.', { case: 'waitTimeout' });
      }
      if (!used.has('out')) add('dead-end', 'Nothing follows this wait.', { case: 'waitDeadEnd' }, 'warning');
      return;
    case 'action':
      for (const [message, about] of missingContent(node.config)) add('missing-content', message, about);
      if (!used.has('out')) add('dead-end', deadEnd, { case: 'deadEnd' }, 'warning');
      return;
    case 'trigger':
      if (!used.has('out')) add('dead-end', deadEnd, { case: 'deadEnd' }, 'warning');
      return;
    case 'goto':
      if (!node.config.journeyId) add('goto-target', 'Choose the journey to go to.', { case: 'gotoTarget' });
      return;
    case 'exit':
      return;
  }
}

const round2 = (x: number) => Math.round(x * 100) / 100;

function reachableFromTriggers(nodes: FlowNode[], outgoing: Map<string, FlowEdge[]>): Set<string> {
  const seen = new Set<string>();
  const stack = nodes.filter((n) => n.kind === 'trigger').map((n) => n.id);
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const e of outgoing.get(id) ?? []) if (!seen.has(e.target)) stack.push(e.target);
  }
  return seen;
}

/**
 * Groups of nodes that loop without passing a wait: the strongly connected components (Tarjan,
 * iterative so a long chain cannot overflow the stack) of the graph with every wait node removed.
 * A cycle avoids all waits exactly when it survives in that graph.
 */
export function cyclesWithoutWait(nodes: readonly FlowNode[], edges: readonly FlowEdge[]): string[][] {
  const keep = new Set(nodes.filter((n) => n.kind !== 'wait').map((n) => n.id));
  const adj = new Map<string, string[]>();
  const selfLoop = new Set<string>();
  for (const e of edges) {
    if (!keep.has(e.source) || !keep.has(e.target)) continue;
    if (e.source === e.target) selfLoop.add(e.source);
    adj.set(e.source, [...(adj.get(e.source) ?? []), e.target]);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let counter = 0;
  for (const root of keep) {
    if (index.has(root)) continue;
    const work: Array<{ id: string; i: number }> = [{ id: root, i: 0 }];
    index.set(root, counter); low.set(root, counter++); stack.push(root); onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const next = (adj.get(frame.id) ?? [])[frame.i++];
      if (next !== undefined) {
        if (!index.has(next)) {
          index.set(next, counter); low.set(next, counter++); stack.push(next); onStack.add(next);
          work.push({ id: next, i: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(next)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let id: string | undefined;
        do {
          id = stack.pop()!;
          onStack.delete(id);
          component.push(id);
        } while (id !== frame.id);
        if (component.length > 1 || selfLoop.has(frame.id)) out.push(component);
      }
    }
  }
  return out;
}
