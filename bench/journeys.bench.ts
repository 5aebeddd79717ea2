/**
 * Journey builder in the real renderer (production build, system Chromium): time to first render
 * of a 30-stage × 15-lane map and a 200-node flow, and frame times while dragging a curve point,
 * reordering a stage and dragging a flow node. Chromium is asked to run without the frame-rate limit;
 * the idle frame interval is printed first as the floor the drag figures should be read against.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { chromiumPath } from '../e2e/chromium';
import {
  createJourney, exportJourney, layoutFlow, sequentialIds, type FlowEdge, type FlowNode, type Lane,
} from '../common/journey';
import type { BenchRow } from './report';
import { rendererCpuMs } from './rendererCpu';

const stagesN = 30;
const lanesN = 15;
const nodesN = 200;

/** A big journey: 30 stages, 13 card lanes with two cards per cell, an emotion lane, a metric lane, a 200-node flow. */
function bigJourney() {
  const ids = sequentialIds();
  const stages = Array.from({ length: stagesN }, (_, i) => ({ id: `st_${i}`, name: `Stage ${i + 1}`, colour: '#4f7cac', momentOfTruth: i % 7 === 3 }));
  const types = ['touchpoints', 'channels', 'goals', 'pains', 'opportunities', 'actions', 'thinkFeel', 'backstage', 'text'] as const;
  const lanes: Lane[] = Array.from({ length: lanesN - 2 }, (_, i) => ({ id: `ln_${i}`, type: types[i % types.length]!, name: `Lane ${i + 1}` }));
  const cells = Object.fromEntries(lanes.map((l) => [l.id, Object.fromEntries(stages.map((s) => [s.id, [
    { id: ids('cd'), text: `${l.name} at ${s.name}: a realistic sentence of card text`, ...(l.type === 'channels' ? { channel: 'email' as const } : {}) },
    { id: ids('cd'), text: 'Second card', evidence: { kind: 'research' as const, source: 'Interviews' } },
  ]]))]));
  const points = (shift: number) => Object.fromEntries(stages.map((s, i) => [s.id, Math.round(Math.sin(i / 3 + shift) * 20) / 10]));
  lanes.push({ id: 'ln_emotion', type: 'emotion', name: 'Emotions', scale: 'bipolar', curves: [
    { id: 'cv_a', variant: 'as-is', label: 'Today', colour: '#c0504d', points: points(0) },
    { id: 'cv_b', variant: 'to-be', label: 'Designed', colour: '#4f81bd', points: points(1) },
  ] });
  lanes.push({ id: 'ln_metric', type: 'metric', name: 'NPS', metric: 'nps', values: Object.fromEntries(stages.map((s, i) => [s.id, { value: 20 + i, target: 40, trend: 'up' as const }])) });

  // A chain of actions with a condition every tenth step whose "no" branch exits, from one trigger.
  const nodes: FlowNode[] = [{ id: 'n_0', kind: 'trigger', label: 'Start', position: { x: 0, y: 0 }, config: { type: 'manual' } }];
  const edges: FlowEdge[] = [];
  let last = 'n_0';
  for (let i = 1; nodes.length < nodesN - 1; i++) {
    const id = `n_${i}`;
    const isCondition = i % 10 === 0;
    nodes.push(isCondition
      ? { id, kind: 'condition', label: `Check ${i}`, position: { x: 0, y: 0 }, stageId: `st_${i % stagesN}`, config: { match: 'all', rules: [{ source: 'response', field: 'nps', operator: 'atLeast', value: 9 }] } }
      : { id, kind: 'action', label: `Email ${i}`, position: { x: 0, y: 0 }, stageId: `st_${i % stagesN}`, config: { type: 'email', subject: `Step ${i}`, body: 'Hello' } });
    edges.push({ id: `e_${i}`, source: last, target: id, sourceHandle: nodes.find((n) => n.id === last)?.kind === 'condition' ? 'yes' : 'out' });
    if (isCondition) {
      nodes.push({ id: `x_${i}`, kind: 'exit', label: `Exit ${i}`, position: { x: 0, y: 0 }, config: {} });
      edges.push({ id: `ex_${i}`, source: id, target: `x_${i}`, sourceHandle: 'no' });
    }
    last = id;
  }
  nodes.push({ id: 'n_end', kind: 'exit', label: 'Done', position: { x: 0, y: 0 }, config: {} });
  edges.push({ id: 'e_end', source: last, target: 'n_end', sourceHandle: nodes.find((n) => n.id === last)?.kind === 'condition' ? 'yes' : 'out' });
  const pos = layoutFlow(nodes, edges);
  const placed = nodes.map((n) => ({ ...n, position: pos[n.id] ?? n.position }));
  const body = { map: { stages, lanes, cells }, flow: { nodes: placed, edges } };
  return createJourney({ id: 'j_bench', name: 'Bench journey', now: Date.now(), body });
}


/** Starts an rAF loop recording frame intervals; stops and returns them after `during` resolves. */
async function frameIntervals(page: Page, during: () => Promise<void>): Promise<number[]> {
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __run: boolean };
    w.__frames = [];
    w.__run = true;
    const tick = (t: number) => { w.__frames.push(t); if (w.__run) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  await during();
  const stamps = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __run: boolean };
    w.__run = false;
    return w.__frames;
  });
  return stamps.slice(1).map((t, i) => t - stamps[i]!).slice(1);
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

/** Time from a hash change until `selector` matches `count` elements and a frame has been painted. */
async function timeToRender(page: Page, hash: string, selector: string, count: number): Promise<number> {
  return page.evaluate(async ({ hash, selector, count }) => {
    const t0 = performance.now();
    location.hash = hash;
    await new Promise<void>((resolve) => {
      const check = () => (document.querySelectorAll(selector).length >= count ? resolve() : requestAnimationFrame(check));
      check();
    });
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    return performance.now() - t0;
  }, { hash, selector, count });
}

export default async function (report: (row: BenchRow) => void): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'cx-journeys-bench-'));
  const outDir = join(dir, 'renderer');
  await build({ configFile: 'vite.config.ts', logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const server = await preview({ configFile: 'vite.config.ts', logLevel: 'error', build: { outDir }, preview: { port: 4390, strictPort: false } });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4390/';
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-frame-rate-limit', '--disable-gpu-vsync', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    // tsx compiles with keepNames, wrapping named functions in __name(); functions sent to the page need it too.
    await page.addInitScript('window.__name = (f) => f;');
    await page.goto(`${url}#/journeys`);
    const file = join(dir, 'big.json');
    await writeFile(file, JSON.stringify(exportJourney(bigJourney(), Date.now())));
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import JSON…' }).click();
    await (await chooser).setFiles(file);
    await page.getByRole('textbox', { name: 'Stage 30 name' }).waitFor();
    await page.evaluate(() => { location.hash = '#/journeys'; });
    await page.locator('.journey-card').waitFor();

    // The floor: the frame interval with nothing happening (vsync, if this Chromium keeps it despite the flags).
    const idle = await frameIntervals(page, () => new Promise((r) => setTimeout(r, 1000)));
    report({ name: 'baseline: idle frame interval, median', value: percentile(idle, 50), unit: 'ms' });

    let mapMs = 0;
    const mapCpu = await rendererCpuMs(page, async () => { mapMs = await timeToRender(page, '#/journeys/j_bench/map', '.stage-header', stagesN); });
    report({ name: `map ${stagesN} stages × ${lanesN} lanes: first render, wall`, value: mapMs, unit: 'ms', against: { value: 500, label: 'aim' } });
    report({ name: `map ${stagesN} stages × ${lanesN} lanes: first render, renderer CPU`, value: mapCpu, unit: 'ms', against: { value: 500, label: 'aim' } });

    const marker = page.getByRole('slider', { name: 'Today at Stage 5' });
    await marker.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'center' }));
    const box = (await marker.boundingBox())!;
    let curveFrames: number[] = [];
    const curveCpu = await rendererCpuMs(page, async () => {
      curveFrames = await frameIntervals(page, async () => {
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.down();
        for (let i = 0; i < 60; i++) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + (i % 20) * 3);
        await page.mouse.up();
      });
    });
    report({ name: 'map: drag an emotion point, frame interval p95', value: percentile(curveFrames, 95), unit: 'ms', against: { value: 16, label: 'aim' } });
    report({ name: 'map: drag an emotion point, renderer CPU per frame', value: curveCpu / Math.max(1, curveFrames.length), unit: 'ms', against: { value: 16, label: 'aim' } });

    let reorder = 0;
    const reorderCpu = await rendererCpuMs(page, async () => {
      reorder = await page.evaluate(async () => {
        const button = document.querySelector<HTMLButtonElement>('[aria-label="Move Stage 1 right"]')!;
        const t0 = performance.now();
        button.click();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - t0;
      });
    });
    report({ name: 'map: reorder a stage (drop to next frame), wall', value: reorder, unit: 'ms', against: { value: 16, label: 'aim' } });
    report({ name: 'map: reorder a stage (drop to next frame), renderer CPU', value: reorderCpu, unit: 'ms', against: { value: 16, label: 'aim' } });

    let flowMs = 0;
    const flowCpu = await rendererCpuMs(page, async () => { flowMs = await timeToRender(page, '#/journeys/j_bench/flow', '.react-flow__node', 5); });
    report({ name: `flow ${nodesN} nodes: first render, wall`, value: flowMs, unit: 'ms', against: { value: 500, label: 'aim' } });
    report({ name: `flow ${nodesN} nodes: first render, renderer CPU`, value: flowCpu, unit: 'ms', against: { value: 500, label: 'aim' } });

    const node = page.locator('.react-flow__node').nth(3);
    const nb = (await node.boundingBox())!;
    let flowFrames: number[] = [];
    const dragCpu = await rendererCpuMs(page, async () => {
      flowFrames = await frameIntervals(page, async () => {
        await page.mouse.move(nb.x + nb.width / 2, nb.y + nb.height / 2);
        await page.mouse.down();
        for (let i = 0; i < 80; i++) await page.mouse.move(nb.x + nb.width / 2 + i * 3, nb.y + nb.height / 2 + (i % 10) * 4);
        await page.mouse.up();
      });
    });
    report({ name: 'flow: drag a node, frame interval median', value: percentile(flowFrames, 50), unit: 'ms', against: { value: 16, label: 'aim' } });
    report({ name: 'flow: drag a node, frame interval p95', value: percentile(flowFrames, 95), unit: 'ms', against: { value: 16, label: 'aim' } });
    report({ name: 'flow: drag a node, renderer CPU per frame', value: dragCpu / Math.max(1, flowFrames.length), unit: 'ms', against: { value: 16, label: 'aim' } });
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    await rm(dir, { recursive: true, force: true });
  }
}
