/**
 * The export path the app takes, measured: the export jobs bundled for the browser (jspdf's and
 * exceljs's browser builds) running in a module worker in the system Chromium. The first job in a
 * worker pays for encoding and parsing the fonts; later ones show the warm cost. The bundle is a
 * classic (iife) worker because a blank page's opaque origin refuses blob module workers; the code it
 * runs is the same as the app's module worker.
 */
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumLaunchOptions } from '../e2e/chromium';
import type { ExportJob } from '../renderer/src/features/exports/jobs';

/** Times each job (in order, one worker) in Chromium; returns ms and bytes per job. */
export async function timeInChromium(jobs: ExportJob[]): Promise<{ ms: number; bytes: number }[]> {
  const out = await build({ entryPoints: ['e2e/exportWorkerEntry.ts'], bundle: true, format: 'iife', platform: 'browser', write: false, logLevel: 'silent' });
  const code = out.outputFiles[0]?.text ?? '';
  const font = (name: string) => readFileSync(`node_modules/dejavu-fonts-ttf/ttf/${name}`).toString('base64');
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>bench</title>');
    return await page.evaluate(async ({ code, jobs, regular, bold }) => {
      // No named function values in here: tsx's keepNames would wrap them in a helper the page lacks.
      const fonts = { regular: Uint8Array.from(atob(regular), (c) => c.charCodeAt(0)), bold: Uint8Array.from(atob(bold), (c) => c.charCodeAt(0)) };
      const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
      const results: { ms: number; bytes: number }[] = [];
      for (const job of jobs) {
        const reply = await new Promise<{ ok: boolean; bytes?: Uint8Array; ms?: number; message?: string }>((resolve) => {
          worker.onmessage = (e) => resolve(e.data);
          worker.onerror = (e) => resolve({ ok: false, message: e.message || 'the worker did not start' });
          worker.postMessage({ job, ...fonts });
        });
        if (!reply.ok) throw new Error(reply.message ?? 'export failed');
        results.push({ ms: reply.ms ?? 0, bytes: reply.bytes?.byteLength ?? 0 });
      }
      worker.terminate();
      return results;
    }, { code, jobs, regular: font('DejaVuSans.ttf'), bold: font('DejaVuSans-Bold.ttf') });
  } finally {
    await browser.close();
  }
}
