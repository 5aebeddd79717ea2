import type { Page } from 'playwright-core';

interface TraceEvent { ph: string; name: string; pid: number; tid: number; tdur?: number; args?: { name?: string } }

/**
 * Main-thread CPU time of the page while `fn` runs, from a Chromium trace (the thread time of its
 * top-level tasks). Wall-clock figures on a shared two-core machine mostly measure other processes;
 * CPU time is what the renderer itself spent (IndexedDB's own work runs off the main thread and is
 * only in the wall time).
 */
export async function rendererCpuMs(page: Page, fn: () => Promise<void>): Promise<number> {
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel'] });
  await fn();
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}/${e.tid}`));
  // Top-level tasks are named RunTask or ThreadControllerImpl::RunTask depending on the Chromium version.
  return events
    .filter((e) => e.ph === 'X' && /(^|::)RunTask$/.test(e.name) && mains.has(`${e.pid}/${e.tid}`))
    .reduce((sum, e) => sum + (e.tdur ?? 0) / 1000, 0);
}
