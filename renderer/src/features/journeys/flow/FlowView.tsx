import { useCallback, useMemo, useRef, useState } from 'react';
import {
  Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useReactFlow,
  type Connection, type Edge, type EdgeChange, type NodeChange, type OnNodeDrag, type XYPosition,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import {
  createNode, freeSpot, hasInput, layoutFlow, palette, randomId, validateFlow,
  type FlowNode, type FlowProblem, type FlowRect, type PaletteItem,
} from '../../../../../common/journey';
import type { JourneyEditor } from '../useJourneyEditor';
import { FlowNodeCard, type CanvasNode } from './FlowNodeCard';
import { Inspector } from './Inspector';
import { Palette, paletteDragType } from './Palette';
import { ProblemsPanel } from './ProblemsPanel';
import { paletteLabel } from './labels';
import { boundsOf, fitViewport, openingViewport, revealRect, type CanvasBox } from './viewport';
import { SimulateButton, SimulatorPanel, type ShownSimulation } from '../simulator/SimulatorPanel';
import { sameDesign } from '../simulator/simForm';
import { useFlowEventCounts } from '../../journeyAnalytics/useFlowEventCounts';
import { FlowEventNote } from '../../journeyAnalytics/FlowEventCounts';
import { useT } from '../../../i18n';
import { RunsButton, RunsPanel } from '../runs/RunsPanel';
import type { LiveNodeCounts } from '../../../../../common/journeyRuns/panel';
import type { FlowEdgeEventCount } from '../../../../../common/journeyAnalytics';

const nodeTypes = { journey: FlowNodeCard };
/** A step's box before React Flow has measured it (the size the CSS gives a two-line summary). */
const approxNode = { width: 220, height: 90 };
/** The minimap: small, in the bottom-right corner, 15 px from the edges (React Flow's panel margin). */
const minimapSize = { width: 150, height: 100 };
const minimapCorner = { width: minimapSize.width + 15, height: minimapSize.height + 15 };

const edgeMessage = { next: 'journeyAnalytics.flow.edge', skip: 'journeyAnalytics.flow.edgeSkip', back: 'journeyAnalytics.flow.edgeBack' } as const;

// Past this many steps only the steps in view are mounted: a 200-step flow otherwise spends most of
// its first second in React Flow measuring nodes nobody can see yet.
const virtualiseAbove = 60;

/** An edge's label: its handle (yes/no/timeout) and, from the event log, the customers who moved on, skipped ahead or went back. */
function edgeLabel(t: ReturnType<typeof useT>, handle: string | undefined, moved: FlowEdgeEventCount | undefined): string | undefined {
  const count = moved && t(edgeMessage[moved.kind], { count: moved.customers });
  return handle && count ? `${handle} · ${count}` : handle ?? count;
}

/** The words on a yes / no / timeout edge; other edges carry none. */
function edgeHandleText(t: ReturnType<typeof useT>, handle: string): string | undefined {
  return handle === 'yes' ? t('journeyFlow.out.yes') : handle === 'no' ? t('journeyFlow.out.no') : handle === 'timeout' ? t('journeyFlow.out.timeout') : undefined;
}

/** The flow editor; default export so the editor screen can load it lazily. */
export default function FlowView(props: { editor: JourneyEditor; focusStage: string | null }) {
  return (
    <ReactFlowProvider>
      <FlowCanvas {...props} />
    </ReactFlowProvider>
  );
}

/**
 * The canvas. The journey's flow is the truth; React Flow's node state is a view of it that also
 * holds positions while a drag is in progress, committed as one `moveNodes` change when it ends.
 */
function FlowCanvas({ editor, focusStage }: { editor: JourneyEditor; focusStage: string | null }) {
  const { journey, dispatch } = editor;
  const { flow, map } = journey;
  const rf = useReactFlow();
  const canvasRef = useRef<HTMLDivElement>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [stageFilter, setStageFilter] = useState<string | null>(focusStage);
  const problems = useMemo(() => validateFlow(flow, { stageIds: new Set(map.stages.map((s) => s.id)) }), [flow, map.stages]);
  const byNode = useMemo(() => {
    const m = new Map<string, FlowProblem[]>();
    for (const p of problems) if (p.nodeId) m.set(p.nodeId, [...(m.get(p.nodeId) ?? []), p]);
    return m;
  }, [problems]);
  const badEdges = useMemo(() => new Set(problems.flatMap((p) => (p.edgeId ? [p.edgeId] : []))), [problems]);
  const stageOf = useMemo(() => new Map(map.stages.map((s) => [s.id, { name: s.name, colour: s.colour }])), [map.stages]);
  const [simulating, setSimulating] = useState(false);
  const [simulated, setSimulation] = useState<ShownSimulation | null>(null);
  // Counts only while the canvas shows the design that was simulated (moving steps keeps them).
  const simulation = useMemo(() => (simulated && sameDesign(simulated.flow, flow) ? simulated : null), [simulated, flow]);
  // Counts from the imported event log where steps belong to stages with event rules (journey analytics).
  const eventView = useFlowEventCounts(map, flow);
  const t = useT();
  const [runsOpen, setRunsOpen] = useState(false);
  const [runCounts, setRunCounts] = useState<Record<string, LiveNodeCounts> | null>(null);

  // Positions while a drag is in progress and sizes React Flow measured: view state, not journey data.
  const [dragging, setDragging] = useState<Record<string, XYPosition>>({});
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({});
  const [selectedEdge, setSelectedEdge] = useState<string | null>(null);

  const placed = useMemo<CanvasNode[]>(() => flow.nodes.map((n) => {
    const size = measured[n.id];
    return {
      id: n.id, type: 'journey', position: n.position, selected: n.id === selectedId,
      ...(size ? { measured: size } : {}),
      data: {
        node: n, problems: byNode.get(n.id) ?? [], stage: n.stageId ? stageOf.get(n.stageId) : undefined, dimmed: !!stageFilter && n.stageId !== stageFilter,
        sim: simulation?.report.nodes[n.id] ? { figures: simulation.report.nodes[n.id]!, unreached: simulation.report.unreached.includes(n.id) } : undefined,
        events: eventView?.counts?.nodes[n.id] ? { counts: eventView.counts.nodes[n.id]!, logName: eventView.logName } : undefined,
        runs: runCounts ? runCounts[n.id] ?? { active: 0, waiting: 0, done: 0, failed: 0 } : undefined,
      },
    };
  }), [flow.nodes, byNode, stageOf, selectedId, stageFilter, measured, simulation, eventView, runCounts]);
  // While dragging only the dragged nodes get new objects, so React Flow re-renders just those.
  const nodes = useMemo(() => placed.map((n) => {
    const p = dragging[n.id];
    return p ? { ...n, position: p } : n;
  }), [placed, dragging]);

  const edges = useMemo<Edge[]>(() => flow.edges.map((e) => ({
    id: e.id, source: e.source, target: e.target, sourceHandle: e.sourceHandle, targetHandle: 'in', selected: e.id === selectedEdge,
    className: badEdges.has(e.id) ? 'edge-problem' : `edge-${e.sourceHandle}`,
    label: edgeLabel(t, edgeHandleText(t, e.sourceHandle), eventView?.counts?.edges[e.id]),
  })), [flow.edges, badEdges, selectedEdge, eventView, t]);

  const onNodesChange = useCallback((changes: NodeChange<CanvasNode>[]) => {
    const moved: Record<string, XYPosition> = {};
    const sized: Record<string, { width: number; height: number }> = {};
    for (const c of changes) {
      if (c.type === 'select') setSelectedId((cur) => (c.selected ? c.id : cur === c.id ? null : cur));
      else if (c.type === 'position' && c.position && c.dragging) moved[c.id] = c.position;
      else if (c.type === 'dimensions' && c.dimensions) sized[c.id] = c.dimensions;
    }
    if (Object.keys(moved).length) setDragging((d) => ({ ...d, ...moved }));
    if (Object.keys(sized).length) setMeasured((m) => ({ ...m, ...sized }));
  }, []);
  const onEdgesChange = useCallback((changes: EdgeChange<Edge>[]) => {
    for (const c of changes) if (c.type === 'select') setSelectedEdge((cur) => (c.selected ? c.id : cur === c.id ? null : cur));
  }, []);
  const onNodeDragStop: OnNodeDrag<CanvasNode> = useCallback((_e, _node, dragged) => {
    dispatch({ type: 'moveNodes', positions: Object.fromEntries(dragged.map((n) => [n.id, n.position])) });
    setDragging({});
  }, [dispatch]);
  const onConnect = useCallback((c: Connection) => {
    if (!c.sourceHandle) return;
    dispatch({ type: 'addEdge', edge: { id: randomId('e'), source: c.source, target: c.target, sourceHandle: c.sourceHandle } });
  }, [dispatch]);
  const isValidConnection = useCallback((c: Connection | Edge) => {
    const target = flow.nodes.find((n) => n.id === c.target);
    return c.source !== c.target && !!target && hasInput(target);
  }, [flow.nodes]);

  const canvasBox = (): CanvasBox | null => {
    const box = canvasRef.current?.querySelector('.react-flow')?.getBoundingClientRect();
    return box ? { width: box.width, height: box.height, corner: minimapCorner } : null;
  };
  const rectOf = useCallback((n: FlowNode, position = n.position): FlowRect => ({ ...position, ...(measured[n.id] ?? approxNode) }), [measured]);
  const showAll = (rects: FlowRect[], duration = 0) => {
    const box = canvasBox();
    const bounds = boundsOf(rects);
    if (box && bounds) void rf.setViewport(fitViewport(bounds, box, 0.1), { duration });
  };

  /**
   * Adds a step centred where it was dropped, or in the middle of the visible canvas for a click,
   * moved to the nearest spot where it covers no other step; then pans (if need be) so it is in
   * view and clear of the minimap: the user must be able to see, select and connect what they added.
   */
  const add = (item: PaletteItem, at?: XYPosition) => {
    const box = canvasRef.current?.querySelector('.react-flow')?.getBoundingClientRect();
    const screen = at ?? (box ? { x: box.left + (box.width - minimapCorner.width) / 2, y: box.top + box.height / 2 } : { x: window.innerWidth / 2, y: window.innerHeight / 2 });
    const centre = rf.screenToFlowPosition(screen);
    const want = { x: Math.round(centre.x - approxNode.width / 2), y: Math.round(centre.y - approxNode.height / 2) };
    const node = createNode(item, randomId, freeSpot(flow.nodes.map((n) => rectOf(n)), want, approxNode));
    const tied = stageFilter ? { ...node, stageId: stageFilter } : node;
    if (!dispatch({ type: 'addNode', node: tied })) return;
    setSelectedId(tied.id);
    const canvas = canvasBox();
    if (!canvas) return;
    const view = rf.getViewport();
    const next = revealRect(view, rectOf(tied), canvas);
    if (next !== view) void rf.setViewport(next, { duration: 200 });
  };
  const autoLayout = () => {
    const positions = layoutFlow(flow.nodes, flow.edges, { nodeWidth: approxNode.width, nodeHeight: approxNode.height });
    dispatch({ type: 'moveNodes', positions });
    // As when the flow opens: the whole flow if it stays readable, else its top at 75 % ("Fit view" shows all).
    const box = canvasBox();
    if (box) void rf.setViewport(openingViewport(boundsOf(flow.nodes.map((n) => rectOf(n, positions[n.id]))), box));
  };
  const selected = flow.nodes.find((n) => n.id === selectedId) ?? null;

  return (
    <div className={`flow-editor${simulating ? ' simulating' : ''}${runsOpen ? ' runs-open' : ''}`}>
      <Palette onAdd={add} />
      <div className="flow-canvas" aria-label={t('journeyFlow.canvas')} ref={canvasRef}
        onDragOver={(e) => { if (e.dataTransfer.types.includes(paletteDragType)) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; } }}
        onDrop={(e) => {
          const item = palette[Number(e.dataTransfer.getData(paletteDragType))];
          if (!item) return;
          e.preventDefault();
          add({ ...item, label: paletteLabel(t, item) }, { x: e.clientX, y: e.clientY });
        }}>
        <div className="flow-toolbar toolbar">
          <button type="button" onClick={autoLayout}>{t('journeyFlow.autoLayout')}</button>
          <button type="button" onClick={() => showAll(flow.nodes.map((n) => rectOf(n)), 200)}>{t('journeyFlow.fitView')}</button>
          <select aria-label={t('journeyFlow.highlightStage')} value={stageFilter ?? ''} onChange={(e) => setStageFilter(e.target.value || null)}>
            <option value="">{t('journeyFlow.allStages')}</option>
            {map.stages.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
          <RunsButton onClick={() => setRunsOpen(true)} disabled={runsOpen} />
          <SimulateButton onClick={() => setSimulating(true)} disabled={simulating} />
          {eventView && <FlowEventNote logName={eventView.logName} ready={!!eventView.counts} />}
        </div>
        <ReactFlow<CanvasNode, Edge>
          nodes={nodes} edges={edges} nodeTypes={nodeTypes} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} onNodeDragStop={onNodeDragStop}
          onConnect={onConnect} isValidConnection={isValidConnection}
          onNodesDelete={(ns) => dispatch({ type: 'removeNodes', nodeIds: ns.map((n) => n.id) })}
          onEdgesDelete={(es) => dispatch({ type: 'removeEdges', edgeIds: es.map((e) => e.id) })}
          onPaneClick={() => setSelectedId(null)} deleteKeyCode={['Delete', 'Backspace']}
          onInit={(instance) => {
            const box = canvasBox();
            if (box) void instance.setViewport(openingViewport(boundsOf(flow.nodes.map((n) => rectOf(n))), box));
          }} minZoom={0.1} onlyRenderVisibleElements={flow.nodes.length > virtualiseAbove} proOptions={{ hideAttribution: true }}
        >
          <Background gap={24} />
          <Controls showInteractive={false} showFitView={false} />
          <MiniMap pannable zoomable style={minimapSize} nodeColor={(n) => ((n as CanvasNode).data.problems.some((p) => p.severity === 'error') ? '#c0504d' : '#8aa4c8')} />
        </ReactFlow>
      </div>
      <aside className="flow-side">
        {runsOpen && <RunsPanel journey={journey} onCounts={setRunCounts} onClose={() => setRunsOpen(false)} />}
        {simulating && (
          <SimulatorPanel journey={journey} onResult={setSimulation} onClose={() => setSimulating(false)} onSelect={(id) => {
            setSelectedId(id);
            const n = flow.nodes.find((x) => x.id === id);
            if (n) void rf.setCenter(n.position.x + 100, n.position.y + 40, { zoom: 1, duration: 200 });
          }} />
        )}
        {selected ? <Inspector key={selected.id} node={selected} stages={map.stages} editor={editor} onClose={() => setSelectedId(null)} /> : null}
        <ProblemsPanel problems={problems} nodes={flow.nodes} onSelect={(id) => {
          setSelectedId(id);
          const n = flow.nodes.find((x) => x.id === id);
          if (n) void rf.setCenter(n.position.x + 100, n.position.y + 40, { zoom: 1, duration: 200 });
        }} />
      </aside>
    </div>
  );
}
